import pytest

from meldpunt_gui.model.domain import Period, PeriodError
from meldpunt_gui.model.view import (
    SelectionError,
    ViewState,
    panels,
    parse_metric_list,
    parse_year_range,
    periods_with_values,
    selected_periods,
    validate,
    year_range,
)


def test_one_panel_per_unit_in_selection_order(tiny_ds):
    ps = panels(tiny_ds, ("share_nl", "reports_total", "cloud_urls", "reports_h1"))
    assert [(p.unit, p.metrics) for p in ps] == [
        ("percent", ("share_nl",)), ("reports", ("reports_total", "reports_h1")),
        ("urls", ("cloud_urls",))]


def test_default_range_follows_data_and_keeps_gaps(tiny_ds):
    state = ViewState(metrics=("reports_total",))
    assert year_range(tiny_ds, state) == (2019, 2024)
    periods = selected_periods(tiny_ds, state)
    assert Period(2023) in periods  # the gap year is on the axis
    assert Period(2023) not in periods_with_values(tiny_ds, state)


def test_half_years_are_their_own_granularity(tiny_ds):
    state = ViewState(metrics=("reports_h1",), granularity="half")
    assert selected_periods(tiny_ds, state) == [Period(2021, 1), Period(2021, 2),
                                                Period(2022, 1), Period(2022, 2)]
    change = tiny_ds.change("reports_h1", Period(2022, 1))
    assert change.base_period == Period(2021, 1)  # same half a year earlier, never H2
    assert round(change.pct) == -94


def test_excluded_years(tiny_ds):
    state = ViewState(metrics=("reports_total",), excluded_years=frozenset({2020}))
    assert Period(2020) not in selected_periods(tiny_ds, state)


def test_validate_drops_unknown_metrics(tiny_ds):
    assert validate(tiny_ds, ViewState(metrics=("gone", "cloud_urls"))).metrics == ("cloud_urls",)
    assert validate(tiny_ds, ViewState(metrics=("gone",))).metrics == ("reports_total",)


def test_parse_arguments(tiny_ds):
    assert parse_metric_list(tiny_ds, "reports_total, cloud_urls") == ("reports_total", "cloud_urls")
    with pytest.raises(SelectionError) as exc:
        parse_metric_list(tiny_ds, "reports_total,nope")
    assert "nope" in exc.value.text("nl") and "Onbekende" in exc.value.text("nl")
    assert parse_year_range("2015-2024") == (2015, 2024)
    assert parse_year_range("2022") == (2022, 2022)
    with pytest.raises(SelectionError):
        parse_year_range("2015-20x")
    with pytest.raises(SelectionError):
        parse_year_range("1800-1900")


@pytest.mark.parametrize("text", ["2022-H3", "22", "2022-H", "abcd", "1989", "2101"])
def test_bad_periods(text):
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_preference_rule(tiny_ds):
    shown = tiny_ds.shown("reports_total", Period(2021))
    assert shown.value == 413262  # exact beats rounded
    assert [o.value for o in tiny_ds.alternatives("reports_total", Period(2021))] == [414000]


def test_a_figure_an_official_source_passes_on_ranks_with_the_press():
    """The minister quoting the IWF is a primary source for the minister's own words, not for the
    IWF's count: that value is `secondary` and does not rank as the counting organisation's."""
    from meldpunt_gui.model.values import Observation, Source, preference_key

    sources = {"iwf": Source("iwf", "IWF", "t", "https://iwf.example", "2023", primary=True),
               "minister": Source("minister", "Tweede Kamer", "t", "https://tk.example", "2024", primary=True),
               "press": Source("press", "NU.nl", "t", "https://nu.example", "2023")}
    own = Observation("m", Period(2022), 100.0, False, "published", "iwf")
    quoted = Observation("m", Period(2022), 100.0, False, "secondary", "minister")
    press = Observation("m", Period(2022), 100.0, False, "secondary", "press")
    ranked = sorted([quoted, press, own], key=lambda o: preference_key(o, sources), reverse=True)
    assert ranked[0] is own  # the counting organisation first, though the minister wrote later
    assert ranked[1:] == [quoted, press]  # then by date, as the press


def test_percentage_change_in_points(tiny_ds):
    change = tiny_ds.change("share_nl", Period(2022))
    assert change.points == -26


