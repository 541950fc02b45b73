"""'Waarom' and the events of a view, against the bundled data (no Qt).

The reasons are quoted in memos, so: the main factor comes first for the 2021-2022 fall, every
sentence says who said it and when, and every number it names is in the data for the series and
years it explains. The events a view shows are the ones about its series, in at most two lanes.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import load_stories, story_folders
from meldpunt_gui.model.domain import Event, Period, Text
from meldpunt_gui.model.events import badge_layout, view_events
from meldpunt_gui.model.resolve import resolve
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.why import MAX_WHY, MIN_WHY, why_sentences


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


def test_a_background_lead_sentence_cites_what_that_sentence_rests_on(ds):
    """Where why.csv holds fewer than two reasons, the lead sentences of the background texts
    fill up, each citing the sources of that sentence (themes.csv `lead_sources`), never the
    first source the text happens to list (Offlimits' July 2023 item stood under a sentence
    about the government in 2018)."""
    assert all(t.lead_sources and set(t.lead_sources) <= set(t.sources) for t in ds.themes.values())
    [lead] = why_sentences(ds, ["monitor_removed_24h_pct"], 2019, 2020, "nl")
    pressure = ds.themes["hosting_pressure"]
    assert lead.text.startswith("Vanaf 2018") and lead.reason_id == ""
    assert lead.sources == pressure.lead_sources == ("rijksoverheid-2018-03-27", "revu-2020-07")
    assert "offlimits-2023-07-13" not in lead.sources


def test_the_fall_of_2022_opens_with_the_main_factor_then_cloud_then_hosters_leaving(ds):
    ids = [w.reason_id for w in why_sentences(ds, ("reports_total",), 2021, 2022, "nl")]
    assert ids[:3] == ["hosting-pressure-2022", "cloud-bulk-end-2022", "hosters-leaving-2022"]
    first = why_sentences(ds, ("reports_total",), 2021, 2022, "nl")[0]
    assert "voornaamste factor" in first.text and "Offlimits" in first.text and "juli 2023" in first.text
    assert first.sources == ("offlimits-2023-07-13",)
    en = why_sentences(ds, ("reports_total",), 2021, 2022, "en")[0]
    assert "main factor" in en.text and "July 2023" in en.text


def test_reasons_follow_the_series_and_the_years(ds):
    police = [w.reason_id for w in why_sentences(ds, ("police_reports",), 2012, 2021, "nl")]
    assert police[0] == "police-vs-hotline"
    early = why_sentences(ds, ("reports_total",), 2010, 2015, "nl")
    assert all(w.reason_id == "" for w in early)  # no reason speaks of those years: background


def test_the_default_view_and_every_story_have_two_to_four_sourced_reasons(ds):
    stories, _ = load_stories(ds, story_folders(None))
    for state in [ViewState()] + [s.state() for s in stories]:
        for lang in ("nl", "en"):
            view = resolve(ds, state, lang)
            assert MIN_WHY <= len(view.why) <= MAX_WHY, (state.story, lang)
            assert all(w.sources for w in view.why), (state.story, lang)


def test_no_series_gets_more_than_four_reasons_or_one_without_a_source(ds):
    for metric in ds.metrics:
        view = resolve(ds, ViewState(metrics=(metric,)), "nl")
        assert len(view.why) <= MAX_WHY and all(w.sources for w in view.why), metric


WHO = ("Offlimits", "EOKM", "Tweakers", "NU.nl", "IWF", "minister", "Nederlands Dagblad", "netzpolitik.org",
       "Meldpunt", "hotline's annual report", "INHOPE")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_NUMBER = {"nl": re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w])"),
           "en": re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")}


def _numbers(text: str, lang: str) -> list[float]:
    out = []
    for m in _NUMBER[lang].finditer(text):
        whole, frac = m.group(1), m.group(2) or ""
        value = float(whole.replace("." if lang == "nl" else ",", "") + ("." + frac[1:] if frac else ""))
        after = text[m.end():m.end() + 2]
        if len(whole) == 4 and 1990 <= value <= 2100 and not after.startswith("%"):
            continue  # a year
        out.append(value)
    return out


def test_every_reason_names_who_and_when_and_only_numbers_in_the_data(ds):
    for reason in ds.reasons:
        for lang in ("nl", "en"):
            text = reason.text.get(lang)
            assert _YEAR.search(text), (reason.id, lang, "says when")
            assert any(who in text for who in WHO), (reason.id, lang, "says who")
            values = {abs(o.value) for o in ds.observations if o.metric in reason.metrics
                      and reason.years[0] <= o.period.year <= reason.years[1]}
            for number in _numbers(text, lang):
                assert number in values, (reason.id, lang, number)


def test_a_number_not_in_the_data_is_caught():
    assert _numbers("van 160.000 naar 4.600 (97% minder) in 2022", "nl") == [160000, 4600, 97]
    assert _numbers("from 160,000 to 4,600 in July 2023", "en") == [160000, 4600]


def test_events_of_a_view_touch_its_series_or_its_story(ds):
    every = ds.events_between(1996, 2024)
    shown = view_events(ds, ("reports_total",), 1996, 2024)
    assert 0 < len(shown) < len(every)
    assert "meldpunt-start" not in {e.id for e in shown}  # the organisation's history
    assert "meldpunt-start" in {e.id for e in view_events(ds, ("reports_total",), 1996, 2024,
                                                          story_periods=(Period(1996),))}
    assert view_events(ds, ("reports_total",), 1996, 2024, everything=True) == every
    view = resolve(ds, ViewState(), "nl")
    assert view.events == view.listed_events == tuple(shown)
    assert resolve(ds, ViewState(show_events=False), "nl").events == ()


def _event(year: int, k: int) -> Event:
    return Event(f"e{year}-{k}", str(year), year, Text("t", "t"), "s")


@given(st.lists(st.integers(1996, 2024), min_size=1, max_size=40), st.integers(150, 2000))
def test_badges_never_take_more_than_two_lanes_and_keep_every_number(years, px):
    events = [_event(y, k) for k, y in enumerate(sorted(years))]
    badges = badge_layout(events, 1996, 2024, px, lambda t: max(24, 8 * len(t) + 10))
    assert max(b.lane for b in badges) < 2 or len(badges) == 1
    assert [n for b in badges for n in b.numbers] == list(range(1, len(events) + 1))
    assert all(1995.5 <= b.x <= 2024.5 for b in badges)


def test_the_monitor_and_the_early_years_get_a_sourced_reason_of_their_own(ds):
    """"Waarom" for the monitor 2021-2022 was the government's pressure and the hotline's fall in
    reports, for 2003-2004 the founding year: now netzpolitik.org's provider split and the
    annual report's spam."""
    monitor = why_sentences(ds, ["monitor_removed_24h_pct"], 2021, 2022, "nl")
    assert monitor[0].reason_id == "monitor-polarisation-2022" and monitor[0].sources == ("netzpolitik-2023-07",)
    early = why_sentences(ds, ["police_referrals_klpd"], 2003, 2004, "en")
    assert early[0].reason_id == "spam-2004" and "spam" in early[0].text


