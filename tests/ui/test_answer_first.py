"""The answer first: headline strip, Waarom on top, events about the selection, the picker's
Kerncijfers and chips, the data date and F1 help, driven through the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.model.vocabulary import KEY_METRICS
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.ui.metric_picker import METRIC_ROLE


@pytest.fixture(scope="module")
def bundled():
    from meldpunt_gui.data.bundled import load_bundled
    return load_bundled()


@pytest.fixture
def real_window(qtbot, bundled, settings, dutch):
    def make(state: ViewState, lang: str = "nl") -> MainWindow:
        w = MainWindow(bundled, settings, lang, state=state)
        qtbot.addWidget(w)
        w.resize(1400, 860)
        w.show()
        w.chart.ensure_loaded()
        qtbot.waitExposed(w)
        return w
    return make


def test_memo_task_figure_change_source_and_main_factor_without_scrolling(real_window, bundled):
    w = real_window(ViewState(metrics=("reports_total",), first_year=2021, last_year=2022))
    [tile] = w.headline_strip.tiles
    shown = bundled.shown("reports_total", Period(2022))
    h = w.model.resolved.headlines[0]
    assert tile.item.period == Period(2022) and tile.figure.text() == h.value
    assert h.value.replace(".", "").split()[-2].endswith(str(int(shown.value)))
    assert tile.change.text() == h.change and "minder dan in 2021 (ca. 414.000 in dezelfde bron)" in h.change
    src = bundled.source_of(shown)
    assert src.publisher in tile.source.text() and src.url in tile.source.text()
    # Waarom is the first thing in the pane, the main factor its first sentence, in view
    text = w.explanation.toPlainText()
    assert text.startswith("▾ Waarom\nOfflimits noemde in juli 2023 de toegenomen druk op hosters "
                           "de voornaamste factor")
    assert text.index("Waarom") < text.index("Wat telt mee") < text.index("Achtergrond")
    assert w.explanation.verticalScrollBar().value() == 0
    doc = w.explanation.document()
    block = doc.find("voornaamste factor").block()
    rect = doc.documentLayout().blockBoundingRect(block)
    assert rect.bottom() < w.explanation.viewport().height()


def test_a_figure_without_a_change_says_why_and_its_source_link_shows_the_address(real_window, bundled):
    w = real_window(ViewState(metrics=("reports_total",)))
    [tile] = w.headline_strip.tiles
    assert tile.change.text() == "geen cijfer over 2023 in de gegevens; 2022: ca. 145.000"
    assert not tile.change.isHidden()
    src = bundled.source_of(bundled.shown("reports_total", Period(2024)))
    assert src.url in tile.source.toolTip()  # readable where a click cannot open a browser


def test_clicking_a_figure_selects_that_point_in_chart_and_table(real_window, qtbot):
    w = real_window(ViewState(metrics=("reports_total", "cloud_urls"), first_year=2019, last_year=2022))
    tile = w.headline_strip.tiles[1]
    qtbot.mouseClick(tile.figure, Qt.MouseButton.LeftButton)
    readout = w.chart.readout  # the crosshair readout is pinned on that figure's period
    assert (readout.period, readout.pinned) == (Period(2022), True)
    assert "URL's naar cloudomgeving" in w.chart.hover_text and "4.600" in w.chart.hover_text
    w.tabs.setCurrentIndex(1)  # the table is built when shown and then selects the value
    cell = w.table.model_.table.rows[w.table.currentIndex().row()][w.table.currentIndex().column()]
    assert (cell.metric, cell.period) == ("cloud_urls", Period(2022))


def test_copy_as_sentence_puts_text_and_escaped_html_on_the_clipboard(real_window, qtbot):
    w = real_window(ViewState(metrics=("cloud_urls",), first_year=2021, last_year=2022))
    qtbot.mouseClick(w.headline_strip.copy_button, Qt.MouseButton.LeftButton)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == ("In 2022 telde het Meldpunt 4.600 URL's naar een cloudomgeving, 97% minder "
                           "dan in 2021 (160.000). Bron: Offlimits, 13-07-2023.")
    assert "URL&#x27;s" in data.html() and '<a href="https://offlimits.nl/' in data.html()


def test_the_copied_sentence_the_left_out_figures_and_the_readout_say_why_there_is_no_change(
        real_window, qtbot):
    """The tile said "geen cijfer over 2023 in de gegevens; 2022: ca. 145.000"; the copied
    sentence, "+1 meer" and the readout said nothing, so a pasted 2024 figure read as if
    there were nothing to compare it with."""
    w = real_window(ViewState(metrics=("reports_total", "police_reports")))
    w.resize(700, 860)  # one tile: the police's figure is left out, under "+1 meer"
    qtbot.waitUntil(lambda: len(w.headline_strip.shown_tiles()) == 1)
    strip = w.headline_strip
    assert strip.tiles[0].change.text() == "geen cijfer over 2023 in de gegevens; 2022: ca. 145.000"
    qtbot.mouseClick(strip.copy_button, Qt.MouseButton.LeftButton)
    total = ("In 2024 telde het Meldpunt circa 127.000 meldingen (secundaire bron). Bron: "
             "Reformatorisch Dagblad, apr 2025. Geen cijfer over 2023 in de gegevens; 2022: ca. "
             "145.000 (Offlimits, 13-07-2023).")
    police = ("Meldingen bij de politie in 2021: 36.000 meldingen bij de politie. Bron: Politie, "
              "04-08-2022. Geen verandering: de reeks telt vanaf 2021 anders (zie Wat telt mee).")  # 2018: US only
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == f"{total} {police}"
    assert "</a>. Geen cijfer over 2023 in de gegevens; 2022: ca. 145.000 (Offlimits, 13-07-2023).</p>" \
        in data.html()
    assert strip.hidden_text() == police  # what "+1 meer" shows
    qtbot.waitUntil(lambda: w.chart.plots[0].getViewBox().width() > 100)
    glw = w.chart._glw
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the chart
    qtbot.keyClick(glw, Qt.Key.Key_End)
    assert w.chart.readout.label.text().split("\n")[:2] == [
        "2024", "Meldingen totaal: ca. 127.000 meldingen (secundaire bron) · geen cijfer over 2023 "
        "in de gegevens; 2022: ca. 145.000 · Bron: Reformatorisch Dagblad, apr 2025"]
    qtbot.keyClick(glw, Qt.Key.Key_Left)  # 2022, then 2021: the police's latest
    qtbot.keyClick(glw, Qt.Key.Key_Left)
    # 2018 counted only US reports: the readout says the count changed, not "2018: 30.000"
    assert ("Meldingen bij de politie: 36.000 meldingen bij de politie · telt vanaf 2021 anders, dus geen "
            "verandering berekend · Bron: Politie, 04-08-2022") in w.chart.readout.label.text().split("\n")


def test_source_link_opens_only_on_a_click(real_window, monkeypatch):
    opened = []
    monkeypatch.setattr("meldpunt_gui.ui.headline_strip.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()))
    w = real_window(ViewState(metrics=("cloud_urls",), first_year=2021, last_year=2022))
    assert opened == []
    tile = w.headline_strip.tiles[0]
    tile.source.linkActivated.emit(tile.item.source_url)
    tile.source.linkActivated.emit("javascript:alert(1)")
    assert opened == [tile.item.source_url]


def test_headline_shows_the_mode_figure(real_window):
    w = real_window(ViewState(metrics=("reports_total",), first_year=2021, last_year=2022,
                              mode="index", base_year=2021))
    tile = w.headline_strip.tiles[0]
    assert tile.mode.text().startswith("index ") and tile.mode.text().endswith("(2021 = 100)")
    assert not tile.mode.isHidden()


def test_sections_fold_are_remembered_and_the_pane_returns_to_the_top(real_window, qtbot, settings,
                                                                       bundled):
    w = real_window(ViewState(metrics=("reports_total",)))
    assert "Alle meldingen die het Meldpunt" in w.explanation.toPlainText()
    w.explanation.anchorClicked.emit(QUrl("fold:definitions"))
    assert "Alle meldingen die het Meldpunt" not in w.explanation.toPlainText()
    assert "▸ Wat telt mee" in w.explanation.toPlainText()
    again = MainWindow(bundled, settings, "nl", state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(again)
    assert "Alle meldingen die het Meldpunt" not in again.explanation.toPlainText()
    bar = w.explanation.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    w.metric_picker.set_checked("cloud_urls", True)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    w.open_story("fall-2022")
    assert bar.value() == 0


def test_the_definitions_of_many_series_start_folded_and_open_with_one_click(real_window, qtbot, settings,
                                                                           bundled):
    """Past eight series the definitions start folded (forty would bury the background and the
    sources); a click opens them, remembered for many series only; few series show theirs."""
    from meldpunt_gui.ui.explanation import DEFINITIONS_OPEN

    many = tuple(list(bundled.metrics)[:DEFINITIONS_OPEN + 1])
    w = real_window(ViewState(metrics=many))
    text = w.explanation.toPlainText()
    assert "▸ Wat telt mee" in text and "Alle meldingen die het Meldpunt" not in text
    assert text.index("Waarom") < text.index("Wat telt mee") < text.index("Achtergrond")
    w.explanation.anchorClicked.emit(QUrl("fold:definitions"))  # the reader opens them
    assert "▾ Wat telt mee" in w.explanation.toPlainText()
    assert "Alle meldingen die het Meldpunt" in w.explanation.toPlainText()
    again = MainWindow(bundled, settings, "nl", state=ViewState(metrics=many))
    qtbot.addWidget(again)
    assert "Alle meldingen die het Meldpunt" in again.explanation.toPlainText()  # remembered
    again.model.select_metrics(("reports_total",))  # few series: as the reader left them there
    assert "Alle meldingen die het Meldpunt" in again.explanation.toPlainText()
    again.explanation.anchorClicked.emit(QUrl("fold:definitions"))
    assert "▸ Wat telt mee" in again.explanation.toPlainText()
    again.model.select_metrics(many)  # folding them for one series left them open for many
    assert "Alle meldingen die het Meldpunt" in again.explanation.toPlainText()


def test_default_events_are_those_about_the_series_and_all_events_is_remembered(real_window, settings):
    w = real_window(ViewState(metrics=("reports_total",)))
    view = w.model.resolved
    every = w.ds.events_between(view.first_year, view.last_year)
    assert 0 < len(view.events) < len(every)
    assert [e[0] for e in w.chart.events] == [e.id for e in view.events]
    assert max(lane for _, _, lane in w.chart.events) < 2
    items = w.explanation.toPlainText().split("Gebeurtenissen", 1)[1]
    assert all(e.title.get("nl") in items for e in view.events)
    w.act_all_events.trigger()
    assert len(w.model.resolved.events) == len(every) == len(w.chart.events)
    w.close()
    assert settings.value("view/all_events") == "true"


def test_picker_has_kerncijfers_first_and_chips_that_remove_a_series(real_window, qtbot):
    w = real_window(ViewState(metrics=("reports_total", "cloud_urls")))
    picker = w.metric_picker
    group = picker.model.item(0)
    assert group.text() == "Kerncijfers"
    assert [group.child(r).data(METRIC_ROLE) for r in range(group.rowCount())] == list(KEY_METRICS)
    assert list(picker.chips) == ["reports_total", "cloud_urls"]
    assert picker.chips["cloud_urls"].text() == "URL's naar cloudomgeving ✕"
    qtbot.mouseClick(picker.chips["cloud_urls"], Qt.MouseButton.LeftButton)
    assert w.state.metrics == ("reports_total",)
    assert all(i.checkState() == Qt.CheckState.Unchecked for i in picker.items_for("cloud_urls"))
    picker.items_for("police_reports")[0].setCheckState(Qt.CheckState.Checked)  # under Kerncijfers
    assert picker.item_for("police_reports").checkState() == Qt.CheckState.Checked  # its twin
    assert w.state.metrics == ("reports_total", "police_reports")


def test_the_picker_shows_the_models_series_whoever_changed_them(real_window, qtbot):
    w = real_window(ViewState(metrics=("reports_total",)))
    picker = w.metric_picker

    def ticked() -> set[str]:
        return {m for m in w.ds.metrics
                if any(i.checkState() == Qt.CheckState.Checked for i in picker.items_for(m))}

    w.open_story("fall-2022")  # a story, not the picker, changes the series
    story = w.model.state.metrics
    assert list(picker.chips) == list(story) and ticked() == set(story)
    w.model.select_metrics(("cloud_urls", "reports_total"))  # e.g. a key or an undo
    assert list(picker.chips) == ["cloud_urls", "reports_total"]
    assert ticked() == {"cloud_urls", "reports_total"}
    # a tick adds to what the model holds now, in the model's order
    index = picker.proxy.mapFromSource(picker.items_for("police_reports")[0].index())  # Kerncijfers
    rect = picker.tree.visualRect(index)
    box = picker.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    check = QPoint(rect.left() + 3 + box // 2, rect.center().y())  # on the tick box
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=check)
    assert w.model.state.metrics == ("cloud_urls", "reports_total", "police_reports")
    assert list(picker.chips) == list(w.model.state.metrics)


def test_chips_are_reused_and_many_scroll_in_a_few_rows(real_window, qtbot, bundled):
    from PySide6.QtWidgets import QToolButton

    from meldpunt_gui.text.plain import shorten
    from meldpunt_gui.ui.metric_picker import CHIP, CHIP_ROWS

    w = real_window(ViewState(metrics=("reports_total", "cloud_urls")))
    picker = w.metric_picker
    kept = picker.chips["reports_total"]
    w.model.select_metrics(("reports_total", "police_reports"))
    assert picker.chips["reports_total"] is kept  # a series that stays keeps its chip
    assert picker.chips["police_reports"].text() == "Meldingen bij de politie ✕"
    width = picker.width()
    forty = tuple(list(bundled.metrics)[:40])
    w.model.select_metrics(forty)
    QApplication.processEvents()  # the chips given up are deleted
    chips = [c for c in picker.chip_box.findChildren(QToolButton) if c.isVisibleTo(picker)]
    assert len(chips) == 40 and list(picker.chips) == list(forty)
    assert picker.width() == width  # a long name never widens the pane
    assert all(len(c.text()) <= 34 for c in chips)  # the name shortened, then " ✕"
    row = chips[0].height() + picker.chip_layout.spacing()
    assert picker.chip_scroll.height() <= CHIP_ROWS * row
    assert picker.chip_scroll.verticalScrollBar().maximum() > 0  # the others scroll into view
    # other series: the same chips in the same order (the layout keeps its items), new names
    before = list(picker.chips.values())
    other = tuple(list(bundled.metrics)[40:])
    w.model.select_metrics(other)
    assert list(picker.chips) == list(other)
    assert list(picker.chips.values()) == before[:len(other)]
    assert picker.chip_layout.widgets() == list(picker.chips.values())
    label = bundled.metrics[other[0]].label.nl
    assert picker.chips[other[0]].text() == f"{shorten(label, CHIP)} ✕".replace("&", "&&")
    w.model.select_metrics(("reports_total",))
    assert picker.chip_scroll.height() == picker.chips["reports_total"].sizeHint().height()


def test_long_labels_wrap_instead_of_being_cut(real_window, qtbot):
    w = real_window(ViewState(metrics=("reports_total",)))
    w.splitter.setSizes([230, 800, 370])
    qtbot.waitUntil(lambda: w.metric_picker.tree.viewport().width() < 240)
    tree, picker = w.metric_picker.tree, w.metric_picker
    index = picker.proxy.mapFromSource(picker.item_for("reports_international").index())
    QApplication.processEvents()
    tree.doItemsLayout()
    assert tree.visualRect(index).height() >= 2 * tree.fontMetrics().height()
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone


def test_status_bar_names_the_data_date(real_window, bundled):
    w = real_window(ViewState(metrics=("reports_total",)))
    from meldpunt_gui.text.formatting import format_date
    assert w.data_date.text() == f"Gegevens tot en met {format_date(bundled.data_date, 'nl')}"
    assert w.data_date.text() in w.model.resolved.data_date_line


@pytest.mark.parametrize("lang, heading", [("nl", "Wat de tekens betekenen"), ("en", "What the marks mean")])
def test_f1_opens_the_offline_help_from_the_start(qtbot, bundled, settings, lang, heading):
    w = MainWindow(bundled, settings, lang, state=ViewState())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    QTest.keyClick(w, Qt.Key.Key_F1)
    dialog = w.help_dialog
    assert dialog.isVisible()
    assert heading in dialog.browser.toPlainText()
    assert "<" not in dialog.browser.toPlainText()
    dialog.close()


def test_help_page_is_escaped():
    from meldpunt_gui.text.help_page import help_html
    html = help_html("# T\n\n- <script>x</script>\n\nA <b>b</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<h2>T</h2>" in html


def test_a_story_above_the_chart_is_shown_whole(real_window):
    w = real_window(ViewState(metrics=("reports_total",)))
    w.open_story("hosters-leave")
    story = w.model.resolved.story
    line = f"{story.title.get('nl')}: {story.text.get('nl')}"
    assert len(line) > 600  # cut at 600 characters before, in the middle of a sentence
    assert w.story_text.text() == line


def test_a_chip_names_its_whole_series_when_the_pointer_asks_as_plain_text(real_window, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    w = real_window(ViewState(metrics=("reports_total",)))
    picker = w.metric_picker
    picker._labels["cloud_urls"] = "<b>Vet</b> & een heel lange naam van een eigen reeks, in een import"
    w.model.select_metrics(("cloud_urls",))
    chip = picker.chips["cloud_urls"]
    assert chip.text().endswith(" ✕")  # a button shows its text as it is, never as markup
    QApplication.sendEvent(chip, QHelpEvent(QEvent.Type.ToolTip, QPoint(4, 4), chip.mapToGlobal(QPoint(4, 4))))
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; een heel lange naam van een eigen reeks, in een import" in shown
    assert shown.startswith("<")  # made into a rich-text tooltip, the name escaped in it
    QToolTip.hideText()


def test_a_click_on_a_series_name_ticks_it_and_a_click_on_its_box_only_once(real_window, qtbot):
    """The name in the list is where one picks a series: a click on it ticks the series (a
    second click unticks it), as a click on its box does, and a click on the box is not counted
    twice."""
    w = real_window(ViewState(metrics=("reports_total",)))
    picker = w.metric_picker
    index = picker.proxy.mapFromSource(picker.items_for("police_reports")[0].index())
    rect = picker.tree.visualRect(index)
    name = QPoint(rect.center().x(), rect.center().y())  # on the name, right of the box
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)
    assert w.model.state.metrics == ("reports_total", "police_reports")
    assert w.chart.legend_labels(1) == ["Meldingen bij de politie"]
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)
    assert w.model.state.metrics == ("reports_total",)
    box = picker.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    check = QPoint(rect.left() + 3 + box // 2, rect.center().y())
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=check)
    assert w.model.state.metrics == ("reports_total", "police_reports")
    group = picker.proxy.index(0, 0)  # a group's row (Kerncijfers) picks nothing
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=picker.tree.visualRect(group).center())
    assert w.model.state.metrics == ("reports_total", "police_reports")


def test_the_list_stays_still_under_the_pointer_while_chips_are_added(real_window, qtbot):
    """Each chip that starts a new row pushed the list down about a row: ticking several series
    in a row with the mouse ticked the wrong ones. The chip area keeps its height while the
    pointer is over the list and fits once it has left."""
    w = real_window(ViewState(metrics=("reports_total",)))
    picker = w.metric_picker
    viewport = picker.tree.viewport()
    box = picker.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)

    def tick_box(mid: str) -> QPoint:
        rect = picker.tree.visualRect(picker.proxy.mapFromSource(picker.items_for(mid)[0].index()))
        return QPoint(rect.left() + 3 + box // 2, rect.center().y())

    QTest.mouseMove(viewport, tick_box("reports_national"))
    qtbot.waitUntil(viewport.underMouse)
    top = picker.tree.mapTo(w, QPoint(0, 0)).y()
    before = picker.chip_scroll.height()
    for mid in ("reports_national", "reports_international", "reports_h1", "cloud_urls", "police_reports"):
        at = tick_box(mid)
        QTest.mouseMove(viewport, at)
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
        QApplication.processEvents()
        assert picker.tree.mapTo(w, QPoint(0, 0)).y() == top  # nothing moved under the pointer
    assert w.model.state.metrics == ("reports_total", "reports_national", "reports_international",
                                     "reports_h1", "cloud_urls", "police_reports")
    assert picker.chip_scroll.height() == before
    QTest.mouseMove(w.chart, QPoint(20, 20))  # the pointer leaves the list: the chips take their room
    qtbot.waitUntil(lambda: picker.chip_scroll.height() > before)


def _widest_line(doc) -> float:
    """The right edge of the widest laid-out line of a document, its margin included."""
    widest, block = 0.0, doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            widest = max(widest, layout.position().x() + line.x() + line.naturalTextWidth())
        block = block.next()
    return widest


def test_the_explanation_wraps_to_its_width_without_a_sideways_bar(real_window, qtbot):
    """At 1024 px the cloud series' explanation showed a horizontal bar that scrolled one
    pixel (a line's trailing space ran half a pixel past the edge)."""
    w = real_window(ViewState(metrics=("cloud_urls", "cloud_urls_change_pct", "share_cloud_pct",
                                       "share_hosted_nl_pct")))
    w.resize(1024, 700)
    qtbot.waitUntil(lambda: w.explanation.viewport().width() < 260)
    for _ in range(3):
        QApplication.processEvents()
    pane = w.explanation
    assert not pane.horizontalScrollBar().isVisible()
    # and nothing was cut off by leaving the bar out: every line ends inside the pane
    assert _widest_line(pane.document()) <= pane.viewport().width()


def test_a_source_title_without_spaces_breaks_inside_the_pane(qtbot, settings):
    from meldpunt_gui.model.domain import Source
    from tests.conftest import make_tiny_ds
    from tests.ui.conftest import shown_window

    ds = make_tiny_ds()
    long = "https://example.org/" + "jaarverslag-" * 30
    ds.sources["s1"] = Source("s1", "NU.nl", long, "https://example.org/nu", "2022-04", False)
    w = shown_window(qtbot, MainWindow(ds, settings, "nl", state=ViewState(metrics=("reports_total",))),
                     (1024, 700))
    w.persist = False
    pane = w.explanation
    assert long in pane.toPlainText().replace("\n", "").replace("\u2028", "")  # all of it, in order
    assert _widest_line(pane.document()) <= pane.viewport().width()
    assert not pane.horizontalScrollBar().isVisible()