def test_index_change_and_log_views(tiny_ds):
    import math

    from meldpunt_gui.model.transforms import chart_data
    state = ViewState(metrics=("reports_total", "cloud_urls"), first_year=2021, last_year=2022,
                      mode="index")
    data = chart_data(tiny_ds, state)
    [panel] = data.panels  # an index puts both on one axis ...
    assert [round(v, 1) for v in panel.lines[0].values] == [100.0, 35.1]
    assert [round(v, 1) for v in panel.lines[1].values] == [100.0, 2.9]
    assert any("verschillende dingen" in n.nl for n in data.notes)  # ... and says so
    missing = chart_data(tiny_ds, state.with_(base_year=2023, first_year=2021, last_year=2024))
    assert any("geen waarde in 2023, het basisjaar" in n.nl for n in missing.notes)

    change = chart_data(tiny_ds, ViewState(metrics=("reports_total", "share_nl"),
                                           first_year=2021, last_year=2022, mode="change"))
    assert [p.unit.id for p in change.panels] == ["change", "points"]  # never mixed
    assert round(change.panels[0].lines[0].values[1]) == -65
    assert change.panels[1].lines[0].values[1] == -26
    assert math.isnan(change.panels[1].lines[0].values[0])  # no 2020 value: no change

    log = chart_data(tiny_ds, ViewState(metrics=("reports_total",), mode="log"))
    assert log.panels[0].log


def test_parts_of_a_whole_stack_and_share():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.transforms import chart_data
    ds = load_bundled()
    assert ds.parts_of("reports_total") == ["reports_national", "reports_international"]
    state = ViewState(metrics=("reports_total",), first_year=2020, last_year=2022, mode="parts")
    [panel] = chart_data(ds, state).panels
    assert panel.stacked and [ln.metric for ln in panel.lines] == ["reports_national",
                                                                    "reports_international"]
    assert [ln.values[1] for ln in panel.lines] == [236743, 176519]
    assert panel.whole.values[1] == 413262  # the parts add up to the published total
    [share] = chart_data(ds, state.with_(mode="shares")).panels
    assert round(share.lines[0].values[1], 1) == 57.3 and round(share.lines[1].values[1], 1) == 42.7
    import math
    assert math.isnan(share.lines[0].values[0])  # 2020 has no split: no share


@pytest.mark.parametrize("mode", ["absolute", "log", "index", "change"])
def test_a_resolved_view_draws_what_chart_data_gives_and_looks_its_cells_up_once(tiny_ds, mode):
    from meldpunt_gui.model.resolve import resolve
    from meldpunt_gui.model.transforms import chart_data

    state = ViewState(metrics=("reports_total", "share_nl", "cloud_urls", "unknown"), mode=mode)
    view = resolve(tiny_ds, state, "nl")
    assert view.chart == chart_data(tiny_ds, state)
    assert view.cells == tuple(tuple(tiny_ds.values_in(m, view.periods)) for m in view.metrics)
    # shown values of other periods (a caller's mistake) are not drawn: the series is looked up
    other = {"reports_total": [None]}
    assert chart_data(tiny_ds, state, other) == chart_data(tiny_ds, state)


def test_a_title_names_four_series_and_counts_the_rest(tiny_ds):
    from meldpunt_gui.model.domain import Metric, Text
    from meldpunt_gui.model.resolve import resolve

    base = tiny_ds.metrics["reports_total"]
    for i in range(4):  # six series of one unit
        tiny_ds.metrics[f"own_{i}"] = Metric(f"own_{i}", base.category, base.unit,
                                              Text(f"Eigen {i}", f"Own {i}"), base.definition)
    four = ("reports_total", "own_0", "own_1", "own_2")
    view = resolve(tiny_ds, ViewState(metrics=four), "nl")
    assert view.title.startswith("Meldingen totaal, Eigen 0, Eigen 1, Eigen 2, ")
    six = (*four, "own_3", "cloud_urls")
    nl, en = resolve(tiny_ds, ViewState(metrics=six), "nl"), resolve(tiny_ds, ViewState(metrics=six), "en")
    assert nl.title.startswith("Meldingen totaal, Eigen 0, Eigen 1 en nog 3 reeksen, ")
    assert en.title.startswith("Total reports, Own 0, Own 1 and 3 more series, ")
    assert len(nl.series_names) == 6 and nl.series_names[-1] == "Cloud-URL's"


