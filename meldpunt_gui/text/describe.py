"""The words around the numbers: tooltips, the explanation panel, the 'Bron:' line.

Generated from the Dataset, never from display strings, and free of Qt so the chart, the table,
the briefing and the tests all use one wording. All file text is escaped before it becomes HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from html import escape

from meldpunt_gui.model.changes import largest_change, no_change_reason, not_comparable
from meldpunt_gui.model.domain import Dataset, Event, Observation, Period, Source, Text
from meldpunt_gui.model.view import ViewState, selected_periods
from meldpunt_gui.model.vocabulary import DEFINITIONS, MARKED_STATUSES, STATUS_LABELS
from meldpunt_gui.text.formatting import (
    APPROX,
    format_change,
    format_date,
    format_number,
    format_pct_change,
    format_period,
    format_period_in,
    format_points,
    format_value,
    format_value_with_unit,
)
from meldpunt_gui.text.plain import shorten
from meldpunt_gui.text.series_memo import SeriesMemo, recalled

# the earlier value a change is worked out from, where it is the later value's own source's
SAME_SOURCE = Text("{was} in dezelfde bron", "{was} in the same source")

L = {
    "source": Text("Bron", "Source"),
    "sources": Text("Bronnen", "Sources"),
    "others": Text("Andere bronnen", "Other sources"),
    "no_value": Text("geen waarde", "no value"),
    "no_year": Text("z.j.", "n.d."),  # a reference without a year: zonder jaar, no date
    "note": Text("Noot", "Note"),
    "own": Text("eigen invoer", "own input"),
    "own_title": Text("Eigen invoer in beeld:", "Own input shown:"),
    "own_hint": Text("Deze waarden komen uit een import (Gegevens > Importgeschiedenis); de "
                     "meegeleverde waarde staat ernaast als andere bron.",
                     "These values come from an import (Data > Import history); the bundled "
                     "value is kept as another source."),
    "definitions": DEFINITIONS,
    "background": Text("Achtergrond", "Background"),
    "events": Text("Gebeurtenissen", "Events"),
    "rule": Text(
        "Geven bronnen verschillende waarden, dan toont de grafiek eigen invoer eerst, dan een "
        "waarde die telt wat de reeks beschrijft boven een die iets anders telt, dan een "
        "exacte waarde boven een afgeronde, dan de organisatie die telt boven de pers, dan de "
        "nieuwste publicatie. De andere waarden staan in de tooltip, de tabel en de export.",
        "Where sources disagree the chart shows own input first, then a value that counts what "
        "the series defines before one that counts something else, then an exact value before a "
        "rounded one, then the counting organisation before the press, then the latest "
        "publication. The other values are in the tooltip, the table and the export."),
    "nothing": Text("Kies links een of meer reeksen.", "Pick one or more series on the left."),
    "off_definition": Text("telt iets anders dan de reeks", "counts something other than the series"),
    "break": Text("telt anders dan {period}, dus geen verandering berekend",
                  "counted differently from {period}, so no change worked out"),
    "break_from": Text("telt vanaf {period} anders, dus geen verandering berekend",
                       "counted differently from {period} on, so no change worked out"),
    "no_change_forecast": Text("een verwachting, dus geen verandering tegenover {period} berekend",
                               "a forecast, so no change on {period} worked out"),
    "no_change_base_forecast": Text("{period} is een verwachting, dus geen verandering berekend",
                                    "{period} is a forecast, so no change worked out"),
    "no_change_rounded_apart": Text("afgeronde cijfers uit verschillende bronnen, dus geen verandering "
                                    "tegenover {period} berekend",
                                    "rounded figures from different sources, so no change on {period} "
                                    "worked out"),
    "no_change_within_rounding": Text("verschil met {period} niet groter dan de afronding, dus geen "
                                      "verandering berekend",
                                      "difference from {period} no bigger than the rounding, so no change "
                                      "worked out"),
    "no_base": Text("geen cijfer over {base} in de gegevens; {earlier}: {was}",
                    "no figure for {base} in the data; {earlier}: {was}"),
    "published_less": Text("{source}: {pct}% minder", "{source}: {pct}% fewer"),
    "published_more": Text("{source}: {pct}% meer", "{source}: {pct}% more"),
    "about": Text("circa {pct}", "about {pct}"),
    "published_less_than": Text("volgens {source} {pct}% minder dan in {base}",
                                "according to {source} {pct}% fewer than in {base}"),
    "published_more_than": Text("volgens {source} {pct}% meer dan in {base}",
                                "according to {source} {pct}% more than in {base}"),
    "undated": Text("ongedateerd", "undated"),
    "published_lower_pts": Text("volgens {source} {pts} lager dan in {base}",
                                "according to {source} {pts} lower than in {base}"),
    "published_higher_pts": Text("volgens {source} {pts} hoger dan in {base}",
                                 "according to {source} {pts} higher than in {base}"),
}


def t(key: str, lang: str) -> str:
    return L[key].get(lang)


def source_date(src: Source, lang: str) -> str:
    """The date of a source as a reader sees it: '13-07-2023', or for an undated page what is
    known about its date ('ongedateerd, 2023') - said once, never as a second 'ongedateerd'."""
    if src.published:
        return format_date(src.published, lang)
    return src.date_note.get(lang) or format_date("", lang)


def source_short(src: Source | None, lang: str) -> str:
    """'Offlimits, 13-07-2023' - what a tooltip or table says about where a number is from."""
    if src is None:
        return "?"
    if src.user:
        return f"{t('own', lang)}: {src.publisher}" + (f", {format_date(src.published, lang)}"
                                                       if src.published else "")
    return f"{src.publisher}, {source_date(src, lang)}"


def status_words(obs: Observation, lang: str) -> str:
    """The status a reader must be told of next to the value ('' for a published figure)."""
    return STATUS_LABELS[obs.status].get(lang) if obs.status in MARKED_STATUSES else ""


def value_text(ds: Dataset, obs: Observation, lang: str) -> str:
    return format_value_with_unit(obs.value, ds.unit_of(obs.metric), lang, obs.approximate)


def break_words(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    """Why a value that has one before it shows no change (the tooltip and the readout), else
    '': 'telt anders dan 2017, dus geen verandering berekend' where the series counts `period`
    differently; a forecast on either side; two rounded figures from two publications. The
    key figure says the same at more length (text/headline.no_change_words)."""
    why, base = no_change_reason(ds, metric, period)
    said = published_change_alone(ds, metric, period, lang)
    if why == "break" and base is None:  # a gap before it, then a figure counted anew (police 2021)
        text = t("break_from", lang).format(period=format_period_in(period, lang))
        return f"{text}; {said}" if said else text
    if not why or base is None:  # nothing before it to compare with: only what a source said
        return said
    key = "break" if why == "break" else f"no_change_{why}"
    text = t(key, lang).format(period=format_period(period.comparable_before(), lang))
    return f"{text}; {said}" if said else text


def published_change_alone(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    """'volgens INHOPE (2025) 218% meer dan in 2023': the change a source published for a value that has
    none worked out (a break, or no earlier value in the data). Without it a reader takes "no
    change" for "unchanged", or looks for one the source did give. Attributed, as published."""
    published = ds.published_change(metric, period)
    if published is None:
        return ""
    whole = published.value == round(published.value)
    pct = format_number(abs(published.value), lang, 0 if whole else 1)
    if ds.unit_of(metric).in_points:  # a percentage's change, in points: '11 procentpunt hoger'
        pct = format_points(abs(published.value), lang).lstrip("+")
        key = "published_lower_pts" if published.value < 0 else "published_higher_pts"
    else:
        key = "published_less_than" if published.value < 0 else "published_more_than"
    if published.approximate:
        pct = L["about"].get(lang).format(pct=pct)
    src = ds.source_of(published)
    when = (format_date(src.published, lang) if src.published else src.appeared or t("undated", lang)) \
        if src is not None else t("undated", lang)
    who = f"{src.publisher if src is not None else '?'} ({when})"  # the whole address is on the Bron line
    return L[key].get(lang).format(source=who, pct=pct, pts=pct,
                                   base=format_period_in(period.comparable_before(), lang))


