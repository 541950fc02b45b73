"""A change of selection in the whole window: the headline strip reuses its tiles, texts that
stay the same are not set again, and forty series leave every pane its room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.headline_strip import HeadlineTile
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.ui.window_layout import SUMMARY_LINES


@pytest.fixture(scope="module")
def bundled():
    from meldpunt_gui.data.bundled import load_bundled
    return load_bundled()


@pytest.fixture
def window(qtbot, bundled, settings, dutch):
    def make(state: ViewState, size: tuple[int, int] = (1400, 860)) -> MainWindow:
        w = MainWindow(bundled, settings, "nl", state=state)
        w.persist = False
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        w.chart.ensure_loaded()
        qtbot.waitExposed(w)
        return w
    return make


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_the_strip_keeps_its_tiles_and_shows_the_new_figures(window):
    w = window(ViewState(metrics=("reports_total", "cloud_urls"), first_year=2021, last_year=2022))
    strip = w.headline_strip
    first, second = strip.tiles
    assert first.figure.text() == "ca. 145.000 meldingen" and second.figure.text() == "4.600 URL's"
    for metrics in (("cloud_urls", "reports_total"), ("cloud_urls",), ("reports_total", "cloud_urls"),
                    ("cloud_urls", "reports_total")):
        w.model.select_metrics(metrics)
        settle()
    assert strip.tiles == [first, second]  # the same two tiles, given the other figures
    assert len(strip.findChildren(HeadlineTile)) == 2  # none left behind, none made again
    assert first.item.metric == "cloud_urls" and first.figure.text() == "4.600 URL's"
    assert first.name.text() == "URL's naar cloudomgeving, 2022"
    assert first.change.text() == "97% minder dan in 2021 (160.000)" and not first.change.isHidden()
    assert "offlimits.nl" in first.source.text() and first.source.text().startswith("<a href=")
    assert first.figure.accessibleName() == w.model.resolved.headlines[0].sentence
    assert second.item.metric == "reports_total" and second.figure.text() == "ca. 145.000 meldingen"
    w.model.select_metrics(("cloud_urls",))
    settle()
    assert strip.tiles == [first] and second.isHidden() and not first.isHidden()


def test_a_reused_tile_opens_its_new_source_only_on_a_click(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr("meldpunt_gui.ui.headline_strip.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()))
    w = window(ViewState(metrics=("reports_total",), first_year=2021, last_year=2022))
    tile = w.headline_strip.tiles[0]
    w.model.select_metrics(("cloud_urls",))
    settle()
    assert w.headline_strip.tiles == [tile]
    QTest.mouseMove(tile.source, QPoint(5, tile.source.height() // 2))  # hovering opens nothing
    settle()
    assert opened == []
    url = w.model.resolved.headlines[0].source_url
    assert url.startswith("https://") and url in tile.source.text()
    tile.source.linkActivated.emit(url)  # what a click on the link does
    assert opened == [url]
    # the figure of the reused tile selects the new series' value
    with qtbot.waitSignal(w.headline_strip.point_requested) as blocker:
        qtbot.mouseClick(tile.figure, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cloud_urls", Period(2022)]


def test_texts_that_stay_the_same_are_not_set_again(window, monkeypatch):
    w = window(ViewState(metrics=("reports_total",), first_year=2019, last_year=2022))
    pages, summaries = [], []
    real_html, real_text = w.explanation.setHtml, w.summary.setPlainText
    monkeypatch.setattr(w.explanation, "setHtml", lambda html: (pages.append(html), real_html(html)))
    monkeypatch.setattr(w.summary, "setPlainText",
                        lambda text: (summaries.append(text), real_text(text)))
    before = w.explanation.toPlainText()
    w.model.update(mode="index", base_year=2019)  # same series and years: same words
    settle()
    assert (pages, summaries) == ([], [])
    assert w.explanation.toPlainText() == before and "Meldingen totaal" in before
    assert w.summary.text().startswith("Meldingen totaal: 4 waarden, 2019 t/m 2022")
    w.model.select_metrics(("cloud_urls",))
    settle()
    assert len(pages) == 1 and "URL&#x27;s naar cloudomgeving" in pages[0]
    assert summaries == ["URL's naar cloudomgeving: 2 waarden, 2021 t/m 2022; gedaald van 160.000 "
                         "(2021) naar 4.600 (2022) (-97%); hoogste 160.000 (2021); laatste 4.600 "
                         "(2022); grootste verandering -97% ten opzichte van 2021."]
    assert w.summary.toPlainText() == summaries[0]


def test_forty_series_leave_every_pane_its_room(window, bundled):
    w = window(ViewState(metrics=("reports_total",)))
    settle()
    sizes, size = w.splitter.sizes(), w.size()
    explanation_width = w.explanation.width()
    forty = tuple(list(bundled.metrics)[:40])
    w.model.select_metrics(forty)
    settle()
    assert w.size() == size  # before, the panes' minimum sizes made the window 939 pixels high
    assert w.splitter.sizes() == sizes and w.explanation.width() == explanation_width
    assert w.summary.height() == SUMMARY_LINES * w.summary.fontMetrics().lineSpacing() + 1
    assert w.summary.text() == "\n".join(w.model.resolved.summary)
    assert len(w.summary.text().splitlines()) == 40
    assert w.summary.verticalScrollBar().maximum() > 0  # the rest scrolls into view
    assert w.chart.height() > 2 * w.summary.height()  # was 68 pixels under a 464-pixel summary
    w.model.select_metrics(("reports_total",))
    settle()
    assert 0 < w.summary.height() < SUMMARY_LINES * w.summary.fontMetrics().lineSpacing()
    assert w.summary.verticalScrollBar().maximum() == 0


def test_the_strip_shows_the_figures_that_fit_and_copies_them_all(window):
    four = ("reports_total", "reports_national", "cloud_urls", "share_cloud_pct")
    w = window(ViewState(metrics=four))
    settle()
    strip = w.headline_strip
    assert [t.item.metric for t in strip.tiles] == list(four)
    shown = strip.shown_tiles()
    assert 1 <= len(shown) < 4 and shown == strip.tiles[:len(shown)]
    for tile in shown:  # none is squeezed below what its figure needs
        assert tile.width() >= tile.minimumSizeHint().width()
    assert strip.width() <= w.tabs.width()
    text = strip.copy_sentence()  # every series, shown or not
    assert [h.metric for h in w.model.resolved.headlines] == list(four)
    assert text == " ".join(h.sentence for h in w.model.resolved.headlines)
    assert text.startswith("In 2024 telde het Meldpunt circa 127.000 meldingen")
    assert text.endswith("Aandeel meldingen over cloud in 2021: 49,99% van alle meldingen bij het Meldpunt. "
                         "Bron: EOKM, ongedateerd; jaarverslagsite uit 2022. Geen eerder cijfer in de gegevens.")
    w.resize(2400, 860)
    settle()
    assert len(strip.shown_tiles()) > len(shown)


def test_a_new_theme_sets_the_explanation_again_for_its_link_colours(window, monkeypatch):
    from PySide6.QtGui import QPalette

    w = window(ViewState(metrics=("reports_total",)))
    pages = []
    real_html = w.explanation.setHtml
    monkeypatch.setattr(w.explanation, "setHtml", lambda html: (pages.append(html), real_html(html)))
    try:
        w.set_theme("dark")
        settle()
        assert pages and pages[-1] == w.explanation.page_html  # the same page, set again
        link = w.explanation.palette().color(QPalette.ColorRole.Link)
        block = w.explanation.document().find("Waarom").block()
        colours = {f.format.foreground().color().name() for f in block.layout().formats()} | {
            block.charFormat().foreground().color().name()}
        it = block.begin()
        while not it.atEnd():  # the fold link in the title
            colours.add(it.fragment().charFormat().foreground().color().name())
            it += 1
        assert link.name() in colours
    finally:
        w.set_theme("light")


def test_the_years_list_stays_where_the_reader_scrolled_it_when_the_years_stay(window):
    w = window(ViewState(metrics=("reports_total",)))
    years = w.period_picker.years
    first_item = years.item(0)
    bar = years.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    w.model.select_metrics(("reports_total", "reports_national"))  # the same years, 1996-2024
    settle()
    assert years.item(0) is first_item and bar.value() == bar.maximum() > 0
    assert [years.item(i).text() for i in (0, years.count() - 1)] == ["1996", "2024"]
    w.model.select_metrics(("cloud_urls",))  # other years: the list follows
    settle()
    assert [years.item(i).text() for i in range(years.count())] == ["2021", "2022"]
    assert all(years.item(i).checkState() == Qt.CheckState.Checked for i in range(years.count()))


def test_a_larger_text_size_enlarges_the_kept_tiles_and_drops_what_no_longer_fits(window):
    w = window(ViewState(metrics=("reports_total", "reports_national", "cloud_urls")), (2400, 860))
    settle()
    strip = w.headline_strip
    tile = strip.tiles[0]
    assert len(strip.shown_tiles()) == 3
    size = tile.figure.font().pointSizeF()
    assert size == pytest.approx(tile.font().pointSizeF() * 1.6)
    try:
        w.set_zoom(2.0)  # View > larger text: the application's font, as a user sets it
        settle()
        assert strip.tiles[0] is tile  # the same tile, in the new size
        assert tile.figure.font().pointSizeF() == pytest.approx(tile.font().pointSizeF() * 1.6)
        assert tile.figure.font().pointSizeF() > 1.5 * size and tile.figure.font().bold()
        assert tile.name.font().pointSizeF() == pytest.approx(tile.font().pointSizeF() * 0.9)
        shown = strip.shown_tiles()
        assert 1 <= len(shown) < 3
        for shown_tile in shown:  # none squeezed below what its figure now needs
            assert shown_tile.width() >= shown_tile.minimumSizeHint().width()
    finally:
        w.set_zoom(1.0)


def test_figures_left_out_of_the_strip_are_counted_and_named_on_hover_and_click(window, qtbot):
    w = window(ViewState(metrics=("reports_total", "iwf_total_urls", "police_reports",
                                  "inhope_records_suspected", "cloud_urls")))
    settle()
    strip = w.headline_strip
    shown = strip.shown_tiles()
    left_out = 5 - len(shown)
    assert 1 <= len(shown) < 5 and not strip.more.isHidden()
    assert strip.more.text() == f"+{left_out} meer"
    assert strip.more.accessibleName() == f"nog {left_out} reeksen zonder kerncijfer hier"
    on_tiles = {t.item.metric for t in shown}
    expected = [h.sentence for h in w.model.resolved.headlines if h.metric not in on_tiles]
    assert strip.hidden_text().split("\n") == expected and len(expected) == left_out
    assert strip.more.geometry().right() < strip.copy_button.geometry().left()  # beside, not over
    qtbot.mouseClick(strip.more, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QToolTip
    assert QToolTip.isVisible() and expected[0][:20] in QToolTip.text()
    assert "<b>" not in QToolTip.text().replace("<br>", "")  # the sentences stay plain text, escaped
    QToolTip.hideText()
    w.model.select_metrics(("reports_total",))  # all figures fit: no "+n"
    settle()
    assert strip.more.isHidden() and len(strip.shown_tiles()) == 1


def test_the_left_out_count_follows_the_language(qapp, tmp_path):
    from meldpunt_gui.app import build_window

    app, w, translators = build_window(tmp_path / "d", "nl")
    try:
        w.resize(1400, 860)
        w.show()
        w.model.select_metrics(("reports_total", "iwf_total_urls", "police_reports",
                                "inhope_records_suspected", "cloud_urls"))
        settle()
        strip = w.headline_strip
        left_out = 5 - len(strip.shown_tiles())
        assert left_out >= 1 and strip.more.text() == f"+{left_out} meer"
        w.language_requested.emit("en")
        settle()
        left_out = 5 - len(strip.shown_tiles())
        assert strip.more.text() == f"+{left_out} more"
        assert strip.more.accessibleName() == f"{left_out} more series without a key figure here"
        on_tiles = {t.item.metric for t in strip.shown_tiles()}
        assert strip.hidden_text().split("\n")[0] == next(
            h.sentence for h in w.model.resolved.headlines if h.metric not in on_tiles)
    finally:
        translators.switch("en")  # as test_i18n leaves the application
        w.persist = False
        w.close()


def test_the_series_picker_repaints_only_the_rows_that_changed(window):
    """A change of selection ticks and unticks rows unheard by the list; it then repaints the
    rows in sight that changed, not the whole list (nor anything for rows under a fold)."""
    from PySide6.QtCore import QEvent, QObject, QRect

    w = window(ViewState(metrics=("reports_total", "cloud_urls")))  # as many chips throughout
    picker = w.metric_picker
    tree = picker.tree
    settle()

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.rects: list[QRect] = []

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.rects.append(event.rect())
            return False

    painted = Painted()
    tree.viewport().installEventFilter(painted)
    try:
        item = picker.items_for("reports_national")[0]  # under Kerncijfers, at the top
        row = tree.visualRect(picker.proxy.mapFromSource(item.index()))
        assert row.isValid() and tree.viewport().rect().intersects(row)  # in sight
        w.model.select_metrics(("reports_total", "reports_national"))
        settle()
        assert item.checkState() == Qt.CheckState.Checked
        assert painted.rects and all(r.height() < tree.viewport().height() / 3 for r in painted.rects)
        assert any(r.intersects(row) for r in painted.rects)
        # a series under a folded organisation: ticked, and the list paints nothing
        tree.collapse(picker.proxy.mapFromSource(item.parent().index()))
        settle()
        painted.rects.clear()
        w.model.select_metrics(("reports_total", "cloud_urls"))
        settle()
        assert item.checkState() == Qt.CheckState.Unchecked
        assert all(not r.intersects(row) for r in painted.rects)
    finally:
        tree.viewport().removeEventFilter(painted)


def test_the_year_boxes_are_not_painted_again_when_the_years_stay(window):
    """A change of series that keeps the years sets nothing in the period picker, so its spin
    boxes and their group are not repainted (they were, twice per change); other years are
    shown at once."""
    from PySide6.QtCore import QEvent, QObject

    w = window(ViewState(metrics=("reports_total",)))
    picker = w.period_picker
    settle()

    class Painted(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    painted = Painted()
    boxes = (picker.first, picker.last, picker.first.lineEdit(), picker.last.lineEdit())
    for box in boxes:
        box.installEventFilter(painted)
    try:
        w.model.select_metrics(("reports_total", "reports_national"))  # the same years, 1996-2024
        settle()
        assert painted.count == 0
        w.model.select_metrics(("cloud_urls",))  # 2021-2022: the boxes follow
        settle()
        assert (picker.first.value(), picker.last.value()) == (2021, 2022) and painted.count > 0
    finally:
        for box in boxes:
            box.removeEventFilter(painted)


def _figure_lines_fit(tile: HeadlineTile) -> bool:
    """Every line of the tile's figure fits inside the button, and the button inside the tile."""
    button = tile.figure
    metrics = button.fontMetrics()
    room = button.contentsRect().width()
    inside = tile.contentsRect().contains(button.geometry())
    return inside and all(metrics.horizontalAdvance(line) <= room for line in button.text().split("\n"))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_a_key_figure_is_shown_whole_in_a_narrow_window(qtbot, bundled, settings, lang, size):
    """In a 1024 px window the only tile cut its figure off at the tile's edge ("ca. 127.000
    meldinge"): the figure now takes smaller type and, if need be, breaks between words."""
    from tests.ui.conftest import shown_window

    state = ViewState(metrics=("reports_total", "iwf_total_urls", "police_reports"), mode="index")
    w = shown_window(qtbot, MainWindow(bundled, settings, lang, state=state), size)
    w.persist = False
    settle()
    shown = w.headline_strip.shown_tiles()
    assert shown
    for tile in shown:
        assert _figure_lines_fit(tile), (tile.figure.text(), tile.figure.width())
        assert " ".join(tile.figure.text().split("\n")) == tile.item.value  # every word, in order
    w.resize(size[0] + 600, size[1])  # wider again: the figure on one line, in its full size
    settle()
    tile = w.headline_strip.shown_tiles()[0]
    assert tile.figure.text() == tile.item.value and _figure_lines_fit(tile)
    assert tile.figure.font().pointSizeF() == pytest.approx(tile.font().pointSizeF() * 1.6)


