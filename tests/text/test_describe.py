from hypothesis import HealthCheck, given, settings

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.describe import explanation_html, source_line, tooltip_lines
from meldpunt_gui.text.tabular import build_table


def test_tooltip_has_value_change_source_and_alternatives(tiny_ds):
    lines = tooltip_lines(tiny_ds, "reports_total", Period(2021), "nl")
    assert lines[0] == "Meldingen totaal — 2021"
    assert lines[1] == "413.262 meldingen"
    assert lines[2] == "+35% ten opzichte van 2020"
    assert lines[3] == "Bron: NU.nl, apr 2022"
    assert lines[4] == "Andere bronnen:"
    assert lines[5] == "  ca. 414.000 (Offlimits, 13-07-2023)"


def test_tooltip_english_and_approximate(tiny_ds):
    lines = tooltip_lines(tiny_ds, "reports_total", Period(2022), "en")
    assert lines[1] == "approx. 145,000 reports"
    assert lines[2] == "approx. -65% vs 2021 (approx. 414,000 in the same source)"  # about so much, from its own 2021
    assert lines[3] == "Source: Offlimits, 13 Jul 2023"


def test_tooltip_half_year_compares_same_half(tiny_ds):
    lines = tooltip_lines(tiny_ds, "reports_h1", Period(2022, 1), "nl")
    assert lines[0] == "Meldingen 1e halfjaar — 2022"  # the label names the half
    assert lines[2] == "ca. -94% ten opzichte van 1e halfjaar 2021"


def test_explanation_escapes_file_text_and_lists_sources(tiny_ds):
    html = explanation_html(tiny_ds, ViewState(metrics=("reports_total",)), "nl")
    assert "Alle meldingen." in html
    assert "Druk op hosters" in html
    assert "&lt;b&gt;verhuizen&lt;/b&gt;" in html  # text from files is shown as text
    assert "<b>verhuizen</b>" not in html
    assert 'href="https://example.org/off"' in html
    assert "Monitor gepubliceerd" in html


def test_theme_outside_years_is_left_out(tiny_ds):
    html = explanation_html(tiny_ds, ViewState(metrics=("reports_total",), first_year=2024,
                                               last_year=2024), "nl")
    assert "Druk op hosters" not in html


def test_source_line(tiny_ds):
    line = source_line(tiny_ds, ViewState(metrics=("reports_total",)), "nl")
    assert line == "Bron: NU.nl (2022); Offlimits (2023)"


def test_table_has_periods_as_rows_and_series_as_columns(tiny_ds):
    table = build_table(tiny_ds, ViewState(metrics=("reports_total", "share_nl")), "nl")
    assert [c.kind for c in table.columns] == ["period", "series", "series"]
    assert [c.metric for c in table.columns[1:]] == ["reports_total", "share_nl"]
    assert [r[0].text for r in table.rows][:2] == ["2019", "2020"]
    assert "2023" not in [r[0].text for r in table.rows]  # no row for a year without a value
    total, share = table.column_of("reports_total"), table.column_of("share_nl")
    row21, row22 = table.rows[table.row_of(Period(2021))], table.rows[table.row_of(Period(2022))]
    assert row21[total].text == "413.262 *"  # * = other sources give other values
    assert row21[total].alternatives == 1
    assert row22[total].text == "ca. 145.000"
    assert row22[total].change == "ca. -65%"  # the figure alone: the row names the period
    assert row22[share].change == "-26 procentpunt"
    assert "ca. = afgerond" in table.key and any(k.startswith("*") for k in table.key)
    assert "Offlimits" in table.tooltip(table.row_of(Period(2022)), total)  # made when asked
    tsv = table.to_tsv("nl").splitlines()
    assert tsv[0].split("\t")[:3] == ["Periode", "Meldingen totaal (meldingen)",
                                      "verandering Meldingen totaal"]
    cells = tsv[table.row_of(Period(2021)) + 1].split("\t")
    assert cells[:2] == ["2021", "413262"]