def gap_words(ds: Dataset, metric: str, period: Period, lang: str, sourced: bool = False) -> str:
    """Why a value shows no change where the data has no figure for the period it would be
    compared with, and the latest earlier figure to compare by hand: 'geen cijfer over 2023 in
    de gegevens; 2022: ca. 145.000', `sourced` with that figure's source after it. '' where
    that is not why (or nothing came before it). The key figure, the copied sentence and the
    readout say it alike."""
    if no_change_reason(ds, metric, period)[0] != "no_base":
        return ""
    base_p = period.comparable_before()
    earlier = [p for p in ds.periods_with_data(metric, period.granularity)
               if p.half == period.half and p < base_p]
    if not earlier:
        return ""
    was = ds.shown(metric, earlier[-1])
    assert was is not None  # periods_with_data holds a value there
    text = t("no_base", lang).format(
        base=format_period_in(base_p, lang), earlier=format_period(earlier[-1], lang),
        was=format_value(was.value, ds.unit_of(metric), lang, was.approximate))
    return f"{text} ({source_short(ds.source_of(was), lang)})" if sourced else text


def published_change_words(ds: Dataset, metric: str, period: Period, worked_out: float,
                           lang: str) -> str:
    """'NU.nl, aug 2022: 93% minder': the change a source published, where it differs in whole
    percents from the `worked_out` one (from two values the data may hold only rounded: 8.100
    against 129.000 is circa 94% fewer, and every source said 93%). Quoted beside it, not in its
    place: the values in view must still add up to what is worked out from them."""
    published = ds.published_change(metric, period)
    if published is None or ds.unit_of(metric).in_points:  # points are not compared with a %
        return ""
    # the same in whole percents, or within one of a figure the source itself gave as about
    # so much ('bijna 60%' beside 59%): nothing to add
    room = 1 if published.approximate else 0
    if (published.value < 0) == (worked_out < 0) and \
            abs(round(abs(published.value)) - round(abs(worked_out))) <= room:
        return ""
    whole = published.value == round(published.value)
    pct = format_number(abs(published.value), lang, 0 if whole else 1)
    if published.approximate:
        pct = L["about"].get(lang).format(pct=pct)
    key = "published_less" if published.value < 0 else "published_more"
    return L[key].get(lang).format(source=source_short(ds.source_of(published), lang), pct=pct)


