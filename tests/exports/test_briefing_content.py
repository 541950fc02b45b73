"""The briefing's content and the headline figures, read without Qt."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import Story
from meldpunt_gui.exports.briefing_content import briefing_content
from meldpunt_gui.exports.view_context import view_context
from meldpunt_gui.model.domain import Period, Text
from meldpunt_gui.model.resolve import resolve
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.headline import headline
from meldpunt_gui.text.why import MAX_WHY, MIN_WHY, first_sentence

TODAY = dt.date(2025, 5, 1)
STATE = ViewState(metrics=("reports_total", "share_nl"), first_year=2019, last_year=2022)
STORY = Story("fall", Text("De daling", "The fall"), Text("Minder meldingen in 2022.", "Fewer in 2022."),
              ("reports_total",), 2019, 2022, highlight=(Period(2022),))


def _without(ds, metric: str, value: float):
    """`ds` less one value: the same data with one source fewer for a period."""
    from meldpunt_gui.model.domain import Dataset

    return Dataset(ds.units, ds.categories, ds.metrics, ds.sources,
                   [o for o in ds.observations if (o.metric, o.value) != (metric, value)],
                   ds.events, ds.themes, ds.data_date)


def test_headline_sentence_names_value_change_and_source(tiny_ds):
    """A change is worked out from one publication where it gives both years (Offlimits: about
    145.000 against about 414.000), and the sentence says the earlier value is that source's,
    not the 413.262 the chart draws; a change from a rounded value is about so much."""
    h = headline(tiny_ds, STATE, "reports_total", "nl")
    assert h is not None and h.period == Period(2022)
    assert h.sentence == ("In 2022 telde het Meldpunt circa 145.000 meldingen, circa 65% minder dan in "
                          "2021 (ca. 414.000 in dezelfde bron). Bron: Offlimits, 13-07-2023.")
    assert h.value == "ca. 145.000 meldingen"
    assert h.approximate and h.status == ""
    assert (h.source_label, h.source_url) == ("Bron: Offlimits, 13-07-2023", "https://example.org/off")
    en = headline(tiny_ds, STATE, "reports_total", "en")
    assert en.sentence == ("In 2022 the hotline counted about 145,000 reports, about 65% fewer than in "
                           "2021 (approx. 414,000 in the same source). Source: Offlimits, 13 Jul 2023.")


def test_headline_names_the_earlier_values_source_where_it_is_another(tiny_ds):
    """Where the latest value's source gives no value for the earlier period, the change is
    worked out from the shown one and the sentence names its source, so 'Bron: Offlimits' is not
    read as the source of both."""
    ds = _without(tiny_ds, "reports_total", 414000)
    h = headline(ds, STATE, "reports_total", "nl")
    assert h.sentence == ("In 2022 telde het Meldpunt circa 145.000 meldingen, circa 65% minder dan in "
                          "2021 (413.262 volgens NU.nl, apr 2022). Bron: Offlimits, 13-07-2023.")
    assert headline(ds, STATE, "reports_total", "en").change == \
        "about 65% fewer than in 2021 (413,262 according to NU.nl, Apr 2022)"


def test_headline_sentence_is_the_same_for_the_same_view_and_escaped_as_html(tiny_ds):
    from meldpunt_gui.model.resolve import resolve
    from meldpunt_gui.text.headline import copy_text

    a, b = resolve(tiny_ds, STATE, "nl"), resolve(tiny_ds, STATE, "nl")
    assert copy_text(a.headlines) == copy_text(b.headlines)
    text, html = copy_text(a.headlines)
    assert text.startswith("In 2022 telde het Meldpunt circa 145.000 meldingen")
    assert 'Bron: <a href="https://example.org/off">Offlimits, 13-07-2023</a>.</p>' in html


def test_headline_of_a_half_year_compares_the_same_half_a_year_before(tiny_ds):
    h = headline(tiny_ds, ViewState(metrics=("reports_h1",), granularity="half"), "reports_h1", "nl")
    assert h.period == Period(2022, 1)
    assert h.change == "circa 94% minder dan in het 1e halfjaar van 2021 (ca. 129.000)"  # one source: not named twice
    assert h.sentence.startswith("In het 1e halfjaar van 2022 telde het Meldpunt circa 8.100 meldingen")


def test_headline_gives_the_figure_of_the_index_and_change_modes(tiny_ds):
    from meldpunt_gui.model.resolve import resolve

    index = resolve(tiny_ds, STATE.with_(mode="index", base_year=2021), "nl").headlines[0]
    assert index.mode_figure == "index ca. 35 (2021 = 100)"  # from circa 145.000
    change = resolve(tiny_ds, STATE.with_(mode="change"), "en").headlines[0]
    assert change.mode_figure == "approx. -65% on 2021"
    # a percentage changes in points, as the chart's panel draws it (not '-26%')
    share = resolve(tiny_ds, STATE.with_(mode="change"), "nl").headlines[1]
    assert (share.metric, share.mode_figure) == ("share_nl", "-26 procentpunt op 2021")
    assert resolve(tiny_ds, STATE, "nl").headlines[0].mode_figure == ""


def test_headline_of_a_percentage_is_in_points(tiny_ds):
    h = headline(tiny_ds, STATE, "share_nl", "nl")
    assert h.change == "26 procentpunt lager dan in 2021 (89%)"


def test_a_copied_share_says_what_it_is_a_share_of():
    # pasted alone, "29%" reads as 29% of all material; the sentence names the IWF's own URLs
    ds = load_bundled()
    for lang, words in (("nl", "29% van de door de IWF bevestigde URL's, 4 procentpunt lager"),
                        ("en", "29% of the URLs the IWF confirmed, 4 percentage points lower")):
        h = headline(ds, ViewState(metrics=("iwf_nl_hosting_share_pct",), last_year=2024),
                     "iwf_nl_hosting_share_pct", lang)
        assert h is not None and words in h.sentence
    eu = headline(ds, ViewState(metrics=("iwf_eu_share_pct",), last_year=2024), "iwf_eu_share_pct", "nl")
    assert eu is not None and "62% van de door de IWF gevonden webpagina's (secundaire bron)" in eu.sentence


def test_headline_writes_out_the_alternatives(tiny_ds):
    h = headline(tiny_ds, STATE.with_(last_year=2021), "reports_total", "nl")
    assert h.alternatives == "andere bronnen: ca. 414.000 (Offlimits, 13-07-2023)"


def test_no_headline_without_a_value_in_view(tiny_ds):
    assert headline(tiny_ds, STATE.with_(first_year=2010, last_year=2012), "reports_total", "nl") is None


def test_one_page_content_in_order(tiny_ds):
    c = briefing_content(tiny_ds, STATE, "nl", today=TODAY, version="9.9")
    assert c.title == "Meldingen totaal, Aandeel NL, 2019 t/m 2022"
    assert [h.metric for h, _ in c.figures] == ["reports_total", "share_nl"]
    assert len(c.why) == 2  # the tiny dataset has one theme and one event
    assert c.why[0].text == "Hosters <b>verhuizen</b>."  # file text stays text
    # every mark on the page points at a listed source
    listed = {r.number for r in c.sources}
    assert {n for _, n in c.figures} | {n for s in c.why for n in s.marks} <= listed
    assert [r.number for r in c.sources] == list(range(1, len(c.sources) + 1))
    assert c.sources[0].text == "Offlimits, Trend (13-07-2023)"
    assert c.sources[0].url == "https://example.org/off"
    assert c.data_date == "Gegevens tot en met 13-07-2023"
    assert c.footer == "Meldpunt-viewer 9.9 · gemaakt op 01-05-2025"
    assert c.appendix == [] and c.table is None


def test_why_falls_back_on_events(tiny_ds):
    c = briefing_content(tiny_ds, STATE, "en", today=TODAY)
    assert [s.text for s in c.why] == ["Hosters move.", "8 Oct 2020: Monitor published."]


def test_bundled_views_have_two_to_four_sourced_why_sentences():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.data.stories import load_stories, story_folders

    ds = load_bundled()
    stories, _ = load_stories(ds, story_folders(None))
    views = [(ViewState(), None)] + [(s.state(), s) for s in stories]
    for state, story in views:
        for lang in ("nl", "en"):
            c = briefing_content(ds, state, lang, story, today=TODAY)
            assert MIN_WHY <= len(c.why) <= MAX_WHY, (state.story, lang)
            assert all(s.marks for s in c.why)
            assert c.figures and all(n for _, n in c.figures)


def test_story_gives_title_text_and_highlight(tiny_ds):
    state = STORY.state()
    c = briefing_content(tiny_ds, state, "nl", STORY, today=TODAY)
    assert c.title == "De daling, 2019 t/m 2022"
    assert c.story_text == "Minder meldingen in 2022."
    assert c.context.story == "Verhaal: De daling"
    assert c.context.highlight == "Grijs vlak: 2022."


def test_extended_appendix_has_definitions_background_table_and_events(tiny_ds):
    c = briefing_content(tiny_ds, STATE.with_(last_year=2021), "nl", extended=True, today=TODAY)
    titles = [s.title for s in c.appendix]
    assert titles == ["Wat telt mee", "Achtergrond", "Druk op hosters", "Gebeurtenissen"]
    assert c.appendix[0].paragraphs[0] == "Meldingen totaal (meldingen): Alle meldingen."
    assert c.table is not None
    row = next(r for r in c.table.rows if r[:2] == ("2021", "Meldingen totaal"))
    assert row[2:] == ("413.262", "NU.nl, apr 2022", "ca. 414.000 (Offlimits, 13-07-2023)")
    assert c.appendix[-1].paragraphs[0].startswith("1. 08-10-2020: Monitor gepubliceerd [")


def test_view_context_says_mode_base_year_and_key(tiny_ds):
    ctx = view_context(resolve(tiny_ds, STATE.with_(mode="index", base_year=2021), "nl"))
    assert ctx.mode == "Index: 2021 = 100."
    assert any(n.startswith("Let op: deze lijnen tellen verschillende dingen") for n in ctx.notes)
    assert ctx.definitions == ("Meldingen totaal (meldingen): Alle meldingen.", "Aandeel NL (%): Aandeel in NL.")
    at = ctx.lines().index(ctx.notes[-1])  # the definitions follow the note that points to them
    assert ctx.lines()[at + 1:at + 4] == ["Wat telt mee", *ctx.definitions]
    assert ctx.key[0].startswith("○ open punt = afgeronde waarde")
    log = view_context(resolve(tiny_ds, STATE.with_(mode="log"), "en"))
    assert "Log scale: each step up is a multiplication." in log.notes
    gap = view_context(resolve(tiny_ds, ViewState(metrics=("reports_total",)), "en"))
    assert "No line between two points = no figure for the period between." in gap.key
    assert gap.source.startswith("Source: ")


def test_core_modules_load_no_qt():
    import subprocess

    code = ("import sys, meldpunt_gui.exports.briefing_content, meldpunt_gui.text.headline; "
            "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@given(st.text(max_size=300))
def test_first_sentence_is_a_prefix(text):
    lead = first_sentence(text)
    assert " ".join(text.split()).startswith(lead)


@pytest.mark.parametrize("text,lead", [
    ("Het Meldpunt kreeg ca. 145.000 meldingen. Daarna minder.", "Het Meldpunt kreeg ca. 145.000 meldingen."),
    ("In 2019 t/m 2022 daalde het. Ja.", "In 2019 t/m 2022 daalde het."),
])
def test_first_sentence_keeps_abbreviations(text, lead):
    assert first_sentence(text) == lead


def test_the_one_page_briefing_draws_no_events_it_cannot_list(tiny_ds):
    """The page has no list of events, so numbered lines on its chart could not be looked up;
    the extended briefing draws them and lists them in its appendix, numbered alike."""
    from meldpunt_gui.exports.briefing_content import briefing_state

    state = ViewState(metrics=("reports_total", "cloud_urls"), first_year=2019, last_year=2022)
    page = briefing_content(tiny_ds, briefing_state(state, False), "nl")
    assert not any("gebeurtenissen" in line for line in page.context.key)
    full = briefing_content(tiny_ds, briefing_state(state, True), "nl", extended=True)
    assert any(line.startswith("Genummerde stippellijnen") for line in full.context.key)
    events = [s for s in full.appendix if s.title == "Gebeurtenissen"]
    assert events and events[0].paragraphs[0].startswith("1. 08-10-2020: Monitor gepubliceerd")


def test_lines_that_count_different_things_get_a_short_note_and_the_definitions(tiny_ds):
    """The note names what is compared and sends the reader to the definitions; written out in
    the note, four definitions pushed a laptop's chart below the fold."""
    both = ViewState(metrics=("reports_total", "cloud_urls"), first_year=2019, last_year=2022,
                     mode="index", base_year=2021)
    view = resolve(tiny_ds, both, "nl")
    guard = view.notes[-1]
    assert guard == ("Let op: deze lijnen tellen verschillende dingen (meldingen; URL's) en staan "
                     "alleen als verhouding naast elkaar; wat elke reeks telt, staat onder "
                     "\u2018Wat telt mee\u2019.")
    assert "Alle meldingen." not in guard
    assert view.chart.compared == ("reports_total", "cloud_urls")
    assert view_context(view).definitions == ("Meldingen totaal (meldingen): Alle meldingen.",
                                              "Cloud-URL's (URL's): URL's naar cloud.")
    same = resolve(tiny_ds, both.with_(metrics=("reports_total", "reports_h1"), mode="change"), "en")
    assert same.notes[-1].startswith("Note: these lines each count something else (all in reports)")
    change = resolve(tiny_ds, both.with_(mode="change"), "en")
    assert change.chart.compared == ("reports_total", "cloud_urls")
    assert change.notes[-1].endswith("under \u2018What is counted\u2019.")
    for alone in (both.with_(metrics=("reports_total",)), both.with_(mode="absolute")):
        view = resolve(tiny_ds, alone, "nl")
        assert view.chart.compared == () and view_context(view).definitions == ()