def test_table_marks_each_status(tiny_ds):
    from meldpunt_gui.model.domain import Dataset
    from meldpunt_gui.text.marks import STATUS_MARKS

    obs = [o.with_(status="forecast") if o.metric == "reports_total" and o.period == Period(2024)
           else o for o in tiny_ds.observations]
    ds = Dataset(tiny_ds.units, tiny_ds.categories, tiny_ds.metrics, tiny_ds.sources, obs,
                 tiny_ds.events, tiny_ds.themes, tiny_ds.data_date)
    table = build_table(ds, ViewState(metrics=("reports_total",)), "nl")
    cell = table.rows[table.row_of(Period(2024))][1]
    assert cell.status == "forecast" and cell.text.endswith(STATUS_MARKS["forecast"])
    assert f"{STATUS_MARKS['forecast']} verwachting" in table.key


def test_format_change_can_give_the_figure_alone(tiny_ds):
    from meldpunt_gui.text.formatting import format_change

    change = tiny_ds.change("reports_total", Period(2022))
    unit = tiny_ds.unit_of("reports_total")
    assert format_change(change, unit, "nl") == "ca. -65% ten opzichte van 2021"
    assert format_change(change, unit, "nl", base=False) == "ca. -65%"
    assert format_change(change, unit, "en", base=False) == "approx. -65%"
    # from a rounded value a change is about so much, in whole percents; from exact ones as it is
    assert format_change(change._replace(pct=4.24), unit, "nl", base=False) == "ca. +4%"
    assert format_change(change._replace(pct=4.24, rounded=False), unit, "nl", base=False) == "+4,2%"
    exact = tiny_ds.change("share_nl", Period(2022))
    assert not exact.rounded
    assert format_change(exact, tiny_ds.unit_of("share_nl"), "nl") == "-26 procentpunt ten opzichte van 2021"


def test_summary_sentences_from_data(tiny_ds):
    from meldpunt_gui.text.describe import summary_sentences
    [nl] = summary_sentences(tiny_ds, ViewState(metrics=("reports_total",)), "nl")
    assert nl == ("Meldingen totaal: 5 waarden, 2019 t/m 2024; van ca. 300.000 (2019) tot "
                  "ca. 127.000 (2024); afgeronde cijfers uit verschillende bronnen, dus geen verandering "
                  "berekend; hoogste 413.262 (2021); "
                  "laatste ca. 127.000 (2024); grootste verandering ca. -65% ten opzichte van 2021; 3 afgerond.")
    [en] = summary_sentences(tiny_ds, ViewState(metrics=("share_nl",)), "en")
    assert en == ("Share NL: 2 values, 2021 to 2022; down from 89% (2021) to 63% (2022) "
                  "(-26 percentage points); highest 89% (2021); latest 63% (2022); "
                  "largest change -26 percentage points vs 2021.")


def test_a_manifold_rise_is_said_as_a_factor_not_as_a_huge_percentage():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    ds = load_bundled()
    state = ViewState(metrics=("reports_total",), first_year=2015, last_year=2021)
    [nl] = summary_sentences(ds, state, "nl")
    assert "gestegen van 25.347 (2015) naar 413.262 (2021) (16 keer zo veel)" in nl
    [en] = summary_sentences(ds, state, "en")
    assert "(16 times as many)" in en
    # 2011-2013 counted the reports handled: no rise is worked out from there
    [nl] = summary_sentences(ds, ViewState(metrics=("reports_total",), first_year=2011, last_year=2024), "nl")
    assert "niet overal gelijk geteld" in nl and "keer zo veel" not in nl


def test_no_rise_is_said_across_handled_and_received_reports():
    """1996's 256 against 2024's 127.000 was '496 keer zo veel', across years that count
    handled and years that count received reports (breaks in 2007 and 2011)."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    ds = load_bundled()
    [nl] = summary_sentences(ds, ViewState(metrics=("reports_total",)), "nl")
    assert "van 256 (1996) tot ca. 127.000 (2024), niet overal gelijk geteld" in nl
    assert "keer zo veel" not in nl
    assert ds.change("reports_total", Period(2007)) is None and ds.change("reports_total", Period(2011)) is None


def test_two_equal_ends_are_not_said_to_have_stayed_the_same():
    """The IWF's EU share was 62% in 2021 and in 2024, about 51% in 2023 (not in the data):
    "gelijk gebleven" hid the dip; the sentence names the two ends only."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    ds = load_bundled()
    [nl] = summary_sentences(ds, ViewState(metrics=("iwf_eu_share_pct",)), "nl")
    [en] = summary_sentences(ds, ViewState(metrics=("iwf_eu_share_pct",)), "en")
    assert "in 2021 en in 2024 62%" in nl and "gelijk gebleven" not in nl
    assert "62% in 2021 and in 2024" in en and "unchanged" not in en


