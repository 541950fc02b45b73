"""The headline figure of a series: its latest value, its change, its source, as words.

One place for the sentence a reader quotes ("Kopieer als zin") and for the key figures the
briefing opens with, so the window's headline strip, the PDF and the Word file say the same.
Built from the Dataset, never from display strings; free of Qt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from meldpunt_gui.model.changes import no_change_reason
from meldpunt_gui.model.domain import Dataset, Observation, Period, Text
from meldpunt_gui.model.transforms import POINTS_UNIT, ChartData
from meldpunt_gui.model.view import ViewState, index_base, selected_periods
from meldpunt_gui.model.vocabulary import DEFINITIONS
from meldpunt_gui.text.describe import (
    SAME_SOURCE,
    gap_words,
    label_names_half,
    published_change_alone,
    published_change_words,
    series_heading,
    source_short,
    status_words,
    t,
)
from meldpunt_gui.text.formatting import (
    APPROX,
    format_number,
    format_pct_change,
    format_period,
    format_period_in,
    format_points,
    format_value,
)

W = {
    "approx": Text("circa", "about"),
    "less": Text("{pct}% minder dan in {base} ({was})", "{pct}% fewer than in {base} ({was})"),
    "more": Text("{pct}% meer dan in {base} ({was})", "{pct}% more than in {base} ({was})"),
    "lower": Text("{pct}% lager dan in {base} ({was})", "{pct}% lower than in {base} ({was})"),
    "higher": Text("{pct}% hoger dan in {base} ({was})", "{pct}% higher than in {base} ({was})"),
    "pts_lower": Text("{pts} lager dan in {base} ({was})", "{pts} lower than in {base} ({was})"),
    "pts_higher": Text("{pts} hoger dan in {base} ({was})", "{pts} higher than in {base} ({was})"),
    "same": Text("evenveel als in {base}", "the same as in {base}"),
    "no_base_first": Text("geen eerder cijfer in de gegevens", "no earlier figure in the data"),
    "no_change_break": Text("geen verandering: de reeks telt vanaf {period} anders (zie {definitions})",
                            "no change: the series counts differently from {period} on (see {definitions})"),
    "no_change_forecast": Text("een verwachting: geen verandering berekend",
                               "a forecast: no change worked out"),
    "no_change_base_forecast": Text("geen verandering berekend: {base} ({was}) is een verwachting",
                                    "no change worked out: {base} ({was}) is a forecast"),
    "no_change_rounded_apart": Text(
        "geen verandering berekend: {base} ({was} volgens {source}) en dit cijfer zijn afgerond en "
        "komen uit verschillende bronnen",
        "no change worked out: {base} ({was} according to {source}) and this figure are rounded and "
        "come from different sources"),
    "no_change_within_rounding": Text(
        "geen verandering berekend: het verschil met {base} ({was} volgens {source}) is niet groter dan de afronding",
        "no change worked out: the difference from {base} ({was} according to {source}) is no bigger than the "
        "rounding"),
    "was_from": Text("{was} volgens {source}", "{was} according to {source}"),
    "about_pct": Text("circa {pct}", "about {pct}"),
    "sentence": Text("{label} in {period}: {value}{change}. Bron: {source}.",
                     "{label} in {period}: {value}{change}. Source: {source}."),
    # a series whose label names its half-year: 'Meldingen ..., eerste halfjaar, 2022: ...'
    "sentence_named": Text("{heading}: {value}{change}. Bron: {source}.",
                           "{heading}: {value}{change}. Source: {source}."),
    "others": Text("andere bronnen: {alts}", "other sources: {alts}"),
    "source": Text("Bron: {source}", "Source: {source}"),
    "index": Text("index {value} ({base} = 100)", "index {value} ({base} = 100)"),
    "change_mode": Text("{pct} op {base}", "{pct} on {base}"),
}

# How a sentence names what a series counts, where "<label> in <period>: <value>" would read
# stiffly; the value brings its unit ("circa 145.000 meldingen").
# "counted", not "received": some years' figures are the reports the hotline dealt with (2006,
# 2011, 2012), and the sentence must not claim more than its source says.
RECEIVED = Text("In {period} telde het Meldpunt {value}{what}{change}. Bron: {source}.",
                "In {period} the hotline counted {value}{what}{change}. Source: {source}.")
SENTENCES: dict[str, tuple[Text, Text]] = {  # metric -> (template, what it counts)
    "reports_total": (RECEIVED, Text("", "")),
    "reports_h1": (RECEIVED, Text(" van burgers", " from the public")),  # not all reports (its definition)
    "reports_national": (RECEIVED, Text(" uit Nederland", " from the Netherlands")),
    "reports_international": (RECEIVED, Text(" uit het buitenland", " from abroad")),
    "cloud_urls": (RECEIVED, Text(" naar een cloudomgeving", " leading to a cloud environment")),
    # what foreign hotlines received, not what the Dutch hotline counted (its definition)
    "intl_hotline_reports_nl_hosted_h1": (
        Text("In {period} kregen buitenlandse meldpunten {value}{what}{change}. Bron: {source}.",
             "In {period} foreign hotlines received {value}{what}{change}. Source: {source}."),
        Text(" over materiaal op Nederlandse servers", " about material on Dutch servers")),
}



@dataclass(frozen=True)
class Headline:
    """One series' key figure as text, with the observation it was made from."""

    metric: str
    label: str
    period: Period
    heading: str  # the label with the figure's period: 'Meldingen totaal, 2022'
    value: str  # 'ca. 145.000 meldingen'
    change: str  # '65% minder dan in 2021 (413.262)' or ''
    source: str  # 'Offlimits, 13-07-2023'
    source_id: str
    alternatives: str  # 'andere bronnen: 144.058 (Offlimits, 2023)' or ''
    sentence: str  # the whole figure as one quotable sentence
    status: str = ""  # 'verwachting', 'secundaire bron', ... ('' for a published figure)
    approximate: bool = False
    source_label: str = ""  # 'Bron: Offlimits, 13-07-2023'
    source_url: str = ""
    mode_figure: str = ""  # in the index and change modes: 'index 35 (2021 = 100)', '-65% op 2021'
    no_change: str = ""  # why there is no change, where there is none: 'geen cijfer over 2023 ...'
    sentence_note: str = ""  # that reason as the last sentence of `sentence`, or ''

    @property
    def after_value(self) -> str:
        """What a printed key figure says after its value: the status a reader must see (a
        figure from a re-publication is marked so, as on screen), then the change."""
        said = self.change or self.no_change
        return (f" ({self.status})" if self.status else "") + (f", {said}" if said else "")

    @property
    def sentence_html(self) -> str:
        """The sentence for Word and Outlook: escaped, the source linked where it has an address."""
        note = f" {self.sentence_note}" if self.sentence_note else ""
        body = self.sentence[:len(self.sentence) - len(note)]  # the link is the value's source
        if not self.source_url or not self.source or self.source not in body:
            return f"<p>{escape(self.sentence)}</p>"
        head, _, tail = body.rpartition(self.source)
        link = f'<a href="{escape(self.source_url, quote=True)}">{escape(self.source)}</a>'
        return f"<p>{escape(head)}{link}{escape(tail + note)}</p>"