def series_heading(ds: Dataset, metric: str, period: Period, lang: str, sep: str = ", ") -> str:
    """A series' label with the period of a figure: 'Meldingen totaal, 2022'. A bundled series
    that holds one half of each year names that half in its label (a test holds the data to
    it), so its figure is named by the year alone: 'Meldingen van burgers, eerste halfjaar,
    2022', not the half twice."""
    label = ds.metrics[metric].label.get(lang)
    when = str(period.year) if label_names_half(ds, metric, period) else format_period(period, lang)
    return f"{label}{sep}{when}"


def label_names_half(ds: Dataset, metric: str, period: Period) -> bool:
    """Whether the series' label already says which half-year `period` is (see series_heading)."""
    return bool(period.half) and ds.period_kind(metric) == f"h{period.half}"


def tooltip_lines(ds: Dataset, metric: str, period: Period, lang: str) -> list[str]:
    """Exact value (ca. where approximate), change, source, and the values other sources give."""
    lines = [series_heading(ds, metric, period, lang, " — ")]
    obs = ds.shown(metric, period)
    if obs is None:
        return lines + [t("no_value", lang)]
    status = status_words(obs, lang)
    lines.append(value_text(ds, obs, lang) + (f" ({status})" if status else ""))
    change = ds.change(metric, period)
    if change is not None:
        text = format_change(change, ds.unit_of(metric), lang)
        if text and change.base is not ds.shown(metric, change.base_period):
            # worked out from the earlier value this source gives, not the one the chart draws
            was = format_value(change.base.value, ds.unit_of(metric), lang, change.base.approximate)
            text += f" ({SAME_SOURCE.get(lang).format(was=was)})"
        if text:
            lines.append(text)
        if change.pct is not None and (said := published_change_words(ds, metric, period, change.pct, lang)):
            lines.append(said)
    elif text := break_words(ds, metric, period, lang):
        lines.append(text)
    lines.append(f"{t('source', lang)}: {source_short(ds.source_of(obs), lang)}")
    alts = ds.alternatives(metric, period)
    if alts:
        lines.append(f"{t('others', lang)}:")
        for alt in alts:
            off = f"; {t('off_definition', lang)}" if alt.off_definition else ""
            lines.append(f"  {format_value(alt.value, ds.unit_of(metric), lang, alt.approximate)}"
                         f" ({source_short(ds.source_of(alt), lang)}{off})")
    return lines


