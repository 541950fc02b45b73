import math

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.domain import Period


def move_mouse(widget, pos: QPoint) -> None:
    """A real mouse-move event (QTest.mouseMove sends none without a pressed button)."""
    local = QPointF(pos)
    event = QMouseEvent(QEvent.Type.MouseMove, local, QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_series_data_with_gap_and_hollow_approximations(make_window):
    w = make_window(("reports_total",))
    [s] = w.chart.series
    assert s.x == [2019.0, 2020.0, 2021.0, 2022.0, 2023.0, 2024.0]
    assert s.y[:4] == [300000, 307021, 413262, 145000]
    assert math.isnan(s.y[4])  # 2023 has no value: a gap, not a bridge
    assert s.y[5] == 127000
    assert s.approximate == [True, False, False, True, False, True]


def test_panels_per_unit_and_linked_years(make_window, qtbot):
    w = make_window(("reports_total", "share_nl", "cloud_urls"))
    qtbot.waitUntil(lambda: len({p.getViewBox().width() for p in w.chart.plots}) == 1)
    w.chart.plots[0].setXRange(2018.5, 2024.5, padding=0)
    assert len(w.chart.plots) == 3
    assert [s.unit for s in w.chart.series] == ["reports", "percent", "urls"]
    ranges = [p.getViewBox().viewRange()[0] for p in w.chart.plots]
    assert ranges[0] == ranges[1] == ranges[2] == [2018.5, 2024.5]
    w.chart.plots[0].setXRange(2020, 2022, padding=0)  # panning one moves all: linked axes
    assert w.chart.plots[2].getViewBox().viewRange()[0] == [2020, 2022]
    assert w.chart.legend_labels(0) == ["Meldingen totaal"]
    assert w.chart.legend_labels(1) == ["Aandeel NL"]


def test_a_new_unit_from_an_import_gets_its_own_panel(qtbot, tiny_ds, settings, tmp_path):
    from meldpunt_gui.data.store import UserStore
    from meldpunt_gui.imports.reader import read_import_data
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow

    data = (b"metriek;periode;waarde;eenheid;eenheid nl;eenheid en\n"
            b"Verwijderbevelen;2023;3;bevelen;verwijderbevelen;removal orders\n")
    with UserStore.open(tmp_path / "data") as store:
        res = read_import_data(data, "bevelen.csv", tiny_ds)
        assert not res.has_errors
        store.apply(res)
        ds = store.overlay(tiny_ds)
    for lang, label in (("nl", "verwijderbevelen"), ("en", "removal orders")):
        w = MainWindow(ds, settings, lang, state=ViewState(metrics=("reports_total", "verwijderbevelen")))
        qtbot.addWidget(w)
        w.chart.ensure_loaded()
        assert len(w.chart.plots) == 2
        assert [s.unit for s in w.chart.series] == ["reports", "bevelen"]
        assert w.chart.plots[1].getAxis("left").labelText == label


def test_ticks_are_whole_years_and_dutch_numbers(make_window):
    w = make_window(("reports_total", "share_nl"))
    years = w.chart.tick_strings(0, "bottom")
    assert years and all(len(y) == 4 and y.isdigit() for y in years)
    assert "2019" in years and "2.019" not in years
    values = w.chart.tick_strings(0, "left")
    assert "100.000" in values or "200.000" in values
    assert all("," not in v for v in values)
    pct = w.chart.tick_strings(1, "left")
    assert pct and all(v.endswith("%") for v in pct)
    assert w.chart.plots[0].getAxis("left").labelText == "meldingen"


def test_english_ticks(make_window):
    w = make_window(("reports_total",), lang="en")
    assert any("," in v for v in w.chart.tick_strings(0, "left"))


def test_hover_shows_the_readout_for_the_period(make_window, qtbot, tiny_ds):
    from meldpunt_gui.text.describe import readout_lines

    w = make_window(("reports_total",))
    qtbot.waitUntil(lambda: w.chart.plots[0].getViewBox().width() > 100)
    scene_pos = w.chart.point_scene_pos("reports_total", Period(2021))
    view = w.chart._glw
    pos = view.mapFromScene(scene_pos)
    move_mouse(view.viewport(), QPoint(pos.x() + 2, pos.y() + 1))
    qtbot.waitUntil(lambda: w.chart.hover_text != "")  # through the rate-limited proxy
    assert w.chart.hover_text == "\n".join(readout_lines(tiny_ds, ("reports_total",),
                                                          Period(2021), "nl"))
    assert "Andere bronnen" in w.chart.hover_text
    assert w.chart.readout.label.isVisible()
    assert w.chart.readout.label.text() == w.chart.hover_text


def test_half_year_view(make_window):
    w = make_window(("reports_h1",), granularity="half")
    [s] = w.chart.series
    assert s.periods[0] == Period(2021, 1)
    assert s.x[:2] == [2021.25, 2021.75]
    assert s.y[0] == 129000 and math.isnan(s.y[1])


def test_events_are_numbered_badges_that_open_their_text(make_window, qtbot):
    w = make_window(("reports_total",))
    assert [e[0] for e in w.chart.events] == ["e1"]
    assert "Monitor gepubliceerd" in w.explanation.toPlainText()
    with qtbot.waitSignal(w.chart.event_clicked) as sig:
        w.chart.event_clicked.emit(("e1",))
    assert sig.args == [("e1",)]
    assert w.explanation.toPlainText().startswith("08-10-2020: Monitor gepubliceerd")


def test_events_can_be_switched_off(make_window):
    w = make_window(("reports_total",))
    w.act_events.setChecked(False)
    assert w.chart.events == []
    assert w.state.show_events is False


def test_event_lanes_never_overlap():
    from meldpunt_gui.model.view import event_lanes
    xs = [2020.1, 2020.2, 2020.3, 2020.9, 2021.0, 2024.0]
    lanes = event_lanes(xs, 0.5)
    for i, (x, lane) in enumerate(zip(xs, lanes)):
        for x2, lane2 in zip(xs[i + 1:], lanes[i + 1:]):
            if lane == lane2:
                assert abs(x2 - x) >= 0.5
    assert lanes[0] == 0 and lanes[-1] == 0


def test_parts_view_draws_stacked_bars_and_the_whole(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow
    ds = load_bundled()
    w = MainWindow(ds, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "nl",
                   state=ViewState(metrics=("reports_total",), first_year=2019, last_year=2022))
    qtbot.addWidget(w)
    w.chart.ensure_loaded()
    w.mode.setCurrentIndex(4)
    assert w.state.mode == "parts"
    national, international = w.chart.series
    i = national.periods.index(Period(2021))
    assert national.y[i] == 236743 and international.y[i] == 236743 + 176519
    assert w.chart.legend_labels(0) == ["Meldingen uit Nederland", "Meldingen uit het buitenland",
                                        "Meldingen totaal"]
    assert w.notes.isVisibleTo(w) and "gestapeld" in w.notes.text()


def test_a_new_selection_reuses_the_panels_and_draws_the_new_data(make_window):
    from meldpunt_gui.model.view import ViewState
    w = make_window(("reports_total",))
    plot = w.chart.plots[0]
    w.set_state(ViewState(metrics=("cloud_urls",)))
    assert w.chart.plots[0] is plot  # kept, not rebuilt
    assert plot.getAxis("left").labelText == "URL's"
    assert w.chart.legend_labels(0) == ["Cloud-URL's"]
    [s] = w.chart.series
    panel = w.chart._panels[0]
    visible = [c for c in panel.lines if c.isVisible()]
    assert len(visible) == 1
    xs, ys = visible[0].getData()
    assert list(xs[:-1]) == s.x  # one series, closed by the NaN that separates series
    assert [v for v in ys[:-1] if not math.isnan(v)] == [v for v in s.y if not math.isnan(v)]
    ticks = [float(t.replace(".", "")) for t in w.chart.tick_strings(0)]
    assert max(ticks) <= max(v for v in s.y if not math.isnan(v)) * 1.1


def test_rounded_values_have_hollow_markers(make_window):
    from meldpunt_gui.ui.chart.palette import THEMES, series_style
    w = make_window(("reports_total",))
    [s] = w.chart.series
    spots = w.chart._panels[0].markers.points()
    shown = [(x, a) for x, y, a in zip(s.x, s.y, s.approximate) if not math.isnan(y)]
    assert [p.pos().x() for p in spots] == [x for x, _ in shown]
    fills = [p.brush().color().name().upper() for p in spots]
    colour = series_style(0).colour.upper()
    assert fills == [THEMES["light"].background if a else colour for _, a in shown]


def test_series_beyond_eight_share_curves_by_style(make_window, tiny_ds):
    from meldpunt_gui.model.transforms import chart_data
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.chart.view import series_of
    data = chart_data(tiny_ds, ViewState(metrics=("reports_total", "cloud_urls")))
    series = series_of(data)
    assert [(s.metric, s.panel, s.style_index) for s in series] == [
        ("reports_total", 0, 0), ("cloud_urls", 1, 1)]


def test_grid_lines_sit_at_the_labelled_values(make_window, qtbot):
    w = make_window(("reports_total",))
    qtbot.waitUntil(lambda: w.chart.plots[0].getViewBox().height() > 100)
    grid = w.chart._panels[0].grid
    _, ys = grid.getData()
    labelled = sorted({float(t.replace(".", "")) for t in w.chart.tick_strings(0)})
    assert sorted(set(ys.tolist())) == labelled


def test_pyqtgraph_loads_after_the_first_frame_not_before(qtbot, tiny_ds, settings):
    from PySide6.QtWidgets import QApplication

    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow
    w = MainWindow(tiny_ds, settings, "nl", state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    for _ in range(3):
        QApplication.processEvents()
    assert not w.chart.is_loaded()  # nothing painted yet: the chart waits
    assert [s.metric for s in w.chart.series] == ["reports_total"]  # its data is ready
    with qtbot.waitSignal(w.chart.loaded, timeout=10000):
        w.show()
    assert w.chart.plots and w.chart.legend_labels(0) == ["Meldingen totaal"]


def bundled_chart(qtbot, width: int):
    """A shown, loaded ChartView of `width` x 500 pixels, and the bundled dataset."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.ui.chart.view import ChartView
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(width, 500)
    chart.show()
    chart.ensure_loaded()
    return chart, load_bundled()


def test_event_badges_are_laid_out_again_for_a_new_width(qtbot):
    from meldpunt_gui.model.view import ViewState
    chart, ds = bundled_chart(qtbot, 420)
    chart.set_view(ds, ViewState(metrics=("reports_total",), first_year=2010, last_year=2024,
                                 all_events=True), "nl")
    narrow_lanes = max(lane for _, _, lane in chart.events) + 1
    narrow_badges = len(chart._badges)
    chart.resize(1600, 500)
    wide = max(lane for _, _, lane in chart.events) + 1
    # never more than two lanes: a narrow strip takes several years into one badge instead
    assert narrow_lanes <= 2 and wide <= 2
    assert narrow_badges < len(chart._badges) == len({e.year for e in ds.events_between(2010, 2024)})
    assert chart._strip.maximumHeight() == 20 * wide + 6  # the strip shrinks with its lanes


def test_event_lines_run_through_every_panel_from_bottom_to_top(make_window):
    w = make_window(("reports_total", "share_nl"))
    event_x = [ev.x for ev in w.ds.events_between(2019, 2024)]
    assert event_x  # the tiny dataset has one event, in 2020
    for panel in w.chart._panels:
        xs, ys = panel.event_lines.getData()
        lo, hi = panel.plot.getViewBox().viewRange()[1]
        assert xs.tolist() == [x for x in event_x for _ in (0, 1)]
        assert ys.tolist() == [lo, hi] * len(event_x)
    w.act_events.setChecked(False)
    for panel in w.chart._panels:
        assert len(panel.event_lines.getData()[0]) == 0


def test_a_shorter_range_shows_only_its_own_badges(qtbot):
    from meldpunt_gui.model.view import ViewState
    chart, ds = bundled_chart(qtbot, 1000)

    def shown_badges():
        return sorted((b.toPlainText(), b.pos().x()) for b in chart._strip.items if b.isVisible()
                      and type(b).__name__ == "TextItem")

    chart.set_view(ds, ViewState(metrics=("reports_total",), first_year=2010, last_year=2024), "nl")
    many = shown_badges()
    chart.set_view(ds, ViewState(metrics=("reports_total",), first_year=2021, last_year=2022), "nl")
    few = shown_badges()
    years = {ev.year for ev in ds.events_between(2021, 2022)}
    assert 0 < len(few) == len(years) < len(many)
    assert all(2020.5 <= x <= 2022.5 for _, x in few)
    assert [label for label, _ in few] == [b.toPlainText() for _, b in chart._badges]


def test_marker_item_takes_styles_as_arrays_or_as_pyqtgraph_does(qapp):
    import numpy as np
    import pytest
    from PySide6.QtGui import QBrush, QColor, QPen

    from meldpunt_gui.ui.chart.markers import Markers, object_array

    red, blue = QColor("#D55E00"), QColor("#0072B2")
    pens = object_array([QPen(red), QPen(blue), QPen(blue)])
    brushes = object_array([QBrush(red), QBrush(QColor("#FFFFFF")), QBrush(blue)])
    item = Markers(size=9)
    item.setData(x=np.arange(3.0), y=np.arange(3.0), symbol=object_array(["o", "s", "s"]), pen=pens,
                 brush=brushes)
    spots = item.points()
    assert [s.pen().color().name() for s in spots] == ["#d55e00", "#0072b2", "#0072b2"]
    assert [s.brush().color().name() for s in spots] == ["#d55e00", "#ffffff", "#0072b2"]
    assert [s.symbol() for s in spots] == ["o", "s", "s"]
    item.setData(x=[0.0, 1.0], y=[1.0, 2.0], brush=["r", "b"])  # lists still go through pyqtgraph
    assert [s.brush().color().name() for s in item.points()] == ["#ff0000", "#0000ff"]
    with pytest.raises(ValueError):
        item.setBrush(brushes)  # three brushes for two points


def test_markers_in_a_few_styles_are_drawn_as_points_styled_one_by_one(qapp):
    import numpy as np
    from PySide6.QtGui import QBrush, QColor, QPen

    from meldpunt_gui.ui.chart.markers import Markers, object_array

    red, blue = QColor("#D55E00"), QColor("#0072B2")
    styles = [("o", QPen(red), QBrush(red)), ("o", QPen(red), QBrush(QColor("#FFFFFF"))),
              ("s", QPen(blue), QBrush(blue))]
    which = np.array([0, 1, 2, 2, 0, 1, 0])
    x, y = np.arange(7.0), np.arange(7.0) ** 2
    one_by_one, styled = Markers(size=9), Markers(size=9)
    one_by_one.setData(x=x, y=y, symbol=object_array([styles[k][0] for k in which]),
                       pen=object_array([styles[k][1] for k in which]),
                       brush=object_array([styles[k][2] for k in which]))
    styled.set_styled(x, y, styles, which)
    assert [(s.symbol(), s.pen().color().name(), s.brush().color().name()) for s in styled.points()] \
        == [(s.symbol(), s.pen().color().name(), s.brush().color().name()) for s in one_by_one.points()]
    # each point gets the picture the atlas has for its style, as the general path finds it
    def pictures(item):
        atlas = item.fragmentAtlas._coords
        rects = {tuple(v): key for key, v in atlas.items()}
        return [rects[tuple(r)] for r in item.data["sourceRect"].tolist()]
    assert [k[0] for k in pictures(styled)] == [styles[k][0] for k in which]
    assert [(k[1], k[2], k[3]) for k in pictures(styled)] == [
        (9, styles[k][1]._id, styles[k][2]._id) for k in which]
    assert pictures(one_by_one) == pictures(styled)
    assert styled.boundingRect() == one_by_one.boundingRect()
    styled.set_styled(np.empty(0), np.empty(0), [], np.empty(0, dtype=np.intp))
    assert len(styled.points()) == 0


def test_a_long_unit_is_cut_to_its_panel_height_and_whole_again_when_there_is_room(qtbot):
    """Three panels in a short chart: the police panel's axis title ('reports to the police') ran
    past its panel and was clipped at both ends; it is cut with an ellipsis to the axis height,
    and shown whole once the panel is tall enough."""
    from PySide6.QtGui import QFontMetrics

    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.chart.view import ChartView

    ds = load_bundled()
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(900, 430)
    chart.show()
    chart.ensure_loaded()
    chart.set_view(ds, ViewState(metrics=("reports_total", "police_reports", "iwf_nl_hosting_share_pct")),
                   "en", "light")

    def titles() -> list[tuple[str, float, float]]:
        out = []
        for plot in chart.plots:
            axis = plot.getAxis("left")
            out.append((axis.labelText, QFontMetrics(axis.label.font()).horizontalAdvance(axis.labelText),
                        axis.height()))
        return out

    qtbot.waitUntil(lambda: len(chart.plots) == 3 and titles()[1][0].endswith("…"))
    for text, width, height in titles():
        assert width <= height, (text, width, height)
    assert titles()[1][0].startswith("reports")  # the start kept, the rest cut
    chart.resize(900, 1500)
    qtbot.waitUntil(lambda: titles()[1][0] == "reports to the police")


def test_no_line_is_drawn_across_a_break_in_a_series(qtbot):
    """Police reports count reports with a Dutch link in 2016, up- and downloads in 2017 and US
    reports only in 2018 (breaks at 2017 and 2018): the markers stay, the line between them goes,
    and the key under the chart says why. Reports without a break stay one line."""
    from meldpunt_gui.model.resolve import resolve
    from meldpunt_gui.model.view import ViewState
    chart, ds = bundled_chart(qtbot, 800)
    state = ViewState(metrics=("police_reports",), first_year=2014, last_year=2021)
    chart.set_view(ds, state, "nl")
    [s] = chart.series
    assert [p.year for p, v in zip(s.periods, s.y) if not math.isnan(v)] == [2014, 2016, 2017, 2018, 2021]
    [line] = [c for c in chart._panels[0].lines if c.isVisible()]
    xs, ys = line.getData()
    drawn = [(round(x, 2), not math.isnan(y)) for x, y in zip(xs, ys)]
    x = {p.year: p.x for p in s.periods}
    for before, at in ((2016, 2017), (2017, 2018)):
        between = [d for d in drawn if x[before] < d[0] < x[at]]
        assert between == [(round((x[before] + x[at]) / 2, 2), False)], (before, at)  # a gap
    # the break sign sits between the two points, so a break does not look like a missing year
    from meldpunt_gui.ui.chart.drawing import BREAK
    signs = chart._panels[0].status_marks.data
    breaks_at = sorted(round(float(d["x"]), 2) for d in signs if d["symbol"] is chart._painter._glyphs[BREAK])
    assert breaks_at == [round((x[2016] + x[2017]) / 2, 2), round((x[2017] + x[2018]) / 2, 2)]
    key = resolve(ds, state, "nl").chart_key
    assert "‖ = breuk: de reeks telt vanaf daar anders (geen lijn, geen verandering)" in key
    assert "geen lijn tussen twee punten = geen cijfer voor de periode ertussen" in key  # 2015, 2019-2020
    quiet = ViewState(metrics=("reports_total",), first_year=2018, last_year=2022)
    chart.set_view(ds, quiet, "nl")
    [line] = [c for c in chart._panels[0].lines if c.isVisible()]
    assert not any(math.isnan(y) for y in line.getData()[1][:-1])  # 2018-2022: one unbroken line
    assert not chart._panels[0].status_marks.data.size or not any(
        d["symbol"] is chart._painter._glyphs.get(BREAK) for d in chart._panels[0].status_marks.data)
    assert not any("breuk" in k or "geen lijn" in k for k in resolve(ds, quiet, "nl").chart_key)
