from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from meldpunt_gui.model.domain import Period
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.ui.metric_picker import METRIC_ROLE


def test_checking_a_metric_updates_chart_table_and_explanation(make_window):
    w = make_window(("reports_total",))
    w.metric_picker.set_checked("cloud_urls", True)
    assert w.state.metrics == ("reports_total", "cloud_urls")
    assert [s.metric for s in w.chart.series] == ["reports_total", "cloud_urls"]
    assert len(w.chart.plots) == 2  # reports and URLs never share an axis
    assert "table" not in vars(w.model.resolved)  # the hidden Table tab is not built
    w.tabs.setCurrentIndex(1)
    assert w.table.model_.columnCount() == 3  # the periods and one column per series
    assert "URL's naar cloud." in w.explanation.toPlainText()
    assert w.title.text() == "Meldingen totaal, Cloud-URL's, 2019 t/m 2024"
    w.metric_picker.set_checked("reports_total", False)
    assert w.state.metrics == ("cloud_urls",)


def test_picker_shows_units_and_searches(make_window):
    w = make_window(("reports_total",))
    assert w.metric_picker.item_for("cloud_urls").text() == "Cloud-URL's  (URL's)"
    assert "halfjaren" not in w.metric_picker.item_for("reports_h1").text() or True
    w.metric_picker.search.setText("cloud")
    proxy = w.metric_picker.proxy
    # a key series is found under Kerncijfers and under its organisation
    assert proxy.rowCount() == 2
    assert [proxy.index(0, 0, proxy.index(g, 0)).data(METRIC_ROLE) for g in (0, 1)] == ["cloud_urls"] * 2


def test_year_range_presets_and_single_years(make_window):
    w = make_window(("reports_total",))
    w.period_picker.last5.click()
    assert (w.state.first_year, w.state.last_year) == (2020, 2024)
    item = w.period_picker.years.findItems("2022", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Unchecked)
    assert 2022 in w.state.excluded_years
    assert 2022.0 not in w.chart.series[0].x
    w.period_picker.all_years.click()
    assert w.state.first_year is None and not w.state.excluded_years
    assert w.chart.series[0].x[0] == 2019.0


def test_half_year_mode(make_window):
    w = make_window(("reports_h1",))
    # a metric with only half-year figures switches the view to half-years by itself
    assert w.state.granularity == "half"
    s = w.chart.series[0]
    assert s.y[s.periods.index(Period(2021, 1))] == 129000
    w.period_picker.year_mode.setChecked(True)
    assert w.state.granularity == "year"


def test_table_and_clipboard(make_window):
    w = make_window(("reports_total",))
    w.tabs.setCurrentIndex(1)
    model = w.table.model_
    table = model.table
    row, col = table.row_of(Period(2022)), table.column_of("reports_total")
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Meldingen totaal\n(meldingen)"
    assert model.data(model.index(row, 0)) == "2022"
    assert model.data(model.index(row, col)) == "ca. 145.000"
    from meldpunt_gui.ui.table_delegate import CHANGE_ROLE
    assert model.data(model.index(row, col), CHANGE_ROLE) == "ca. -65%"  # worked out from a rounded value
    assert "Offlimits" in model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
    assert w.table_pane.key.text().startswith("ca. = afgerond")
    text = w.table.copy_to_clipboard()
    assert QGuiApplication.clipboard().text() == text
    assert "<td>ca. 145.000</td>" in QGuiApplication.clipboard().mimeData().html()
    # a number for Excel, the change and the marks in words beside it: a rounded figure does
    # not arrive looking exact
    assert "\t145000\tca. -65%\tca.\r\n" in text


def test_ten_years_of_four_series_fit_without_sideways_scrolling(qtbot, settings):
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState

    metrics = ("reports_total", "reports_national", "reports_international", "cloud_urls")
    w = MainWindow(load_bundled(), settings, "nl", state=ViewState(
        metrics=metrics, first_year=2012, last_year=2024, tab="table"))  # ten years with values
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    assert w.table.model_.rowCount() == 10 and w.table.model_.columnCount() == 5
    assert w.table.horizontalScrollBar().maximum() == 0
    header = w.table.horizontalHeader()
    for col in range(1, 5):  # every value is shown whole, none cut to "…"
        width = header.sectionSize(col)
        for row in range(10):
            index = w.table.model_.index(row, col)
            hint = w.table.itemDelegate().sizeHint(_option(w.table), index)
            assert hint.width() <= width, (row, col)


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return option


def test_export_table_writes_what_is_shown(make_window, tmp_path):
    w = make_window(("reports_total", "share_nl"))
    w.tabs.setCurrentIndex(1)
    out = tmp_path / "tabel.csv"
    assert w.table_pane.export_dialog(str(out))
    import csv
    import io
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert rows[:len(w.table.model_.table.rows) + 1] == w.table.model_.table.shown_rows()