def tooltip_text(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    return "\n".join(tooltip_lines(ds, metric, period, lang))


def readout_lines(ds: Dataset, metrics: Sequence[str], period: Period, lang: str,
                  figures: Mapping[str, str] | None = None) -> list[str]:
    """The chart's readout for one period: per selected series (of every panel) its value with
    ca. and status, its change, its source, and what other sources give. `figures`: per series
    the value the chart draws where that is not the value itself ('index 2.509 (1996 = 100)'),
    put first, the value beside it."""
    lines = [format_period(period, lang)]
    for mid in metrics:
        if mid not in ds.metrics:
            continue
        label = ds.metrics[mid].label.get(lang)
        obs = ds.shown(mid, period)
        if obs is None:
            lines.append(f"{label}: {t('no_value', lang)}")
            continue
        status = status_words(obs, lang)
        figure = (figures or {}).get(mid, "")
        parts = [figure] if figure else []
        parts.append(value_text(ds, obs, lang) + (f" ({status})" if status else ""))
        change = ds.change(mid, period)
        if change is not None and (text := format_change(change, ds.unit_of(mid), lang)):
            parts.append(text)
        elif change is None and (text := break_words(ds, mid, period, lang)
                                 or gap_words(ds, mid, period, lang)):
            parts.append(text)
        parts.append(f"{t('source', lang)}: {source_short(ds.source_of(obs), lang)}")
        lines.append(f"{label}: " + " · ".join(parts))
        alts = ds.alternatives(mid, period)
        if alts:
            others = "; ".join(f"{format_value(a.value, ds.unit_of(mid), lang, a.approximate)} "
                               f"({source_short(ds.source_of(a), lang)})" for a in alts)
            lines.append(f"  {t('others', lang)}: {others}")
    return lines


def shown_sources(ds: Dataset, state: ViewState, alternatives: bool = True,
                  periods: Sequence[Period] | None = None) -> list[Source]:
    """Sources of every value in view (with or without the alternatives), in first-use order;
    `periods`: the view's periods where the caller has them already."""
    if periods is None:
        periods = selected_periods(ds, state)
    cells = [ds.values_in(m, periods) for m in state.metrics if m in ds.metrics]
    return sources_in(ds, cells, alternatives)


@dataclass(frozen=True)
class CellScan:
    """What one pass over a view's cells finds: the sources of its values in first-use order
    (all, and those of the values drawn), and the marks its drawn values carry."""

    source_ids: tuple[str, ...]
    drawn_source_ids: tuple[str, ...]
    statuses: frozenset[str]
    approximate: bool  # some drawn value is rounded
    alternatives: bool  # some period has more than one value


def scan_cells(cells: Sequence[Sequence[Sequence[Observation]]]) -> CellScan:
    """One pass over `cells` (per metric, its values per period), period by period and within a
    period metric by metric: the key to the marks, the "Bron:" line and the explanation's
    sources all read it (three passes over forty series' cells took a millisecond a change)."""
    ids: dict[str, None] = {}  # a key keeps its first place when it is set again
    drawn: dict[str, None] = {}
    statuses: set[str] = set()
    approx = alts = False
    for i in range(len(cells[0]) if cells else 0):
        for column in cells:
            values = column[i]
            if not values:
                continue
            first = values[0]
            drawn[first.source] = None
            statuses.add(first.status)
            approx = approx or first.approximate
            if len(values) > 1:
                alts = True
                for obs in values:
                    ids[obs.source] = None
            else:
                ids[first.source] = None
    return CellScan(tuple(ids), tuple(drawn), frozenset(statuses), approx, alts)


def sources_of(ds: Dataset, ids: Sequence[str]) -> list[Source]:
    """The sources of `ids` the dataset knows, in that order."""
    return [src for src in map(ds.sources.get, ids) if src is not None]


def sources_in(ds: Dataset, cells: Sequence[Sequence[Sequence[Observation]]],
               alternatives: bool = True) -> list[Source]:
    """The sources of `cells` (per metric, its values per period) in first-use order: period by
    period, and within a period metric by metric."""
    scan = scan_cells(cells)
    return sources_of(ds, scan.source_ids if alternatives else scan.drawn_source_ids)


def source_line(ds: Dataset, state: ViewState, lang: str,
                drawn: Sequence[Source] | None = None) -> str:
    """'Bron: Offlimits (2023); NU.nl (2022)': the sources of the values drawn (`drawn`, where the
    caller has them), each publisher named once (the alternatives' sources are in the
    explanation and the export)."""
    names: dict[str, list[str]] = {}
    for src in shown_sources(ds, state, alternatives=False) if drawn is None else drawn:
        # an undated page counts with the year it appeared, or as "z.j." where that is not known:
        # one publisher's dated pages never stand for its undated ones
        year = src.year or t("no_year", lang)
        years = names.setdefault(src.publisher, [])
        if year not in years:
            years.append(year)
    parts = [f"{shorten(pub)} ({', '.join(sorted(ys))})" for pub, ys in names.items()]
    return f"{t('source', lang)}: " + "; ".join(parts) if parts else ""


def link_html(src: Source, lang: str) -> str:
    """A source as a link (opened by the window only on click); every part escaped."""
    label = escape(f"{src.publisher}, {src.title}" if src.title else src.publisher)
    date = escape(source_date(src, lang))
    return f'<a href="{escape(src.url, quote=True)}">{label}</a> ({date})' if src.url else label


def event_html(ds: Dataset, event_ids: Sequence[str], lang: str) -> str:
    """The text of the clicked events (one badge can stand for several), shown on top of the
    explanation."""
    return "".join(_one_event_html(ds, eid, lang) for eid in event_ids)


def _one_event_html(ds: Dataset, event_id: str, lang: str) -> str:
    ev = next((e for e in ds.events if e.id == event_id), None)
    if ev is None:
        return ""
    src = ds.sources.get(ev.source)
    parts = [f"<div style='border:1px solid #888; padding:4px'><p><b>"
             f"{escape(format_date(ev.date, lang))}: {escape(ev.title.get(lang))}</b></p>"]
    if ev.note.get(lang):
        parts.append(f"<p>{escape(ev.note.get(lang))}</p>")
    if src:
        parts.append(f"<p style='font-size:small'>{escape(t('source', lang))}: {link_html(src, lang)}</p>")
    parts.append("</div>")
    return "".join(parts)


def explanation_html(ds: Dataset, state: ViewState, lang: str, print_urls: bool = False,
                     events: Sequence[Event] | None = None) -> str:
    """The explanation pane as one page, unfolded: "Waarom", definitions, background, events,
    numbered sources (see text/explanation.py)."""
    from meldpunt_gui.text.explanation import explanation_sections, sections_html

    return sections_html(explanation_sections(ds, state, lang, events, print_urls=print_urls), lang)


S = {
    "values": Text("{n} waarden, {first} t/m {last}", "{n} values, {first} to {last}"),
    "one": Text("1 waarde ({period})", "1 value ({period})"),
    "none": Text("geen waarden in deze jaren", "no values in these years"),
    # in a half-year view: a series of years only has values, just not by the half-year
    "no_halves": Text("geen halfjaarcijfers; de reeks telt per jaar",
                      "no half-year figures; the series counts by year"),
    "no_halves_here": Text("geen halfjaarcijfers in deze jaren", "no half-year figures in these years"),
    "highest": Text("hoogste {value} ({period})", "highest {value} ({period})"),
    "latest": Text("laatste {value} ({period})", "latest {value} ({period})"),
    "largest": Text("grootste verandering {change}", "largest change {change}"),
    "overall_up": Text("gestegen van {a} naar {b} ({change})", "up from {a} to {b} ({change})"),
    "overall_down": Text("gedaald van {a} naar {b} ({change})", "down from {a} to {b} ({change})"),
    "overall_flat": Text("in {first} en in {last} {value}", "{value} in {first} and in {last}"),
    "overall_forecast": Text("van {a} tot {b}; een verwachting is geen telling",
                             "from {a} to {b}; a forecast is not a count"),
    "overall_within_rounding": Text("van {a} tot {b}; het verschil is niet groter dan de afronding",
                                    "from {a} to {b}; the difference is no bigger than the rounding"),
    "overall_rounded_apart": Text("van {a} tot {b}; afgeronde cijfers uit verschillende bronnen, dus geen "
                                  "verandering berekend",
                                  "from {a} to {b}; rounded figures from different sources, so no change "
                                  "worked out"),
    "overall_span": Text("van {a} tot {b}", "from {a} to {b}"),
    "overall_break": Text("van {a} tot {b}, niet overal gelijk geteld",
                          "from {a} to {b}, not counted alike throughout"),
    "times": Text("{factor} keer zo veel", "{factor} times as many"),
    "approx": Text("{n} afgerond", "{n} rounded"),
}


def summary_sentences(ds: Dataset, state: ViewState, lang: str,
                      periods: Sequence[Period] | None = None,
                      cells: Sequence[Sequence[list[Observation]]] | None = None,
                      memo: SeriesMemo | None = None) -> list[str]:
    """A text alternative for the chart, from the data: per series what is shown, the range, the
    highest and the latest value and the largest change; rounded values said as such.
    `periods`, `cells`: the view's periods, and per known selected metric its values in each
    (shown one first), where the caller has them already; `memo`: sentences of earlier views,
    reused for a series whose cells are the same."""
    if periods is None:
        periods = selected_periods(ds, state)
    known = [mid for mid in state.metrics if mid in ds.metrics]
    if cells is None:
        cells = [ds.values_in(mid, periods) for mid in known]
    halves = bool(periods) and all(p.half for p in periods)
    kind = "summary-half" if halves else "summary"  # no values says something else by half-year
    kept = memo.texts(kind, lang) if memo is not None and memo.ds is ds else None
    out = []
    for mid, column in zip(known, cells):
        pts = [(p, c[0]) for p, c in zip(periods, column) if c]
        out.append(recalled(kept, mid, pts, partial(series_summary, ds, mid, pts, lang, halves)))
    return out


def series_summary(ds: Dataset, mid: str, pts: Sequence[tuple[Period, Observation]], lang: str,
                   halves: bool = False) -> str:
    """One series' sentence of the chart in words, from its values in view (period and shown
    value, in time order; see summary_sentences); `halves`: the view is by half-year."""
    from meldpunt_gui.text.formatting import format_period as fp

    unit = ds.unit_of(mid)
    label = ds.metrics[mid].label.get(lang)
    if not pts:
        kinds = ds.granularities(mid) if halves else set()
        key = ("no_halves_here" if "half" in kinds else "no_halves" if "year" in kinds else "none")
        return f"{label}: {S[key].get(lang)}."
    parts = []
    if len(pts) == 1:
        parts.append(S["one"].get(lang).format(period=fp(pts[0][0], lang)))
    else:
        parts.append(S["values"].get(lang).format(n=len(pts), first=fp(pts[0][0], lang),
                                                  last=fp(pts[-1][0], lang)))
        (fp0, fo), (lp0, lo0) = pts[0], pts[-1]
        a = f"{format_value(fo.value, unit, lang, fo.approximate)} ({fp(fp0, lang)})"
        b = f"{format_value(lo0.value, unit, lang, lo0.approximate)} ({fp(lp0, lang)})"
        breaks = ds.metrics[mid].breaks
        if any(fp0 < p <= lp0 for p in breaks):  # first and last counted differently: no rise or fall
            parts.append(S["overall_break"].get(lang).format(a=a, b=b))
        elif unit.kind == "change":  # two growth rates years apart: no "rise" of one into the other
            parts.append(S["overall_span"].get(lang).format(a=a, b=b))
        elif why := not_comparable(lo0, fo):  # a forecast, or two rounded figures of two sources
            parts.append(S[f"overall_{why}"].get(lang).format(a=a, b=b))
        elif lo0.value == fo.value:  # said of the two ends only: the years between may differ
            parts.append(S["overall_flat"].get(lang).format(
                first=fp(fp0, lang), last=fp(lp0, lang),
                value=format_value(lo0.value, unit, lang, lo0.approximate or fo.approximate)))
        else:
            rounded = fo.approximate or lo0.approximate
            if unit.in_points:
                change = format_points(lo0.value - fo.value, lang)
            elif fo.value > 0 and lo0.value >= 10 * fo.value:
                # "+49.509%" is correct but unreadable; a factor says the same plainly
                change = S["times"].get(lang).format(
                    factor=format_number(round(lo0.value / fo.value), lang, 0))
            elif fo.value:
                change = format_pct_change((lo0.value - fo.value) / abs(fo.value) * 100, lang,
                                           whole=rounded)
            else:
                change = ""
            if change and rounded:  # from a rounded end: about so much, as the key figure says
                change = f"{APPROX[lang]} {change}"
            key = "overall_up" if lo0.value > fo.value else "overall_down"
            parts.append(S[key].get(lang).format(a=a, b=b, change=change).replace(" ()", ""))
        hp, ho = max(pts, key=lambda x: x[1].value)
        parts.append(S["highest"].get(lang).format(
            value=format_value(ho.value, unit, lang, ho.approximate), period=fp(hp, lang)))
    lp, lo = pts[-1]
    parts.append(S["latest"].get(lang).format(
        value=format_value(lo.value, unit, lang, lo.approximate), period=fp(lp, lang)))
    # only a change whose two ends are both in view: "+34% ten opzichte van 2017" in a view of
    # 2018-2024 names a year the reader cannot find in the chart
    in_view = {p for p, _ in pts}
    big = largest_change(ds, mid, [p for p, _ in pts if p.comparable_before() in in_view])
    if big is not None:
        text = S["largest"].get(lang).format(change=format_change(big, unit, lang))
        at = Period(big.base_period.year + 1, big.base_period.half)  # the change's own period
        said = published_change_words(ds, mid, at, big.pct, lang) if big.pct is not None else ""
        parts.append(f"{text} ({said})" if said else text)
    n_approx = sum(1 for _, o in pts if o.approximate)
    if n_approx:
        parts.append(S["approx"].get(lang).format(n=n_approx))
    return f"{label}: " + "; ".join(parts) + "."
