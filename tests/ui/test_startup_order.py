"""How `meldpunt-gui` comes on screen: a frame at once, then the whole window with its chart in
one step, never the filled window with the chart still loading."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class WindowPaints(QObject):
    """For each paint of the window itself: (filled, chart drawn, the chart's width), and the
    application's style then."""

    def __init__(self, window):
        super().__init__()
        self.window = window
        self.seen: list[tuple[bool, bool, int]] = []
        self.styles: list[str] = []
        window.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            w = self.window
            chart = getattr(w, "chart", None)
            self.seen.append((w.is_populated(), chart is not None and chart.is_loaded(),
                              chart.width() if chart is not None else 0))
            self.styles.append(type(QApplication.style()).__name__)
        return False


def test_the_frame_comes_first_then_the_window_with_its_chart(qtbot, tmp_path):
    from meldpunt_gui.app import build_window
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.chart import view

    _app, w, translators = build_window(tmp_path / "d", "nl", progressive=True,
                                        state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    w.persist = False
    rebuilt_at: list[int] = []
    original = view.ChartView._rebuild

    def rebuild(chart):
        rebuilt_at.append(chart.width())
        original(chart)

    view.ChartView._rebuild = rebuild
    try:
        paints = WindowPaints(w)
        w.show()
        qtbot.waitUntil(lambda: any(filled for filled, _, _ in paints.seen), timeout=10000)
        for _ in range(5):
            QApplication.processEvents()
        first, filled = paints.seen[0], next(p for p in paints.seen if p[0])
        assert first[:2] == (False, False)  # the frame: no data, no pyqtgraph yet
        assert filled[1]  # the first paint of the filled window shows the chart drawn
        # drawn once, at the size it is shown at, not first for a window not yet laid out
        assert rebuilt_at == [filled[2]]
        assert w.chart.legend_labels(0) == ["Meldingen totaal"]
        # the frame in plain Fusion (a line of text needs none of our drawing), the window in
        # the style that keeps check boxes and radio buttons visible in either theme
        filled_at = paints.seen.index(filled)
        assert "ThemeStyle" not in paints.styles[:1]
        assert paints.styles[filled_at:] == ["ThemeStyle"] * (len(paints.styles) - filled_at)
    finally:
        view.ChartView._rebuild = original
        translators.switch("en")