def test_a_forecast_makes_no_change_and_a_growth_rate_changes_in_points():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    ds = load_bundled()
    [nl] = summary_sentences(ds, ViewState(metrics=("police_reports_expected",)), "nl")
    assert "van 20.000 (2017) tot ca. 50.000 (2022); een verwachting is geen telling" in nl
    assert "+150%" not in nl
    growth = tooltip_lines(ds, "reports_growth_pct", Period(2019), "nl")
    assert growth[2] == "-7 procentpunt ten opzichte van 2018"  # 45% -> 38%, not "-16%"


def test_tooltip_and_readout_say_why_there_is_no_change(tiny_ds):
    """A forecast, or two rounded figures from two publications, get no change: the tooltip and
    the readout say so, as the key figure does, instead of saying nothing."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.domain import Dataset
    from meldpunt_gui.text.describe import readout_lines

    def with_forecast(year):
        obs = [o.with_(status="forecast") if o.metric == "reports_total" and o.period == Period(year)
               else o for o in tiny_ds.observations]
        return Dataset(tiny_ds.units, tiny_ds.categories, tiny_ds.metrics, tiny_ds.sources, obs,
                       tiny_ds.events, tiny_ds.themes, tiny_ds.data_date)

    ds = with_forecast(2022)
    assert tooltip_lines(ds, "reports_total", Period(2022), "nl")[2] == \
        "een verwachting, dus geen verandering tegenover 2021 berekend"
    assert "a forecast, so no change on 2021 worked out" in \
        readout_lines(ds, ("reports_total",), Period(2022), "en")[1]
    assert tooltip_lines(with_forecast(2021), "reports_total", Period(2022), "nl")[2] == \
        "2021 is een verwachting, dus geen verandering berekend"
    # the key figure words the same reason: the earlier value is the expectation, not this one
    from meldpunt_gui.text.headline import no_change_words
    assert no_change_words(with_forecast(2021), "reports_total", Period(2022), "nl") == \
        "geen verandering berekend: 2021 (ca. 414.000) is een verwachting"  # the same source's 2021
    assert no_change_words(ds, "reports_total", Period(2022), "en") == "a forecast: no change worked out"
    # URLs assessed: "ruim 500.000" and "ruim 600.000" from two publications
    bundled = load_bundled()
    assert tooltip_lines(bundled, "urls_assessed", Period(2024), "nl")[2] == \
        "afgeronde cijfers uit verschillende bronnen, dus geen verandering tegenover 2023 berekend"


def test_readout_names_every_series_of_the_period(tiny_ds):
    from meldpunt_gui.text.describe import readout_lines

    lines = readout_lines(tiny_ds, ("reports_total", "share_nl", "cloud_urls"), Period(2021), "nl")
    assert lines[0] == "2021"
    assert lines[1] == ("Meldingen totaal: 413.262 meldingen · +35% ten opzichte van 2020 · "
                        "Bron: NU.nl, apr 2022")
    assert lines[2] == "  Andere bronnen: ca. 414.000 (Offlimits, 13-07-2023)"
    assert lines[3].startswith("Aandeel NL")
    assert any(line.startswith("Cloud-URL's: ") for line in lines[3:])
    english = readout_lines(tiny_ds, ("reports_total",), Period(2022), "en")
    assert english[1].startswith("Total reports: approx. 145,000 reports · approx. -65% vs 2021")


def chart_key_by_hand(ds, view):
    from meldpunt_gui.text.marks import key_entries

    firsts = [ds.values_at(m, p) for p in view.periods for m in view.metrics]
    firsts = [v for v in firsts if v]
    from meldpunt_gui.model.transforms import has_gap

    gaps = any(has_gap(ln.values) for p in view.chart.panels if not p.stacked for ln in p.lines)
    return tuple(key_entries({v[0].status for v in firsts}, any(v[0].approximate for v in firsts),
                             any(len(v) > 1 for v in firsts), view.lang, chart=True, gaps=gaps))


def test_the_resolved_view_says_what_the_texts_work_out_on_their_own(tiny_ds):
    """The resolved view hands its periods, years and sources to the texts, so one change works
    them out once; what they say must be what they say when they work it all out themselves."""
    from meldpunt_gui.model.resolve import resolve
    from meldpunt_gui.text.describe import shown_sources, summary_sentences
    from meldpunt_gui.text.explanation import explanation_sections
    from meldpunt_gui.text.headline import headlines

    for state in (ViewState(metrics=("reports_total", "cloud_urls", "share_nl")),
                  ViewState(metrics=("reports_total",), first_year=2020, last_year=2022,
                            excluded_years=frozenset({2021})),
                  ViewState(metrics=("reports_h1", "reports_total"), granularity="half")):
        for lang in ("nl", "en"):
            view = resolve(tiny_ds, state, lang)
            assert list(view.summary) == summary_sentences(tiny_ds, state, lang)
            assert view.sources_line == source_line(tiny_ds, state, lang)
            assert list(view.sources) == shown_sources(tiny_ds, state)
            drawn = shown_sources(tiny_ds, state, alternatives=False)
            assert chart_key_by_hand(tiny_ds, view) == view.chart_key
            assert drawn and set(drawn) <= set(view.sources)
            assert list(view.sections) == explanation_sections(
                tiny_ds, state, lang, view.listed_events, view.why)
            assert list(view.headlines) == headlines(tiny_ds, state, lang, view.chart)
    view = resolve(tiny_ds, ViewState(metrics=("reports_total", "cloud_urls")), "nl")
    assert view.sources_line == "Bron: NU.nl (2022); Offlimits (2023)"
    assert view.summary[1].startswith("Cloud-URL's: 2 waarden, 2021 t/m 2022; gedaald van 160.000")


def _cells():
    from hypothesis import strategies as st

    from meldpunt_gui.model.domain import Observation, Text

    obs = st.builds(lambda src, status, approx: Observation("m", Period(2020), 1.0, approx, status, src,
                                                            Text("", ""), False, None, False),
                    st.sampled_from(["s1", "s2", "s3", "gone"]),
                    st.sampled_from(["published", "secondary", "forecast"]), st.booleans())
    return st.integers(0, 4).flatmap(lambda periods: st.lists(
        st.lists(st.lists(obs, max_size=3), min_size=periods, max_size=periods), max_size=4))


def _scan_reference(cells):
    """The three passes the one scan replaced, written out plainly."""
    every: list[str] = []
    drawn: list[str] = []
    for i in range(len(cells[0]) if cells else 0):
        for column in cells:
            for k, o in enumerate(column[i]):
                if o.source not in every:
                    every.append(o.source)
                if k == 0 and o.source not in drawn:
                    drawn.append(o.source)
    firsts = [values[0] for column in cells for values in column if values]
    return (every, drawn, {o.status for o in firsts}, any(o.approximate for o in firsts),
            any(len(values) > 1 for column in cells for values in column))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=_cells())
def test_one_scan_finds_what_the_separate_passes_found(tiny_ds, cells):
    from meldpunt_gui.text.describe import scan_cells, sources_in

    every, drawn, statuses, approx, alts = _scan_reference(cells)
    scan = scan_cells(cells)
    assert (list(scan.source_ids), list(scan.drawn_source_ids)) == (every, drawn)
    assert (set(scan.statuses), scan.approximate, scan.alternatives) == (statuses, approx, alts)
    known = [s for s in every if s in tiny_ds.sources]  # a source the dataset lacks is left out
    assert [s.id for s in sources_in(tiny_ds, cells)] == known
    assert [s.id for s in sources_in(tiny_ds, cells, False)] == [s for s in drawn if s in tiny_ds.sources]


def test_source_line_dates_an_undated_page_by_the_year_it_appeared_never_by_a_sibling(tiny_ds):
    from meldpunt_gui.model.domain import Source, Text

    dated = Source("d", "IWF", "Report 2020", "https://example.org/a", "2020-10", True)
    later = Source("u", "IWF", "Report 2024", "https://example.org/b", "", True,
                   date_note=Text("ongedateerd; uit 2025", "undated; from 2025"), appeared="2025")
    unknown = Source("x", "Blog", "Post", "https://example.org/c", "", False,
                     date_note=Text("datum niet vastgelegd", "date not recorded"))
    state = ViewState(metrics=("reports_total",))
    assert source_line(tiny_ds, state, "nl", [dated, later, unknown]) == "Bron: IWF (2020, 2025); Blog (z.j.)"
    assert source_line(tiny_ds, state, "en", [later, unknown]) == "Source: IWF (2025); Blog (n.d.)"


def test_the_iwf_2024_share_is_credited_to_the_report_of_2025():
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    line = source_line(ds, ViewState(metrics=("iwf_nl_hosting_share_pct",), first_year=2024, last_year=2024), "nl")
    assert line == "Bron: Internet Watch Foundation (2025)"  # was "(2020)": the one dated IWF page


def test_the_chart_in_words_names_only_changes_it_shows():
    """Two growth rates fifteen years apart do not "rise" into each other (5% in 2004, 38% in
    2019), and the largest change has both its years in view (not "ten opzichte van 2017" in a
    view from 2018)."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    ds = load_bundled()
    [growth] = summary_sentences(ds, ViewState(metrics=("reports_growth_pct",), first_year=2004, last_year=2019),
                                 "nl")
    assert "van ca. +5% (2004) tot +38% (2019);" in growth and "gestegen" not in growth
    [iwf] = summary_sentences(ds, ViewState(metrics=("iwf_total_urls",), first_year=2018, last_year=2024), "en")
    assert "vs 2017" not in iwf
    assert "largest change +7.9% vs 2022" in iwf