def test_no_change_is_worked_out_across_a_break_in_the_count():
    """Where a series' note says a year counts something else than the year before (police
    2018: only reports from the US, 2017: reports with a Dutch link), no change is worked out
    for that year: not in a cell, the largest change or the chart in words; the tooltip and the
    readout say why. Where the count is alike the change stays."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.changes import changes, largest_change
    from meldpunt_gui.text.describe import readout_lines, series_summary, tooltip_text

    ds = load_bundled()
    police = ds.metrics["police_reports"]
    # 2016 a Dutch link, 2017 up- and downloading, 2018 US reports only, 2021 all reports
    assert police.breaks == {Period(2017), Period(2018), Period(2021)}
    years = [Period(y) for y in range(2014, 2022)]
    assert all(c is None for c in changes(ds, "police_reports", years))  # no two years alike in a row
    assert ds.change("police_reports", Period(2018)) is None
    assert largest_change(ds, "police_reports", years) is None
    nl = tooltip_text(ds, "police_reports", Period(2018), "nl")
    assert "telt anders dan 2017, dus geen verandering berekend" in nl and "%" not in nl
    assert "counted differently from 2017, so no change worked out" in tooltip_text(
        ds, "police_reports", Period(2018), "en")
    assert "telt anders dan 2017" in " ".join(readout_lines(ds, ["police_reports"], Period(2018), "nl"))
    points = [(p, o) for p, o in ds.series("police_reports", years) if o is not None]
    summary = series_summary(ds, "police_reports", points, "nl")
    assert "%" not in summary and "gestegen" not in summary and "keer zo veel" not in summary
    assert "van 3.000 (2014) tot 36.000 (2021), niet overal gelijk geteld" in summary
    # a break the note names in a year without a value before it says nothing
    assert "telt anders" not in tooltip_text(ds, "police_reports", Period(2014), "nl")
    # alike years keep their change: illegal URLs 2023 -> 2024 (both URLs), not 2017 -> 2018
    assert ds.change("urls_illegal", Period(2024)) is not None
    assert ds.change("urls_illegal", Period(2018)) is None
    for metric in ds.metrics.values():  # every break is one the series' own note describes
        if metric.breaks:
            assert metric.note.nl and metric.note.en, metric.id
            for period in metric.breaks:
                assert str(period.year) in metric.note.nl or str(period.year - 1) in metric.note.nl, \
                    (metric.id, period)


def test_notes_on_mixed_series_read_as_sentences_and_name_breaks():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.transforms import chart_data

    ds = load_bundled()
    data = chart_data(ds, ViewState(metrics=("reports_total", "urls_assessed", "police_reports"),
                                    mode="change"))
    text_nl = " ".join(n.nl for n in data.notes)
    text_en = " ".join(n.en for n in data.notes)
    assert ".;" not in text_nl and ".;" not in text_en  # one sentence after another
    # the units compared, each once; what each series counts is in the definitions
    assert "(meldingen; URL's; meldingen bij de politie)" in text_nl
    assert data.compared == ("reports_total", "urls_assessed", "police_reports")
    # police reports have breaks in 2017 and 2018: their changes are empty, and the note says why
    police = next(ln for p in data.panels for ln in p.lines if ln.metric == "police_reports")
    assert [v for v in police.values if v == v] == []
    assert "breuk in de reeks" in text_nl and "break in the series" in text_en


def test_an_index_does_not_reach_across_a_break_in_the_series():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.transforms import chart_data
    from meldpunt_gui.text.headline import headline

    ds = load_bundled()
    assert {str(p) for p in ds.metrics["urls_assessed"].breaks} == {"2018", "2022"}
    state = ViewState(metrics=("urls_assessed", "police_reports"), mode="index", base_year=2018)
    data = chart_data(ds, state)
    values = {ln.metric: {str(p): round(v) for p, v in zip(ln.periods, ln.values) if v == v}
              for p in data.panels for ln in p.lines}
    # 2015-2016 counted images, 2018-2021 links, from 2022 all URLs: only 2018 is like 2018
    assert values["urls_assessed"] == {"2018": 100}
    # 2018 counted US reports only, 2021 all reports: no index 120 across them
    assert values["police_reports"] == {"2018": 100}
    notes = [n.nl for n in data.notes]
    assert any(n.startswith("URL's beoordeeld: de reeks telt in 2018 en 2022 anders") for n in notes)
    assert any(n.startswith("Meldingen bij de politie: de reeks telt in 2017, 2018 en 2021 anders")
               for n in notes)
    # the key figure no longer quotes an index of 2024 against 2018 (it said "index 273")
    head = headline(ds, state, "urls_assessed", "nl", chart=data)
    assert head is not None and "index" not in " ".join(str(v) for v in vars(head).values()
                                                          if isinstance(v, str))
    # without breaks in view the index is the plain ratio
    plain = chart_data(ds, state.with_(metrics=("reports_total",)))
    [line] = plain.panels[0].lines
    assert round(line.values[line.periods.index(next(p for p in line.periods if str(p) == "2021"))]) == 184


def test_the_default_index_base_reaches_the_latest_figure():
    """The first year of the range was the base: a view from 1996 opened on an empty chart, or
    on an index that stopped at the first break. Now the first period every series has a value
    in, counted as its latest value is; a half-year view names its half."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import index_base

    ds = load_bundled()
    # 2011-2013 counted reports handled; from 2015 the count reaches 2024
    assert index_base(ds, ViewState(metrics=("reports_total",), mode="index")) == Period(2015)
    assert index_base(ds, ViewState(metrics=("reports_h1",), granularity="half", mode="index")) == Period(2021, 1)
    assert index_base(ds, ViewState(metrics=("reports_total",), mode="index", base_year=2015)) == Period(2015)