def _value_words(ds: Dataset, obs: Observation, lang: str) -> str:
    """'circa 145.000 meldingen': a sentence spells out what a tile abbreviates as 'ca.'."""
    unit = ds.unit_of(obs.metric)
    text = format_value(obs.value, unit, lang)
    if unit.kind not in ("percent", "change"):
        text = f"{text} {unit.label.get(lang)}"
    return f"{W['approx'].get(lang)} {text}" if obs.approximate else text


def change_words(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    """'65% minder dan in 2021 (413.262 volgens NU.nl, apr 2022)': the change against the
    comparable earlier period, in percentage points for percentages, with the earlier value so
    the reader can check it, and that value's source where it is not the latest value's (the
    earlier value is the latest value's own source's where it gives one: 'ca. 414.000 in
    dezelfde bron'). A change worked out from a rounded value is itself about so much ('circa 94%'), in whole
    percents: a decimal would claim a precision neither value has."""
    change = ds.change(metric, period)
    if change is None:
        return ""
    unit = ds.unit_of(metric)
    current = ds.shown(metric, period)
    base = format_period_in(change.base_period, lang)
    was = format_value(change.base.value, unit, lang, change.base.approximate)
    if current is not None and change.base.source != current.source:
        was = W["was_from"].get(lang).format(was=was, source=source_short(ds.source_of(change.base), lang))
    elif change.base is not ds.shown(metric, change.base_period):  # not the value the chart draws
        was = SAME_SOURCE.get(lang).format(was=was)
    rounded = change.rounded
    if unit.in_points and change.points is not None:
        if change.points == 0:
            return W["same"].get(lang).format(base=base)
        pts = format_points(abs(change.points), lang).lstrip("+")
        if rounded:
            pts = W["about_pct"].get(lang).format(pct=pts)
        key = "pts_higher" if change.points > 0 else "pts_lower"
        return W[key].get(lang).format(pts=pts, base=base, was=was)
    if change.pct is None:
        return ""
    if round(change.pct) == 0 and abs(change.pct) < 0.05:
        return W["same"].get(lang).format(base=base)
    decimals = 0 if abs(change.pct) >= 10 or rounded else 1
    pct = format_number(abs(change.pct), lang, decimals)
    if rounded:
        pct = W["about_pct"].get(lang).format(pct=pct)
    counts = unit.kind == "count"
    if change.pct > 0:
        key = "more" if counts else "higher"
    else:
        key = "less" if counts else "lower"
    text = W[key].get(lang).format(pct=pct, base=base, was=was)
    said = published_change_words(ds, metric, period, change.pct, lang)  # what a source said
    return f"{text}; {said}" if said else text


def no_change_words(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    """Why a key figure shows no change, so a reader does not take an older change (or the
    "Waarom" beside it) for this year's: no figure for the year before in the data (and the
    latest earlier one, to compare by hand), a break in the series, a forecast, or two rounded
    figures from two publications (model/changes.no_change_reason). '' where a change is shown."""
    text = _no_change_reason_words(ds, metric, period, lang)
    # what a source said all the same, where none is worked out
    said = published_change_alone(ds, metric, period, lang) if ds.change(metric, period) is None else ""
    return f"{text}; {said}" if text and said else text or said


def _no_change_reason_words(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    why, base = no_change_reason(ds, metric, period)
    base_p = period.comparable_before()
    if why == "break":
        return W["no_change_break"].get(lang).format(period=format_period_in(period, lang),
                                                     definitions=DEFINITIONS.get(lang))
    if why == "no_base":
        return gap_words(ds, metric, period, lang) or W["no_base_first"].get(lang)
    if not why:
        return ""
    if base is None:  # a forecast with nothing before it
        return W["no_change_forecast"].get(lang)
    return W[f"no_change_{why}"].get(lang).format(
        base=format_period(base_p, lang),
        was=format_value(base.value, ds.unit_of(metric), lang, base.approximate),
        source=source_short(ds.source_of(base), lang))


def copy_text(items: list[Headline] | tuple[Headline, ...]) -> tuple[str, str]:
    """'Kopieer als zin': the sentences as plain text and as (escaped) HTML."""
    return " ".join(h.sentence for h in items), "".join(h.sentence_html for h in items)


def latest_period(ds: Dataset, state: ViewState, metric: str,
                  periods: Sequence[Period] | None = None) -> Period | None:
    """The last period in view (`periods`, where the caller has them) holding a value."""
    if periods is None:
        periods = selected_periods(ds, state)
    for period, obs in reversed(ds.series(metric, periods)):
        if obs is not None:
            return period
    return None


def mode_figure(ds: Dataset, state: ViewState, chart: ChartData | None, metric: str,
                period: Period, lang: str) -> str:
    """The figure the chart draws in the index or change mode, in words; '' in other modes."""
    if chart is None or state.mode not in ("index", "change"):
        return ""
    panel, line = next(((p, ln) for p in chart.panels for ln in p.lines if ln.metric == metric),
                       (None, None))
    if panel is None or line is None or period not in line.periods:
        return ""
    value = line.values[line.periods.index(period)]
    if math.isnan(value):
        return ""
    # a figure worked out from a rounded value is about so much, in whole numbers, as the key
    # figure above it says ('circa 35% meer' over '+35%' read as two claims)
    base_p = (chart.index_base or index_base(ds, state)) if state.mode == "index" else period.comparable_before()
    rounded = any(o is not None and o.approximate for o in (ds.shown(metric, period), ds.shown(metric, base_p)))
    if state.mode == "index":
        figure = format_number(value, lang, 0)
        figure = f"{APPROX[lang]} {figure}" if rounded else figure
        return W["index"].get(lang).format(value=figure, base=format_period(base_p, lang))
    # a percentage changes in points, as its panel draws it ('-26 procentpunt', not '-26%')
    if panel.unit.id == POINTS_UNIT.id:
        figure = format_points(round(value) if rounded else value, lang)
    else:
        figure = format_pct_change(value, lang, whole=rounded)
    figure = f"{APPROX[lang]} {figure}" if rounded else figure
    return W["change_mode"].get(lang).format(pct=figure, base=format_period(base_p, lang))


def _sentence(ds: Dataset, obs: Observation, period: Period, change: str, source: str,
              status: str, lang: str) -> str:
    label = ds.metrics[obs.metric].label.get(lang)
    said = status and status.lower() not in label.lower()  # 'Meldingen (verwachting)' says it
    status_tail = f" ({status})" if said else ""
    value = _value_words(ds, obs, lang)
    tail = f", {change}" if change else ""
    if obs.metric in SENTENCES:
        template, what = SENTENCES[obs.metric]
        when = format_period_in(period, lang)
        # what is counted right after the number, the status after both: '8.100 meldingen van
        # burgers (secundaire bron)'
        return template.get(lang).format(period=when, value=value, what=what.get(lang) + status_tail,
                                         change=tail, source=source)
    # a share says what it is a share of, before its status: '29% van de door de IWF bevestigde
    # URL's (secundaire bron)'; pasted alone, "29%" reads as 29% of everything
    share_of = ds.metrics[obs.metric].share_of.get(lang)
    value += (f" {share_of}" if share_of else "") + status_tail
    if label_names_half(ds, obs.metric, period):
        return W["sentence_named"].get(lang).format(heading=series_heading(ds, obs.metric, period, lang),
                                                    value=value, change=tail, source=source)
    return W["sentence"].get(lang).format(label=label, period=format_period_in(period, lang),
                                          value=value, change=tail, source=source)


def _note(ds: Dataset, metric: str, period: Period, no_change: str, lang: str) -> str:
    """Why the sentence has no change, as a sentence of its own after the source (' Geen cijfer
    over 2023 in de gegevens; 2022: ca. 145.000 (Offlimits, 13-07-2023).'): pasted without it,
    the sentence read as if there were nothing to compare with. After the source, not in the
    sentence, which says only what its source said; the earlier figure names its own source."""
    if not no_change:
        return ""
    text = gap_words(ds, metric, period, lang, sourced=True)
    if text and (said := published_change_alone(ds, metric, period, lang)):
        text = f"{text}; {said}"  # what a source said all the same, as the key figure has it
    text = text or no_change
    return f" {text[:1].upper()}{text[1:]}."


def headline(ds: Dataset, state: ViewState, metric: str, lang: str,
             chart: ChartData | None = None,
             periods: Sequence[Period] | None = None) -> Headline | None:
    """The key figure of one series in view, or None when it has no value in the years shown:
    its latest value, status, change against the comparable earlier period (the same half a
    year before for a half-year), its source, and with `chart` the mode's own figure."""
    if metric not in ds.metrics:
        return None
    period = latest_period(ds, state, metric, periods)
    if period is None:
        return None
    obs = ds.shown(metric, period)
    assert obs is not None  # latest_period found it
    unit = ds.unit_of(metric)
    src = ds.source_of(obs)
    source = source_short(src, lang)
    change = change_words(ds, metric, period, lang)
    no_change = "" if change else no_change_words(ds, metric, period, lang)
    note = _note(ds, metric, period, no_change, lang)
    status = status_words(obs, lang)
    label = ds.metrics[metric].label.get(lang)
    # an alternative that counts something else says so wherever it travels (briefing, Word)
    alts = "; ".join(f"{format_value(a.value, unit, lang, a.approximate)} ("
                     + (f"{t('off_definition', lang)}; " if a.off_definition else "")
                     + f"{source_short(ds.source_of(a), lang)})"
                     for a in ds.alternatives(metric, period))
    value = (format_value(obs.value, unit, lang, obs.approximate)
             + ("" if unit.kind in ("percent", "change") else f" {unit.label.get(lang)}"))
    return Headline(metric, label, period, series_heading(ds, metric, period, lang), value, change,
                    source, obs.source,
                    W["others"].get(lang).format(alts=alts) if alts else "",
                    _sentence(ds, obs, period, change, source, status, lang) + note,
                    status=status, approximate=obs.approximate,
                    source_label=W["source"].get(lang).format(source=source),
                    source_url=src.url if src is not None else "",
                    mode_figure=mode_figure(ds, state, chart, metric, period, lang),
                    no_change=no_change, sentence_note=note.strip())


def headlines(ds: Dataset, state: ViewState, lang: str,
              chart: ChartData | None = None, limit: int | None = None,
              periods: Sequence[Period] | None = None) -> list[Headline]:
    """One key figure per selected series that has a value in view, in selection order; the
    first `limit` of them when given (the strip shows a few, the copied sentence all)."""
    if periods is None:
        periods = selected_periods(ds, state)
    out: list[Headline] = []
    for metric in dict.fromkeys(state.metrics):
        if limit is not None and len(out) >= limit:
            break
        item = headline(ds, state, metric, lang, chart, periods)
        if item is not None:
            out.append(item)
    return out
