"""Content a memo can cite: the bundled texts, stories and figures say what their sources say.

Checks over the bundled data (resources/), no Qt:
- every number written in a text or story is found in the data for the period the text names,
  with its strength kept (no "ongeveer" before an exact figure, no bare number for a rounded one);
- a story names only the metrics and years it shows, and a trend only where it shows two points;
- parts add up to their whole, or a note explains the gap;
- no disputed figure is drawn in two periods;
- a shown value's status matches the kind of its source, and the shown value fits its metric;
- every source has a real title and a date, or says why it has none;
- the review findings (NOTES §5) stay fixed: who said what, when, and how strongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import Story, load_stories, story_folders
from meldpunt_gui.files.resources import resource_root
from meldpunt_gui.model.domain import Dataset, Observation, Period
from meldpunt_gui.model.view import ViewState, selected_periods
from meldpunt_gui.text.describe import explanation_html, source_date

LANGS = ("nl", "en")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_bundled()


@pytest.fixture(scope="module")
def stories(ds) -> dict[str, Story]:
    found, problems = load_stories(ds, story_folders(None))
    assert problems == []
    return {s.id: s for s in found}


# ============================================================== reading numbers out of a text

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december", "january", "february", "march", "may", "june", "july",
          "august", "october", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "oct",
          "nov", "dec")
QUALIFIERS = {
    "nl": ("circa", "ca.", "ongeveer", "zo'n", "ruim", "bijna", "meer dan", "rond", "iets meer dan",
           "minder dan", "bij benadering"),
    "en": ("about", "some", "around", "almost", "nearly", "over", "more than", "just over",
           "upwards of", "roughly", "a little over", "approximately", "well over"),
}
SCALE = {"miljoen": 1e6, "million": 1e6, "miljard": 1e9, "billion": 1e9}
_PERCENT_AFTER = re.compile(r"^\s*(%|procent\b|percent\b|procentpunt\w*|percentage points?\b)")
EARLIER = ("een jaar eerder", "het jaar ervoor", "a year earlier", "the year before")

_NUMBER = {
    "nl": re.compile(r"(?<![\w.,])([−-]?)(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w])"),
    "en": re.compile(r"(?<![\w.,])([−-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])"),
}
_YEAR = re.compile(r"(?<![\w.,])(19[9]\d|20\d\d)(?![\w.,]\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z'‘“(0-9])")


@dataclass(frozen=True)
class Number:
    text: str  # as written, e.g. "160.000" or "49,99%"
    value: float
    percent: bool
    qualified: bool  # "ca.", "ruim", "about", ...
    years: frozenset[int]  # the years the sentence (or the paragraph so far) names
    sentence: str


def _is_year(raw: str, value: float, after: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1990 <= value <= 2100 and not _PERCENT_AFTER.match(after)


_DATED = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(19\d\d|20\d\d)\b", re.IGNORECASE)


def named_years(sentence: str, dates: bool = True) -> set[int]:
    """The years a sentence names, ranges filled in ('2019 tot en met 2022'); with dates=False
    the year of a date ('13 juli 2023', 'April 2022': when something was said) is left out."""
    text = sentence if dates else _DATED.sub(" ", sentence)
    years = {int(y) for y in _YEAR.findall(text)}
    for a, b in re.findall(r"\b(\d{4})\s*(?:-|–|tot en met|to)\s*(\d{4})\b", text):
        years |= set(range(int(a), int(b) + 1))
    return years


def sentence_years(sentence: str) -> set[int]:
    """The years whose data a sentence may cite: those it names, and the year before them where
    it says 'een jaar eerder' / 'a year earlier'."""
    years = named_years(sentence)
    if any(w in sentence.lower() for w in EARLIER):
        years |= {y - 1 for y in years}
    return years


def numbers_in(text: str, lang: str) -> list[Number]:
    """Every figure written in `text` (years and dates left out), with the years it speaks of:
    those named in its sentence, else those of the latest sentence in the paragraph that named
    some. Half-years belong to their year."""
    out: list[Number] = []
    for paragraph in text.split("\n\n"):
        context: set[int] = set()
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            own = sentence_years(sentence)
            years = own | context if own else set(context)
            if own:
                context = own
            for m in _NUMBER[lang].finditer(sentence):
                sign, whole, frac = m.group(1), m.group(2), m.group(3) or ""
                raw = whole + frac
                digits = whole.replace("." if lang == "nl" else ",", "")
                value = float(digits + ("." + frac[1:] if frac else ""))
                after = sentence[m.end():m.end() + 14]
                before = sentence[max(0, m.start() - 16):m.start()].lower()
                if _is_year(raw, value, after):
                    continue
                first_word = after.strip().split(" ")[0].strip(".,;:()").lower() if after.strip() else ""
                if first_word in MONTHS:  # "13 juli 2023": a date
                    continue
                scale = SCALE.get(first_word)
                if scale:
                    value *= scale
                if sign:
                    value = -value
                percent = bool(_PERCENT_AFTER.match(after))
                qualified = any(re.search(r"(^|\W)" + re.escape(q) + r"\s*$", before)
                                for q in QUALIFIERS[lang])
                out.append(Number(m.group(0) + ("%" if percent and "%" in after[:2] else ""),
                                  value, percent, qualified, frozenset(years), sentence))
    return out


def _note_numbers(text: str, lang: str) -> set[tuple[float, bool]]:
    return {(abs(n.value), n.percent) for n in numbers_in(text, lang)}


def _periods_of(years: frozenset[int]) -> set[Period]:
    return {p for y in years for p in (Period(y), Period(y, 1), Period(y, 2))}


def lookup(ds: Dataset, number: Number, lang: str, metrics: set[str] | None = None,
           events_from: tuple[int, int] | None = (1990, 2100)) -> str:
    """'' when `number` is in the data for the periods its sentence names; else why not.

    Values first: an observation of one of `metrics` (all when None) in those periods whose value
    (or, for a percentage, its size) equals the number exactly. The number's strength must match:
    a qualifier ("ca.", "ruim", "about") only before a rounded value, a bare number only where an
    exact one exists. Failing a value, the figure may stand in the note of such an observation or
    of an event of those years (a country's share, a legal deadline)."""
    if not number.years:
        return f"{number.text!r} names no year: {number.sentence!r}"
    periods = _periods_of(number.years)
    candidates = [o for o in ds.observations if o.period in periods and (metrics is None or o.metric in metrics)]
    hits: list[Observation] = []
    for o in candidates:
        kind = ds.unit_of(o.metric).kind
        if number.percent != (kind in ("percent", "change")):
            continue
        value = abs(o.value) if kind == "change" else o.value
        if abs(value - abs(number.value) if kind == "change" else value - number.value) < 1e-9:
            hits.append(o)
    if hits:
        if number.qualified and not any(o.approximate for o in hits):
            return (f"{number.text!r} is qualified ('ca.', 'ruim', 'about') but the data give it exactly: "
                    f"{number.sentence!r}")
        if not number.qualified and not any(not o.approximate for o in hits):
            return f"{number.text!r} is rounded in the data but written bare: {number.sentence!r}"
        return ""
    wanted = (abs(number.value), number.percent)
    for o in candidates:
        if wanted in _note_numbers(o.note.get(lang), lang):
            return ""
    if events_from is not None:
        for e in ds.events:
            if (e.year in number.years and events_from[0] <= e.year <= events_from[1]
                    and wanted in _note_numbers(f"{e.title.get(lang)}. {e.note.get(lang)}", lang)):
                return ""
    return f"{number.text!r} is not in the data for {sorted(number.years)}: {number.sentence!r}"


# ----------------------------------------------------------------------- the extractor itself

def test_numbers_are_read_in_both_styles():
    nl = numbers_in("In 2021 kwamen 160.000 URL's binnen, 49,99% van de meldingen; circa 145.000 in 2022. "
                    "Op 13 juli 2023 zei Offlimits dat het 97% minder was.", "nl")
    assert [(n.value, n.percent, n.qualified) for n in nl] == [
        (160000, False, False), (49.99, True, False), (145000, False, True), (97, True, False)]
    assert nl[0].years == {2021, 2022} and nl[3].years == {2021, 2022, 2023}  # the sentence before counts
    en = numbers_in("In 2020 it checked 18.2 billion images, about 413,262 reports and −97%.", "en")
    assert [(n.value, n.percent, n.qualified) for n in en] == [
        (18.2e9, False, False), (413262, False, True), (-97, True, False)]


def test_years_carry_over_within_a_paragraph_and_a_year_earlier_counts():
    [a, b] = numbers_in("Over 2024 kwamen ruim 127.000 meldingen binnen. Op ruim 230.000 URL's stond het.", "nl")
    assert a.years == b.years == {2024}
    [c] = numbers_in("In 2022 circa 8.100, tegen", "nl") + []
    assert numbers_in("In het eerste halfjaar van 2022 circa 8.100, circa 129.000 een jaar eerder.",
                      "nl")[1].years == {2021, 2022}
    assert c.value == 8100


def test_lookup_catches_a_number_that_is_not_in_the_data(ds):
    [n] = numbers_in("In 2022 kwamen 150.000 meldingen binnen.", "nl")
    assert "not in the data" in lookup(ds, n, "nl")
    [n] = numbers_in("In 2021 kwamen zo'n 160.000 URL's naar cloudopslag binnen.", "nl")
    assert "qualified" in lookup(ds, n, "nl")  # the seed gives 160.000 exactly
    [n] = numbers_in("In 2022 kwamen 145.000 meldingen binnen.", "nl")
    assert "rounded in the data" in lookup(ds, n, "nl")  # Offlimits said circa
    [n] = numbers_in("In 2023 kwamen 145.000 meldingen binnen.", "nl")
    assert "not in the data" in lookup(ds, n, "nl")  # right number, wrong year


# ============================================================== texts and stories: numbers

def _theme_numbers(ds):
    for theme in ds.themes.values():
        for lang in LANGS:
            for n in numbers_in(theme.body.get(lang), lang):
                yield theme.id, lang, n


def test_every_number_in_a_text_is_in_the_data_for_its_period(ds):
    wrong = [f"{tid} ({lang}): {why}" for tid, lang, n in _theme_numbers(ds)
             if (why := lookup(ds, n, lang))]
    assert not wrong, "\n".join(wrong)


def test_texts_name_many_figures(ds):
    """The check above must have something to check: the texts are full of figures."""
    assert sum(1 for _ in _theme_numbers(ds)) > 120


def _story_metrics(ds, story: Story) -> set[str]:
    return set(story.metrics)


def test_every_number_in_a_story_belongs_to_a_metric_it_shows(ds, stories):
    wrong = []
    for s in stories.values():
        events = (s.first_year, s.last_year) if s.show_events else None
        for lang in LANGS:
            for n in numbers_in(s.text.get(lang), lang):
                why = lookup(ds, n, lang, metrics=_story_metrics(ds, s), events_from=events)
                if why:
                    wrong.append(f"{s.id} ({lang}): {why}")
    assert not wrong, "\n".join(wrong)


def test_a_story_names_only_years_it_shows(ds, stories):
    wrong = []
    for s in stories.values():
        for lang in LANGS:
            for year in named_years(s.text.get(lang), dates=False):
                if not s.first_year <= year <= s.last_year:
                    wrong.append(f"{s.id} ({lang}) names {year}, outside {s.first_year}-{s.last_year}")
    assert not wrong, "\n".join(wrong)


TREND_WORDS = re.compile(
    r"\b(daal\w*|daling\w*|gedaald|steeg|stegen|stijg\w*|gestegen|groei\w*|gegroeid|zakte\w*|"
    r"toename|afname|trend|rose|rise[sn]?|rising|fell|fall(s|ing)?|grew|grow(s|ing|th)?|drop(s|ped)?|"
    r"decline[sd]?|increase[sd]?)\b", re.IGNORECASE)


def test_a_story_claims_a_trend_only_with_two_points_in_view(ds, stories):
    wrong = []
    for s in stories.values():
        if not any(TREND_WORDS.search(s.text.get(lang)) for lang in LANGS):
            continue
        periods = selected_periods(ds, s.state())
        for mid in s.metrics:
            points = [o for o in ds.shown_in(mid, periods) if o is not None]
            if len(points) < 2:
                wrong.append(f"{s.id}: speaks of a trend but {mid} has {len(points)} point(s) in view")
    assert not wrong, "\n".join(wrong)


def test_hosters_leave_story_shows_both_readings(ds, stories):
    s = stories["hosters-leave"]
    assert {"iwf_eu_share_pct", "iwf_eu_webpages", "share_imagehost_pct"} <= set(s.metrics)
    for lang, offlimits, iwf in (("nl", "Offlimits (juli 2023)", "IWF-cijfers"),
                                 ("en", "Offlimits (July 2023)", "IWF figures")):
        text = s.text.get(lang)
        assert offlimits in text and iwf in text
    assert "buiten INHOPE" not in s.title.nl and "outside INHOPE" not in s.title.en
    assert "deels een andere kant op" in s.text.nl and "partly the other way" in s.text.en


def test_police_story_does_not_claim_opposite_moves_in_2021(stories, ds):
    s = stories["hotline-vs-police"]
    for lang in LANGS:
        assert "2021 en 2022" not in s.text.get(lang) and "2021 and 2022" not in s.text.get(lang)
    assert "police_reports_expected" in s.metrics  # the 2022 expectation is what exists
    assert ds.shown("police_reports", Period(2022)) is None
    assert ds.shown("reports_total", Period(2021)).value > ds.shown("reports_total", Period(2020)).value
    # no police count for 2019 or 2020: the data cannot say the police series rose in 2021 (2018's
    # 30.000 counted reports from the US only, a break), and the texts say that instead
    assert ds.shown("police_reports", Period(2019)) is None and ds.shown("police_reports", Period(2020)) is None
    assert Period(2018) in ds.metrics["police_reports"].breaks
    for lang, words in (("nl", "is uit deze cijfers niet af te lezen"), ("en", "cannot tell whether")):
        assert words in s.text.get(lang)
    for lang in LANGS:
        text = ds.themes["police_vs_hotline"].body.get(lang)
        assert "2021 en 2022" not in text and "2021 and 2022" not in text
        for claim in ("stegen", "allebei", "beide reeksen", "both", "rose: "):
            assert claim not in s.text.get(lang) + text.split("In het eerste halfjaar")[0], claim


# ============================================================== the figures

PART_TOLERANCE = 0.005  # half a percent: rounding in the sources, nothing more


def test_parts_add_up_to_their_whole_or_a_note_explains(ds):
    wholes = {m.part_of for m in ds.metrics.values() if m.part_of}
    assert wholes, "metrics.csv gives no part_of any more"
    checked = 0
    for whole in wholes:
        parts = ds.parts_of(whole)
        for period in ds.periods_with_data(whole):
            values = [ds.shown(p, period) for p in parts]
            if any(v is None for v in values):
                continue
            total = ds.shown(whole, period)
            added = sum(v.value for v in values)
            checked += 1
            if abs(added - total.value) <= PART_TOLERANCE * total.value:
                continue
            written = f"{added:,.0f}".replace(",", ".")
            assert written in total.note.nl, (f"{whole} {period}: parts add up to {added:.0f}, the whole "
                                              f"shown is {total.value:.0f}, and its note does not say why")
    assert checked >= 1


def test_no_disputed_figure_is_drawn_in_two_periods(ds):
    """A count given once by the sources, placed in different years by different sources, is one
    observation with the conflict in its note: two points would draw a flat line nobody measured."""
    wrong = []
    for mid, metric in ds.metrics.items():
        if ds.units[metric.unit].kind != "count":
            continue
        for gran in ("year", "half"):
            seen: dict[float, Period] = {}
            for p in ds.periods_with_data(mid, gran):
                for o in ds.values_at(mid, p):
                    if o.value in seen and seen[o.value] != p:
                        wrong.append(f"{mid}: {o.value:g} in {seen[o.value]} and {p}")
                    seen.setdefault(o.value, p)
    assert not wrong, "\n".join(wrong)
    [obs] = [o for o in ds.observations if o.metric == "police_reports" and o.value == 3000]
    assert obs.period == Period(2014) and "2012" in obs.note.nl and "2012" in obs.note.en


# Figures that an official source passes on from the organisation that counts them: the source is
# primary for its own statements, but for these values it is a re-publication (NOTES §5.10).
QUOTED = {
    ("iwf_nl_urls", "2022", 82500): "the minister (7 July 2023) quoting the IWF",
    ("reports_total", "2011", 12542): "the minister (May 2013) quoting the hotline",
    ("reports_total", "2012", 19872): "the minister (May 2013) quoting the hotline",
    ("reports_h1", "2021-H1", 129000): "the police (4 August 2022) quoting EOKM's half-year figures",
    ("reports_h1", "2022-H1", 8100): "the police quoting EOKM's half-year figures",
    ("intl_hotline_reports_nl_hosted_h1", "2021-H1", 126000): "the police quoting EOKM's half-year figures",
    ("intl_hotline_reports_nl_hosted_h1", "2022-H1", 29000): "the police quoting EOKM's half-year figures",
    ("hcs_hits_removed", "2020-H1", 10000): "the government (8 July 2020) on EOKM's HashCheckService",
    ("hcs_images_checked", "2020-H1", 67000000): "the government (8 July 2020) on EOKM's HashCheckService",
}


def test_status_matches_the_kind_of_source(ds):
    """`published` only for a figure as the organisation that counts gives it, from its own text;
    a re-publication or summary is `secondary`, also where an official source (a minister, the
    police) passes on another organisation's figure and the number is right. Forecast, partial and
    draft say more about the value and may come from either."""
    wrong = []
    for o in ds.observations:
        primary = ds.sources[o.source].primary
        quoted = (o.metric, str(o.period), o.value) in QUOTED
        if o.status == "published" and (not primary or quoted):
            wrong.append(f"{o.metric} {o.period} {o.value:g}: published, but {o.source} is not the counting "
                         "organisation's own text")
        if o.status == "secondary" and primary and not quoted:
            wrong.append(f"{o.metric} {o.period} {o.value:g}: secondary, but {o.source} is primary")
    assert not wrong, "\n".join(wrong)
    statuses = {(o.metric, str(o.period), o.value): o.status for o in ds.observations}
    assert {key: statuses.get(key) for key in QUOTED} == dict.fromkeys(QUOTED, "secondary")


def test_primary_page_is_cited_where_it_gives_the_same_number(ds):
    share = ds.shown("iwf_nl_hosting_share_pct", Period(2023))
    assert share.value == 33 and ds.sources[share.source].primary and share.status == "published"
    total = ds.shown("iwf_total_urls", Period(2024))
    assert total.value == 291273 and ds.sources[total.source].primary
    assert [o.value for o in ds.alternatives("iwf_total_urls", Period(2024))] == [291000]
    for o in ds.observations:  # nowhere a secondary value shown over a published one of the same size
        if o.status != "secondary":
            continue
        shown = ds.shown(o.metric, o.period)
        if shown is o:
            same = [a for a in ds.alternatives(o.metric, o.period)
                    if a.value == o.value and a.status == "published"]
            assert not same, f"{o.metric} {o.period}: shown from {o.source}, the primary source gives it too"


def test_shown_value_matches_the_metric_definition(ds):
    """reports_total counts reports received; the 144.058 of 2022 most likely counts URLs."""
    shown = ds.shown("reports_total", Period(2022))
    assert (shown.value, shown.approximate, shown.source) == (145000, True, "offlimits-2023-07-13")
    [alt] = ds.alternatives("reports_total", Period(2022))
    assert alt.value == 144058 and alt.off_definition
    assert "397.770" in alt.note.nl and "253.712" in alt.note.nl and "144.046" in alt.note.nl
    assert 397770 - 253712 == 144058 and 88596 + 55450 == 144046  # NOTES §5.3, as the note says
    for o in ds.observations:
        if o.off_definition:
            assert ds.alternatives(o.metric, o.period) or ds.shown(o.metric, o.period) is not o, o


def test_tooltip_says_an_alternative_counts_something_else(ds):
    from meldpunt_gui.text.describe import tooltip_text

    nl = tooltip_text(ds, "reports_total", Period(2022), "nl")
    assert "ca. 145.000" in nl and "144.058 (EOKM" in nl and "telt iets anders dan de reeks" in nl
    assert "counts something other than the series" in tooltip_text(ds, "reports_total", Period(2022), "en")


def test_unreconcilable_series_say_so(ds):
    share = ds.shown("share_cloud_pct", Period(2021))
    urls = ds.shown("cloud_urls", Period(2021))
    assert "160.000" in share.note.nl and "te rijmen" in share.note.nl and "reconciled" in share.note.en
    assert "49,99%" in urls.note.nl and "te rijmen" in urls.note.nl and "reconciled" in urls.note.en
    assert "te rijmen" in ds.metrics["share_cloud_pct"].note.nl


def test_no_change_is_worked_out_across_a_change_of_what_is_counted(ds):
    """A change between years that count different things is not a change: the share judged
    illegal has another base every year (material, reports, URLs, links); the monitor followed
    every report in 2020 and samples after it."""
    for p in ds.periods_with_data("share_illegal_pct"):
        assert ds.change("share_illegal_pct", p) is None, p
    assert ds.change("monitor_removed_24h_pct", Period(2021)) is None
    assert ds.change("monitor_removed_24h_pct", Period(2022)).points == -47  # two samples


def test_a_series_has_one_unit_for_every_year(ds):
    """INHOPE counted images up to 2019 and unique content URLs from 2022: two series, so no
    key figure calls 539.836 content URLs 'beelden'."""
    assert [str(p) for p in ds.periods_with_data("inhope_items_illegal")] == ["2018", "2019"]
    assert ds.unit_of("inhope_urls_illegal").id == "content_urls"
    assert ds.shown("inhope_urls_illegal", Period(2023)).value == 539836
    assert ds.change("inhope_items_illegal", Period(2023)) is None


def test_hosted_in_nl_2018_is_a_share_of_the_illegal_material(ds):
    """31mag's 69% is a share of sites; the series counts the illegal material (BlikOpNieuws:
    nearly 70%), which is what the chart shows."""
    shown = ds.shown("share_hosted_nl_pct", Period(2018))
    assert (shown.value, shown.approximate, shown.source) == (70, True, "blikopnieuws-2019-04")
    [sites] = ds.alternatives("share_hosted_nl_pct", Period(2018))
    assert sites.value == 69 and sites.off_definition and "sites" in sites.note.nl


def test_a_published_change_is_quoted_beside_the_one_worked_out(ds):
    """8.100 against 129.000 (both rounded) is circa 94% fewer; the sources said 93% (NU.nl, the
    police) and 90% (NOS). The key figure, the sentence to copy and the tooltip quote the shown
    published change beside it; where the two agree (cloud URLs: 97%) nothing is added."""
    from meldpunt_gui.text.describe import tooltip_lines
    from meldpunt_gui.text.headline import change_words, headline

    h = headline(ds, ViewState(metrics=("reports_h1",), granularity="half"), "reports_h1", "nl")
    assert h.change == "circa 94% minder dan in het 1e halfjaar van 2021 (ca. 129.000); NU.nl, aug 2022: 93% minder"
    assert h.sentence.startswith("In het 1e halfjaar van 2022 telde het Meldpunt circa 8.100 meldingen "
                                 "van burgers (secundaire bron), circa 94% minder")
    assert "NU.nl, Aug 2022: 93% fewer" in tooltip_lines(ds, "reports_h1", Period(2022, 1), "en")
    from meldpunt_gui.model.resolve import resolve
    [words] = resolve(ds, ViewState(metrics=("reports_h1",), granularity="half"), "nl").summary
    assert "grootste verandering ca. -94% ten opzichte van 1e halfjaar 2021 (NU.nl, aug 2022: 93% minder)" in words
    assert change_words(ds, "reports_total", Period(2019), "nl").endswith("; NRC, 31-03-2020: 38% meer")
    assert change_words(ds, "cloud_urls", Period(2022), "nl") == "97% minder dan in 2021 (160.000)"
    # the source's 'bijna 60%' beside 59% worked out: the same figure
    assert "60%" not in change_words(ds, "urls_assessed", Period(2016), "nl")
    for m in ds.metrics.values():  # a % change of a count, or a change in points of a percentage
        if m.change_of:
            assert (ds.unit_of(m.id).kind, ds.unit_of(m.change_of).kind) in (("change", "count"),
                                                                           ("rate", "percent")), m.id



HALF_WORDS = {"nl": "eerste halfjaar", "en": "first half-year"}


def test_a_half_year_series_names_its_half_once(ds):
    """Every bundled series that holds only first halves says so in its label, so a key figure,
    the sentence to copy and the readout name the year alone after it, not the half twice
    ('..., eerste halfjaar, 1e halfjaar 2022')."""
    from meldpunt_gui.text.describe import series_heading, tooltip_lines
    from meldpunt_gui.text.headline import headline

    halves = [m for m in ds.metrics if ds.period_kind(m) in ("h1", "h2")]
    assert "reports_h1" in halves and "intl_hotline_reports_nl_hosted_h1" in halves
    for m in halves:
        assert ds.period_kind(m) == "h1", m  # no bundled second-half series (the words say first)
        for lang, words in HALF_WORDS.items():
            assert words in ds.metrics[m].label.get(lang), (m, lang)
    state = ViewState(metrics=("intl_hotline_reports_nl_hosted_h1",), granularity="half")
    h = headline(ds, state, "intl_hotline_reports_nl_hosted_h1", "nl")
    assert h.heading == "Meldingen via buitenlandse meldpunten, eerste halfjaar, 2022"
    # what foreign hotlines received, not a count of the Dutch hotline's
    assert h.sentence.startswith("In het 1e halfjaar van 2022 kregen buitenlandse meldpunten 29.000 "
                                 "meldingen over materiaal op Nederlandse servers")
    en = headline(ds, state, "intl_hotline_reports_nl_hosted_h1", "en")
    assert en.sentence.startswith("In H1 2022 foreign hotlines received 29,000 reports about material")
    change = headline(ds, ViewState(metrics=("reports_h1_change_pct",), granularity="half"),
                      "reports_h1_change_pct", "nl")
    assert change.sentence.startswith("Meldingen van burgers, eerste halfjaar, verandering, 2022: ")
    assert tooltip_lines(ds, "reports_h1", Period(2022, 1), "nl")[0] == \
        "Meldingen van burgers, eerste halfjaar — 2022"
    # a year, and a half-year of a series that holds both, keep their full period
    assert series_heading(ds, "reports_total", Period(2022), "nl") == "Meldingen totaal, 2022"
    # (the HashCheckService's checked images: a first half and a year)
    assert ds.period_kind("hcs_images_checked") == "any"
    assert series_heading(ds, "hcs_images_checked", Period(2020, 1), "en").endswith(", H1 2020")

# ============================================================== currency

NEW_FIGURES = [
    ("iwf_total_urls", "2023", 275652), ("iwf_total_urls", "2024", 291273),
    ("iwf_reports_assessed", "2023", 392665), ("iwf_eu_share_pct", "2021", 62),
    ("iwf_eu_webpages", "2020", 132600), ("iwf_eu_webpages", "2021", 156300),
    ("iwf_nl_hosting_share_pct", "2023", 33), ("inhope_records_suspected", "2024", 2497438),
    ("inhope_records_illegal_pct", "2024", 65),
]


@pytest.mark.parametrize("metric, period, value", NEW_FIGURES)
def test_newest_figures_are_shown(ds, metric, period, value):
    assert ds.shown(metric, Period.parse(period)).value == value


def test_inhope_records_have_their_own_unit(ds):
    assert ds.metrics["inhope_records_suspected"].unit == "records"
    assert ds.units["records"].label.nl and ds.metrics["inhope_records_suspected"].note.nl


def test_trusted_flagger_event_and_data_date(ds):
    [event] = [e for e in ds.events if e.id == "trusted-flagger-2025"]
    assert event.date == "2025-05" and ds.sources[event.source].url.startswith("https://www.rd.nl/")
    newest = max(s.published for s in ds.sources.values() if s.published)
    assert newest == "2025-05"
    # undated pages from 2025 (IWF, INHOPE, Childlight) may be newer than May: the year is what is known
    assert ds.data_date == "2025"
    assert all(e.date[:4] <= ds.data_date for e in ds.events)


def test_iwf_and_inhope_texts_use_the_newest_figures(ds):
    shift = ds.themes["shift_other_countries"].body
    assert "275.652" in shift.nl and "291.273" in shift.nl and "156.300" in shift.nl
    assert "275,652" in shift.en and "291,273" in shift.en and "156,300" in shift.en
    counting = ds.themes["counting_changes"].body
    assert "2.497.438" in counting.nl and "2,497,438" in counting.en
    shares = ds.themes["hosting_shares"].body
    assert "33% in 2023" in shares.nl and "33% in 2023" in shares.en


# ============================================================== sources

GENERIC_TITLE = re.compile(r"^(summary of|samenvatting|blog on|persbericht|interview met|achtergrond)|"
                           r"\((website|english)|figures for|network figures", re.IGNORECASE)
DESCRIPTOR = re.compile(r"\b(annual report|press release|summary|copy|website|blog|regulator|"
                        r"italian-language|citing)\b", re.IGNORECASE)
NO_HEADLINE = {"mizan-2025"}  # the address carries no headline and the page was not at hand


def _slug_words(url: str) -> list[str]:
    path = url.split("://", 1)[1].split("?", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1].split("~", 1)[0]
    last = re.sub(r"\.(html?|aspx)$", "", last)
    words = [w for w in re.split(r"[-_+]", last.lower()) if w]
    return [w for w in words if not re.fullmatch(r"[a-z]{0,2}\d{4,}|\d+[a-z]\d*|e\d+|a\d+", w)]


def _title_words(title: str) -> set[str]:
    import unicodedata
    flat = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    flat = re.sub(r"(\d)\.(\d{3})", r"\1\2", flat)
    return set(re.split(r"[^a-z0-9]+", flat)) - {""}


def test_every_source_has_a_real_title(ds):
    wrong = []
    for s in ds.sources.values():
        if GENERIC_TITLE.search(s.title):
            wrong.append(f"{s.id}: {s.title!r} describes the page instead of giving its headline")
        words = _slug_words(s.url)
        if len(words) >= 4 and s.id not in NO_HEADLINE:
            missing = [w for w in words if w not in _title_words(s.title)]
            if len(missing) > len(words) // 4:
                wrong.append(f"{s.id}: title {s.title!r} is not the headline in its address ({missing})")
    assert not wrong, "\n".join(wrong)
    assert ds.sources["offlimits-2023-07-13"].title == "Trend dalende cijfers Meldpunt Kinderporno zet door"


def test_every_source_has_a_date_or_says_why_not(ds):
    for s in ds.sources.values():
        assert s.published or (s.date_note.nl and s.date_note.en), s.id
        if s.published:
            assert "ongedateerd" not in s.date_note.nl or "metadata" in s.date_note.nl, s.id


def test_publishers_carry_no_english_descriptors(ds):
    wrong = [f"{s.id}: {s.publisher!r}" for s in ds.sources.values() if DESCRIPTOR.search(s.publisher)]
    assert not wrong, "\n".join(wrong)


def test_undated_is_said_once(ds):
    state = ViewState(metrics=("share_hosted_nl_pct", "inhope_content_urls"))
    for lang, word in (("nl", "ongedateerd"), ("en", "undated")):
        html = explanation_html(ds, state, lang)
        for item in re.findall(r"<li>(.*?)</li>", html, re.DOTALL):
            assert item.count(word) <= 1, item
    src = ds.sources["eokm-jv2021"]
    assert source_date(src, "nl") == "ongedateerd; jaarverslagsite uit 2022"
    assert "[" not in src.title


# ============================================================== faithful to the seed (NOTES §5)

def _all_texts(ds, stories):
    for t in ds.themes.values():
        for lang in LANGS:
            yield f"text {t.id} ({lang})", t.body.get(lang)
    for s in stories.values():
        for lang in LANGS:
            yield f"story {s.id} ({lang})", s.title.get(lang) + "\n" + s.text.get(lang)


def test_main_factor_is_attributed_to_offlimits_and_dated(ds):
    for lang, words in (("nl", ("Offlimits", "13 juli 2023", "voornaamste factor")),
                        ("en", ("Offlimits", "13 July 2023", "main factor"))):
        text = ds.themes["hosting_pressure"].body.get(lang)
        assert all(w in text for w in words), lang
    for lang, weak in (("nl", ("mede", "flink deel")), ("en", ("helped bring about", "a large part"))):
        for tid in ("hosting_pressure", "cloud_bulk"):
            assert not any(w in ds.themes[tid].body.get(lang) for w in weak), (tid, lang)


def test_no_text_says_hosters_settled_outside_inhope(ds, stories):
    settled = re.compile(r"(vestigden zich|verhuisden|moved|settled)[^.]*(buiten|outside)[^.]*INHOPE", re.IGNORECASE)
    wrong = [where for where, text in _all_texts(ds, stories) if settled.search(text)]
    assert not wrong, wrong


def test_offlimits_2023_statements_are_past_and_dated(ds, stories):
    present = re.compile(r"Offlimits (hoort|kijkt|ziet|hears|is looking|sees)\b|"
                         r"(landen buiten de EU (juist )?meer meldingen krijgen|"
                         r"countries outside the EU are receiving)")
    wrong = [where for where, text in _all_texts(ds, stories) if present.search(text)]
    assert not wrong, wrong
    for tid in ("hosters_leaving", "shift_other_countries"):
        assert "juli 2023" in ds.themes[tid].body.nl and "July 2023" in ds.themes[tid].body.en


def test_iwf_country_texts_follow_the_iwfs_own_table(ds, stories):
    """The 2025 figures seen only on the IWF's staging server stay out, rankings included (NOTES
    §5.11). The sources differ on whether Hong Kong grew in 2024, and no reference row holds the
    2023 shares of the other countries, so nothing says it grew or fell and no 2023 share of
    another country is named: only the 2024 shares, and the EU members NOTES §5.2 names."""
    texts = list(_all_texts(ds, stories))
    texts += [(f"reason {r.id} ({lang})", r.text.get(lang)) for r in ds.reasons for lang in LANGS]
    texts += [(f"event {e.id} ({lang})", f"{e.title.get(lang)}. {e.note.get(lang)}")
              for e in ds.events for lang in LANGS]
    draft = re.compile(r"\b(concept\w*|draft|staging|voorlopig\w*)\b", re.IGNORECASE)
    assert not [where for where, text in texts for sentence in re.split(r"(?<=[.;])\s+", text)
                if "IWF" in sentence and "2025" in sentence and draft.search(sentence)]
    hk = r"(Hongkong|Hong Kong)"
    grew = r"(groei\w*|gegroeid|steeg|stijg\w*|grew|grow\w*|rose|ris(e|es|ing))"
    hk_grew = re.compile(f"{grew}[^.;]*{hk}|{hk}[^.;]*{grew}", re.IGNORECASE)
    assert not [where for where, text in texts if hk_grew.search(text)]
    fell = re.compile(r"(zakte|daalde|fell|dropped)[^.;]*" + hk + "|" + hk + r"[^.;]*(zakte|daalde|fell|did not)",
                      re.IGNORECASE)
    assert not [where for where, text in texts if fell.search(text)]
    note = ds.shown("iwf_nl_hosting_share_pct", Period(2024)).note
    assert "Hongkong 8%" in note.nl and "Hong Kong 8%" in note.en and "(9%)" not in note.nl


def test_hosting_pressure_follows_the_review(ds):
    nl, en = ds.themes["hosting_pressure"].body
    assert "sinds 2020" not in nl.lower() and "since 2020" not in en.lower()
    assert "2019 tot en met 2022" in nl and "2019 to 2022" in en and "gestopt" in nl and "ended" in en
    assert re.search(r"verwijderbevel[^.]*12 uur", nl) and re.search(r"removal order[^.]*12 hours", en)
    assert re.search(r"herhaalde overtredingen[^.]*10%", nl) and re.search(r"repeated violations[^.]*10%", en)
    assert "bestond al" in nl and "already existed" in en


def test_meldpunt_text_follows_the_review(ds):
    nl, en = ds.themes["meldpunt"].body
    assert "op twee manieren" not in nl and "in two ways" not in en
    assert "zorgt dat het offline gaat" not in nl
    assert "politie" in nl and "SCART" in nl and "SCART" in en
    assert "vraagt de hoster het weg te halen" in nl and "asks the hosting company to take it down" in en
    assert "208" in nl and "107" in nl and "3.914" in nl  # KLPD referrals fell; the +20% is all referrals


def test_cloud_text_keeps_the_exact_figures(ds):
    nl, en = ds.themes["cloud_bulk"].body
    for text, exact in ((nl, ("160.000", "4.600")), (en, ("160,000", "4,600"))):
        for figure in exact:
            assert not re.search(r"(zo'n|ongeveer|about|some) " + re.escape(figure), text), figure


def test_english_says_hosting_companies(ds, stories):
    wrong = [where for where, text in _all_texts(ds, stories) if "(en)" in where
             and re.search(r"\bhosters?\b", text)]
    for m in ds.metrics.values():
        if re.search(r"\bhosters?\b", m.label.en + " " + m.definition.en):
            wrong.append(f"metric {m.id}")
    for e in ds.events:
        if re.search(r"\bhosters?\b", e.title.en + " " + e.note.en):
            wrong.append(f"event {e.id}")
    assert not wrong, wrong


# ============================================================== the seed table in the README

def test_readme_lists_every_seed_claim():
    readme = (resource_root() / "data" / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Claims of the seed", 1)
    assert len(table) == 2, "resources/data/README.md has no section 'Claims of the seed'"
    rows = [r for r in table[1].splitlines() if r.startswith("|") and not r.startswith("|---")][1:]
    assert len(rows) >= 10
    for r in rows:
        cells = [c.strip() for c in r.strip("|").split("|")]
        assert len(cells) >= 3 and all(cells[:2]), r


def test_a_change_is_worked_out_within_one_publication(ds):
    """FOK! gave 750 referrals for 2007 and about 100 for 2006; the press release on the 2006
    annual report said 71. The change is FOK!'s own (about 650%), not a 956% no source states."""
    from meldpunt_gui.text.headline import change_words

    change = ds.change("police_referrals_klpd", Period(2007))
    assert (change.base.value, change.base.source) == (100, "fok-2008") and round(change.pct) == 650
    assert change_words(ds, "police_referrals_klpd", Period(2007), "nl") == \
        "circa 650% meer dan in 2006 (ca. 100 in dezelfde bron)"
    assert ds.shown("police_referrals_klpd", Period(2006)).value == 71  # the chart still draws the 71
    # Offlimits: about 145.000 in 2022 against its own about 414.000 for 2021
    assert ds.change("reports_total", Period(2022)).base.value == 414000


def test_no_change_or_index_is_worked_out_between_counts_that_differ(ds):
    """INHOPE's illegal content URLs of 2022 (NMHH's summary) and 2023 (INHOPE's facts page) come
    from the two pages the content URLs break on: nobody published +35%. The police counted
    only US reports in 2018 and all reports in 2021: no index 120. The hash database is two
    snapshots at moments that are not fixed: no +129% growth."""
    from meldpunt_gui.model.transforms import chart_data
    from meldpunt_gui.text.describe import tooltip_text

    assert ds.change("inhope_urls_illegal", Period(2023)) is None
    assert "35%" not in tooltip_text(ds, "inhope_urls_illegal", Period(2023), "nl")
    assert "telt anders dan 2022" in tooltip_text(ds, "inhope_urls_illegal", Period(2023), "nl")
    state = ViewState(metrics=("police_reports",), mode="index", base_year=2018)
    [line] = chart_data(ds, state).panels[0].lines
    assert {str(p): round(v) for p, v in zip(line.periods, line.values) if v == v} == {"2018": 100}
    assert ds.change("hcs_hashes", Period(2021)) is None
    assert "129" not in tooltip_text(ds, "hcs_hashes", Period(2021), "en")


def test_images_are_not_counted_as_urls(ds):
    """Revu's 83.000 for 2017 counts illegal photos and films: it is a series of images of its
    own, not '83.000 URL's' beside the links of 2018."""
    assert ds.shown("urls_illegal", Period(2017)) is None
    images = ds.shown("items_illegal", Period(2017))
    assert images is not None and images.value == 83000
    assert ds.unit_of("items_illegal").id == "items"
    assert ds.unit_of("hcs_hits_removed").label.nl == "afbeeldingen"  # the source says images only
    assert "video" not in ds.metrics["hcs_hits_removed"].label.en.lower()


def test_a_published_change_is_quoted_where_none_is_worked_out(ds):
    """Where the data cannot give a change (a break, no earlier value), the change a source
    published is quoted, attributed and dated, so "no change" does not read as "unchanged"."""
    from meldpunt_gui.text.describe import tooltip_text
    from meldpunt_gui.text.headline import headline

    state = ViewState(metrics=("inhope_content_urls", "inhope_records_suspected"))
    content = headline(ds, state, "inhope_content_urls", "nl")
    assert content is not None and content.period == Period(2023)
    assert content.no_change == ("geen verandering: de reeks telt vanaf 2023 anders (zie Wat telt mee); "
                                 "volgens INHOPE (ongedateerd) 25% meer dan in 2022")
    assert "volgens INHOPE (ongedateerd) 25% meer dan in 2022" in content.after_value
    records = headline(ds, state, "inhope_records_suspected", "en")
    assert records is not None
    assert records.no_change == "no earlier figure in the data; according to INHOPE (2025) 218% more than in 2023"
    assert "volgens INHOPE (2025) 218% meer dan in 2023" in tooltip_text(
        ds, "inhope_records_suspected", Period(2024), "nl")
    # a change worked out from the data keeps its own words
    assert ds.published_change("reports_total", Period(2021)) is None


def test_event_titles_name_the_year_their_share_is_about(ds):
    """The IWF published its 2018 share in April 2019 and its 2019 share in April 2020: a title
    without the data year sits beside the next year's point."""
    titles = {e.id: e.title for e in ds.events}
    assert titles["iwf-47-2019"].nl.startswith("IWF over 2018: 47%")
    assert titles["iwf-71-2020"].en.startswith("IWF on 2019: 71%")


def test_an_index_or_change_from_a_rounded_value_is_about_so_much(ds):
    """"ca. 127.000 meldingen" beside "index 57" read as an exact index; the drawn figure from a
    rounded value is 'ca.' in whole numbers, as the key figure's own change is."""
    from meldpunt_gui.model.transforms import chart_data
    from meldpunt_gui.text.headline import headlines

    state = ViewState(metrics=("reports_total", "iwf_total_urls"), mode="index", base_year=2022)
    rounded, exact = headlines(ds, state, "nl", chart_data(ds, state))
    assert rounded.mode_figure == "index ca. 88 (2022 = 100)"  # ruim 127.000 against circa 145.000
    assert exact.mode_figure == "index 114 (2022 = 100)"
    state = ViewState(metrics=("iwf_total_urls", "urls_illegal"), mode="change", first_year=2023, last_year=2024)
    exact, rounded = headlines(ds, state, "en", chart_data(ds, state))
    assert exact.mode_figure == "+5.7% on 2023"
    assert rounded.mode_figure == "approx. -14% on 2023"  # just over 230,000 against 268,912


def test_no_change_is_worked_out_within_the_rounding(ds):
    """NRC's "just over 300.000" for 2019 against 307.021 for 2020 is anything from a small fall
    to 2% more: "ca. +2%" said more than is known. A change larger than the rounding stays."""
    from meldpunt_gui.model.changes import rounding_margin
    from meldpunt_gui.text.headline import headline

    assert ds.change("reports_total", Period(2020)) is None
    state = ViewState(metrics=("reports_total",), first_year=2019, last_year=2020)
    head = headline(ds, state, "reports_total", "nl")
    assert head is not None and head.change == ""
    assert head.no_change.startswith("geen verandering berekend: het verschil met 2019 (ca. 300.000 volgens NRC")
    assert ds.change("reports_total", Period(2019)) is not None  # 224.000 -> just over 300.000
    assert ds.change("urls_assessed", Period(2023)) is not None  # 397.770 -> over 500.000
    shown = ds.shown("reports_total", Period(2019))
    assert rounding_margin(shown) == 50000
    assert rounding_margin(ds.shown("reports_total", Period(2020))) == 0  # exact


def test_a_published_change_in_points_is_quoted_for_the_eu_share(ds):
    """"2024: 62%, geen cijfer over 2023; 2021: 62%" read as "unchanged since 2021", though The
    Brussels Times gave 11 points more than 2023 (NOTES §5.2 wants that tension named)."""
    from meldpunt_gui.text.headline import headline

    share = headline(ds, ViewState(metrics=("iwf_eu_share_pct",)), "iwf_eu_share_pct", "nl")
    assert share is not None and share.period == Period(2024)
    assert share.no_change == ("geen cijfer over 2023 in de gegevens; 2021: 62%; volgens The Brussels Times "
                               "(2025) 11 procentpunt hoger dan in 2023")
    en = headline(ds, ViewState(metrics=("iwf_eu_share_pct",)), "iwf_eu_share_pct", "en")
    assert en is not None and en.no_change.endswith("according to The Brussels Times (2025) 11 percentage "
                                                    "points higher than in 2023")
    assert ds.unit_of("iwf_eu_share_change_pts").kind == "rate"  # no % sign on a change in points