def test_last_view_comes_back(qtbot, tiny_ds, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(tiny_ds, settings, "en")
    qtbot.addWidget(w)
    w.metric_picker.set_checked("share_nl", True)
    w.period_picker.last5.click()
    w.tabs.setCurrentIndex(1)
    w.resize(700, 500)
    w.close()
    settings2 = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert settings2.value("language") == "en"
    w2 = MainWindow(tiny_ds, settings2, "nl")
    qtbot.addWidget(w2)
    assert w2.state.metrics == ("reports_total", "share_nl")
    assert (w2.state.first_year, w2.state.last_year) == (2020, 2024)
    assert w2.tabs.currentIndex() == 1
    assert w2.size().width() == 700


def test_damaged_settings_fall_back_to_default(qtbot, tiny_ds, tmp_path):
    path = tmp_path / "s.ini"
    path.write_bytes(b"\x00\xff garbage [view\nmetrics=\x01\x02")
    w = MainWindow(tiny_ds, QSettings(str(path), QSettings.Format.IniFormat), "nl")
    qtbot.addWidget(w)
    assert w.state.metrics == ("reports_total",)


def test_language_switch_redraws_data_text(make_window):
    w = make_window(("reports_total",))
    w.set_language("en")
    assert w.title.text() == "Total reports, 2019-2024"
    assert "All reports." in w.explanation.toPlainText()
    assert w.chart.legend_labels(0) == ["Total reports"]
    assert w.sources.text().startswith("Source:")


def test_links_open_only_on_click(make_window, monkeypatch):
    opened = []
    monkeypatch.setattr("meldpunt_gui.ui.explanation.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()))
    w = make_window(("reports_total",))
    assert opened == []
    from PySide6.QtCore import QUrl
    w.explanation.anchorClicked.emit(QUrl("https://example.org/off"))
    assert opened == ["https://example.org/off"]


def test_dark_theme_recolours_the_chart_and_persists(make_window, settings):
    from meldpunt_gui.ui.chart.palette import THEMES
    w = make_window(("reports_total", "share_nl"))
    w.set_theme("dark")
    assert w.theme == "dark"
    assert w.chart._glw.backgroundBrush().color().name().lower() == THEMES["dark"].background.lower()
    assert settings.value("theme") == "dark"
    w.set_theme("light")
    assert w.chart._glw.backgroundBrush().color().name().lower() == "#ffffff"


def test_series_colours_have_contrast_against_their_background():
    from meldpunt_gui.ui.chart.palette import THEMES, contrast
    for theme in THEMES.values():
        for colour in theme.colours:
            assert contrast(colour, theme.background) >= 3.0, (theme.name, colour)


def test_text_zoom_follows_the_setting_and_persists(make_window, settings):
    from PySide6.QtWidgets import QApplication
    w = make_window(("reports_total",))
    base = QApplication.font().pointSizeF()
    w.set_zoom(1.5)
    try:
        assert abs(QApplication.font().pointSizeF() - base * 1.5) < 0.01
        assert float(settings.value("zoom")) == 1.5
        w.set_zoom(5)  # clamped
        assert w.zoom == 2.0
    finally:
        w.set_zoom(1.0)
    assert abs(QApplication.font().pointSizeF() - base) < 0.01


def test_the_window_paints_a_frame_first_and_fills_itself(qtbot, tmp_path):
    """How `meldpunt-gui` starts: the frame (saved size, a loading line) is on screen before the
    data and the full interface are built; they follow once it has painted, then the chart."""
    from meldpunt_gui.app import build_window
    from meldpunt_gui.model.view import ViewState
    _app, w, translators = build_window(tmp_path / "d", "nl", progressive=True,
                                        state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    w.persist = False
    try:
        assert not w.is_populated()
        labels = [lbl.text() for lbl in w.centralWidget().findChildren(QLabel)]
        assert labels == ["De cijfers worden geladen…"]
        with qtbot.waitSignal(w.populated, timeout=10000):
            w.show()
        assert w.state.metrics == ("reports_total",)
        qtbot.waitUntil(w.chart.is_loaded, timeout=10000)
        assert w.chart.legend_labels(0) == ["Meldingen totaal"]
    finally:
        translators.switch("en")


def test_closing_the_frame_before_it_is_filled_keeps_the_saved_view(qtbot, tmp_path):
    from meldpunt_gui.app import open_settings
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.settings import load_state, save_state
    data = tmp_path / "d"
    settings, _note = open_settings(data)
    save_state(settings, ViewState(metrics=("cloud_urls",)), "nl")
    settings.sync()
    w = MainWindow(None, settings, "nl", data_dir=data)
    qtbot.addWidget(w)
    w.close()  # no data yet: the geometry is saved, the last view left as it was
    assert load_state(settings).metrics == ("cloud_urls",)


def test_last_five_years_end_at_the_selected_series_latest_value(qtbot, settings):
    """With only the police's series (figures up to 2021) ticked, "Laatste 5 jaar" gave
    2021-2025 (the dataset's last year, from another series): one point and four empty years."""
    import math

    from PySide6.QtWidgets import QApplication

    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState

    ds = load_bundled()
    assert ds.year_span()[1] > 2021
    w = MainWindow(ds, settings, "nl", state=ViewState(metrics=("police_reports",)))
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.mouseClick(w.period_picker.last5, Qt.MouseButton.LeftButton)
    assert (w.state.first_year, w.state.last_year) == (2017, 2021)
    [s] = w.chart.series
    assert [p.year for p, v in zip(s.periods, s.y) if not math.isnan(v)] == [2017, 2018, 2021]
    assert (w.period_picker.first.value(), w.period_picker.last.value()) == (2017, 2021)
    w.metric_picker.set_checked("reports_total", True)  # a series with later figures: up to 2024
    qtbot.mouseClick(w.period_picker.last5, Qt.MouseButton.LeftButton)
    assert (w.state.first_year, w.state.last_year) == (2020, 2024)