def test_the_copied_table_keeps_rounding_and_status_in_words(tiny_ds):
    """Pasted into a plain-text mail, "400000" and "+35%" read as exact: a remark column per
    series says 'ca.' and the status, and a change from a rounded value keeps its 'ca.'."""
    from meldpunt_gui.model.domain import Dataset
    from meldpunt_gui.text.tabular import build_table

    obs = [o.with_(status="secondary") if o.metric == "reports_total" and o.period == Period(2022)
           else o for o in tiny_ds.observations]
    ds = Dataset(tiny_ds.units, tiny_ds.categories, tiny_ds.metrics, tiny_ds.sources, obs,
                 tiny_ds.events, tiny_ds.themes, tiny_ds.data_date)
    table = build_table(ds, ViewState(metrics=("reports_total",)), "en")
    head, *rows = table.to_tsv("en").splitlines()
    assert head.split("\t") == ["Period", "Total reports (reports)", "change Total reports", "remark Total reports"]
    by = {r.split("\t")[0]: r.split("\t")[1:] for r in rows}
    assert by["2022"] == ["145000", "approx. -65%", "approx.; secondary source"]
    assert by["2020"][0] == "307021" and by["2020"][2] == ""  # exact and published: no remark


def test_chart_in_words_by_half_year_says_a_year_series_has_no_halves():
    """A series of years only, in a half-year view: it has values, just not by the half-year,
    so 'no values in these years' would deny figures the year view shows."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences
    from meldpunt_gui.text.series_memo import SeriesMemo

    ds = load_bundled()
    memo = SeriesMemo(ds)
    years = ViewState(metrics=("share_hosted_nl_pct",), first_year=2023, last_year=2024)
    assert summary_sentences(ds, years, "nl", memo=memo) == [
        "Aandeel in NL gehost (Meldpunt): geen waarden in deze jaren."]
    half = ViewState(metrics=("share_hosted_nl_pct", "reports_h1"), first_year=2023, last_year=2024,
                     granularity="half")
    assert summary_sentences(ds, half, "nl", memo=memo) == [
        "Aandeel in NL gehost (Meldpunt): geen halfjaarcijfers; de reeks telt per jaar.",
        "Meldingen van burgers, eerste halfjaar: geen halfjaarcijfers in deze jaren."]
    assert summary_sentences(ds, half, "en", memo=memo)[0].endswith(
        ": no half-year figures; the series counts by year.")