def test_no_unrelated_background_lead_is_offered_as_a_reason(ds):
    """A background text's lead fills "Waarom" only for the years it is about: the pressure on
    hosters from 2018 is no reason for the rise of 2015-2019, the founding year none for 2010-2014,
    and the hotline's units none for INHOPE's counts. The text stays in the background."""
    texts = [w.text for w in why_sentences(ds, ("reports_total",), 2015, 2019, "nl")]
    assert not any("druk op hostingbedrijven" in t for t in texts)
    assert why_sentences(ds, ("reports_total",), 2010, 2014, "nl") == []
    assert why_sentences(ds, ("inhope_content_urls",), 2020, 2023, "en") == []
    [records] = why_sentences(ds, ("inhope_records_suspected",), 2024, 2024, "nl")
    assert records.reason_id == "inhope-records-2024" and records.sources == ("inhope-ar2024",)
    # a text about the years in view still fills up: the monitor of 2019-2020 and the pressure
    [lead] = why_sentences(ds, ("monitor_removed_24h_pct",), 2019, 2020, "nl")
    assert lead.text.startswith("Vanaf 2018 voerde de overheid de druk op hostingbedrijven")


def test_the_pane_says_when_no_source_gives_a_reason(ds):
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.text.explanation import explanation_sections

    state = ViewState(metrics=("inhope_content_urls",), first_year=2020, last_year=2023)
    for lang, said in (("nl", "geeft geen van de bronnen een verklaring"),
                       ("en", "None of the sources gives a reason")):
        why = explanation_sections(ds, state, lang)[0]
        assert why.key == "why" and said in why.html