def test_the_briefing_gives_an_undated_source_what_is_known_of_its_date_and_each_figure_its_status():
    """The one-page briefing is what staff forward: a press summary's figure is marked as on
    screen, and an undated page is listed with its date note, not without a date."""
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    state = ViewState(metrics=("iwf_eu_share_pct",), first_year=2021, last_year=2024)
    c = briefing_content(ds, state, "nl", today=TODAY, version="9.9")
    (h, n), = c.figures
    assert h.status == "secundaire bron" and h.after_value.startswith(" (secundaire bron)")
    ref = next(r for r in c.sources if r.number == n)
    assert ref.text.startswith("The Brussels Times, ")
    assert ref.text.endswith("(ongedateerd; uit 2025, bij de IWF-cijfers over 2024)")
    en = briefing_content(ds, state, "en", today=TODAY, version="9.9")
    assert en.figures[0][0].after_value.startswith(" (secondary source)")


def test_an_alternative_that_counts_something_else_says_so_in_the_key_figure():
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    h = headline(ds, ViewState(metrics=("reports_total",), first_year=2021, last_year=2022), "reports_total", "nl")
    assert h.alternatives.startswith("andere bronnen: 144.058 (telt iets anders dan de reeks; EOKM")


def test_a_key_figure_without_a_change_says_why():
    """The default view's latest figure (2024) had no change and no word why, beside a "Waarom"
    about 2022: a reader took the 2022 fall for 2024's."""
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    h = headline(ds, ViewState(metrics=("reports_total",)), "reports_total", "nl")
    assert (h.period, h.change) == (Period(2024), "")
    assert h.no_change == "geen cijfer over 2023 in de gegevens; 2022: ca. 145.000"
    assert h.after_value == " (secundaire bron), geen cijfer over 2023 in de gegevens; 2022: ca. 145.000"
    # the sentence to quote says what its source said, then after that source why it has no
    # change, the earlier figure with its own source (pasted without it, it read as if there
    # were nothing to compare with)
    assert h.sentence == ("In 2024 telde het Meldpunt circa 127.000 meldingen (secundaire bron). "
                          "Bron: Reformatorisch Dagblad, apr 2025. Geen cijfer over 2023 in de "
                          "gegevens; 2022: ca. 145.000 (Offlimits, 13-07-2023).")
    assert h.sentence_html.endswith("</a>. Geen cijfer over 2023 in de gegevens; 2022: ca. 145.000 "
                                    "(Offlimits, 13-07-2023).</p>")
    en = headline(ds, ViewState(metrics=("reports_total",)), "reports_total", "en")
    assert en.no_change == "no figure for 2023 in the data; 2022: approx. 145,000"
    broken = headline(ds, ViewState(metrics=("police_reports",), first_year=2014, last_year=2018),
                      "police_reports", "nl")
    assert broken.no_change == "geen verandering: de reeks telt vanaf 2018 anders (zie Wat telt mee)"
    first = headline(ds, ViewState(metrics=("reports_total",), first_year=1996, last_year=1996), "reports_total", "nl")
    assert first.no_change == "geen eerder cijfer in de gegevens"
    forecast = headline(ds, ViewState(metrics=("police_reports_expected",)), "police_reports_expected", "nl")
    assert forecast.no_change == "een verwachting: geen verandering berekend"
    shown = headline(ds, ViewState(metrics=("reports_total",), first_year=2020, last_year=2022), "reports_total", "nl")
    assert shown.change and shown.no_change == ""