def test_a_figure_breaks_between_words_where_smaller_type_is_not_enough(qtbot):
    from PySide6.QtWidgets import QWidget

    from meldpunt_gui.ui.headline_strip import LEAST_FIGURE_SIZE, FigureButton

    host = QWidget()
    qtbot.addWidget(host)
    button = FigureButton(host)
    button.show_figure("approx. 127,000 reports to the hotline", host.font())
    button.fit(button.natural_width() // 2)
    lines = button.text().split("\n")
    assert len(lines) > 1 and " ".join(lines) == "approx. 127,000 reports to the hotline"
    assert button.font().pointSizeF() == pytest.approx(host.font().pointSizeF() * LEAST_FIGURE_SIZE)
    widest = max(button.fontMetrics().horizontalAdvance(line) for line in lines)
    assert widest <= button.natural_width() // 2
    button.fit(-1)
    assert button.text() == "approx. 127,000 reports to the hotline"


def test_the_strip_fits_its_figures_once_per_change(window, monkeypatch):
    from meldpunt_gui.ui.headline_strip import HeadlineStrip

    w = window(ViewState(metrics=("reports_total", "cloud_urls")))
    settle()
    fits = []
    real = HeadlineStrip._fit
    monkeypatch.setattr(HeadlineStrip, "_fit", lambda self: (fits.append(1), real(self)))
    for metrics in (("cloud_urls", "police_reports"), ("reports_total",),
                    ("reports_total", "iwf_total_urls", "police_reports")):
        fits.clear()
        w.model.select_metrics(metrics)
        settle()
        assert len(fits) == 1, metrics