def test_no_change_between_two_rounded_figures_of_two_sources():
    """'ruim 500.000' (Openprovider) against 'ruim 600.000' (RD) was 'circa 20% meer', a change
    nobody published that could be anything from about 0% to 20%."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.describe import summary_sentences

    ds = load_bundled()
    assert ds.change("urls_assessed", Period(2024)) is None
    h = headline(ds, ViewState(metrics=("urls_assessed",)), "urls_assessed", "nl")
    assert h.change == ""
    assert h.no_change.startswith("geen verandering berekend: 2023 (ca. 500.000 volgens Openprovider")
    assert "20%" not in h.sentence
    [nl] = summary_sentences(ds, ViewState(metrics=("reports_total",), first_year=2019, last_year=2022), "nl")
    assert "van ca. 300.000 (2019) tot ca. 145.000 (2022); afgeronde cijfers uit verschillende bronnen" in nl


def test_an_exported_key_explains_the_status_signs_its_chart_draws():
    """The briefing drew ↺ beside most points but its key named only the markers."""
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    ctx = view_context(resolve(ds, ViewState(metrics=("reports_total",)), "nl"))
    assert "↺ = secundaire bron." in ctx.key
    en = view_context(resolve(ds, ViewState(metrics=("police_reports_expected",)), "en"))
    assert "→ = forecast." in en.key and not any(k.startswith("↺") for k in en.key)


def test_every_source_a_key_figure_quotes_is_in_the_numbered_list():
    """The key figure for 2022 quotes 144.058 from the annual report site beside Offlimits' 145.000:
    that site was in no [n] of the briefing, and neither was the source of a quoted earlier value."""
    ds = load_bundled()
    state = ViewState(metrics=("reports_total", "iwf_total_urls"), first_year=2021, last_year=2022)
    content = briefing_content(ds, state, "nl")
    urls = [ref.url for ref in content.sources]
    assert ds.sources["offlimits-jv2022"].url in urls  # the alternative 144.058
    iwf = next(h for h, _ in content.figures if h.metric == "iwf_total_urls")
    change = ds.change("iwf_total_urls", iwf.period)
    assert change is not None and change.base.source != ds.shown("iwf_total_urls", iwf.period).source
    assert ds.sources[change.base.source].url in urls  # the earlier value, from another source
    assert [ref.number for ref in content.sources] == list(range(1, len(urls) + 1))
