"""The headline figure of a series: its latest value, its change, its source, as words.

One place for the sentence a reader quotes ("Kopieer als zin") and for the key figures the
briefing opens with, so the window's headline strip, the PDF and the Word file say the same.
Built from the Dataset, never from display strings; free of Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from meldpunt_gui.model.domain import Dataset, Observation, Period, Text
from meldpunt_gui.model.view import ViewState, selected_periods
from meldpunt_gui.text.describe import source_short
from meldpunt_gui.text.formatting import format_number, format_period, format_points, format_value

W = {
    "approx": Text("circa", "about"),
    "less": Text("{pct}% minder dan in {base} ({was})", "{pct}% fewer than in {base} ({was})"),
    "more": Text("{pct}% meer dan in {base} ({was})", "{pct}% more than in {base} ({was})"),
    "lower": Text("{pct}% lager dan in {base} ({was})", "{pct}% lower than in {base} ({was})"),
    "higher": Text("{pct}% hoger dan in {base} ({was})", "{pct}% higher than in {base} ({was})"),
    "pts_lower": Text("{pts} lager dan in {base} ({was})", "{pts} lower than in {base} ({was})"),
    "pts_higher": Text("{pts} hoger dan in {base} ({was})", "{pts} higher than in {base} ({was})"),
    "same": Text("evenveel als in {base}", "the same as in {base}"),
    "sentence": Text("{label} in {period}: {value}{change}. Bron: {source}.",
                     "{label} in {period}: {value}{change}. Source: {source}."),
    "others": Text("andere bronnen: {alts}", "other sources: {alts}"),
}


@dataclass(frozen=True)
class Headline:
    """One series' key figure as text, with the observation it was made from."""

    metric: str
    label: str
    period: Period
    value: str  # 'ca. 145.000 meldingen'
    change: str  # '65% minder dan in 2021 (413.262)' or ''
    source: str  # 'Offlimits, 13-07-2023'
    source_id: str
    alternatives: str  # 'andere bronnen: 144.058 (Offlimits, 2023)' or ''
    sentence: str  # the whole figure as one quotable sentence


def _value_words(ds: Dataset, obs: Observation, lang: str) -> str:
    """'circa 145.000 meldingen': a sentence spells out what a tile abbreviates as 'ca.'."""
    unit = ds.unit_of(obs.metric)
    text = format_value(obs.value, unit, lang)
    if unit.kind not in ("percent", "change"):
        text = f"{text} {unit.label.get(lang)}"
    return f"{W['approx'].get(lang)} {text}" if obs.approximate else text


def change_words(ds: Dataset, metric: str, period: Period, lang: str) -> str:
    """'65% minder dan in 2021 (413.262)': the change against the comparable earlier period,
    in percentage points for percentages, with the earlier value so the reader can check it."""
    change = ds.change(metric, period)
    if change is None:
        return ""
    unit = ds.unit_of(metric)
    base = format_period(change.base_period, lang)
    was = format_value(change.base.value, unit, lang, change.base.approximate)
    if unit.kind == "percent" and change.points is not None:
        if change.points == 0:
            return W["same"].get(lang).format(base=base)
        pts = format_points(abs(change.points), lang).lstrip("+")
        key = "pts_higher" if change.points > 0 else "pts_lower"
        return W[key].get(lang).format(pts=pts, base=base, was=was)
    if change.pct is None:
        return ""
    if round(change.pct) == 0 and abs(change.pct) < 0.05:
        return W["same"].get(lang).format(base=base)
    decimals = 0 if abs(change.pct) >= 10 else 1
    pct = format_number(abs(change.pct), lang, decimals)
    counts = unit.kind == "count"
    if change.pct > 0:
        key = "more" if counts else "higher"
    else:
        key = "less" if counts else "lower"
    return W[key].get(lang).format(pct=pct, base=base, was=was)


def latest_period(ds: Dataset, state: ViewState, metric: str) -> Period | None:
    """The last period in view that holds a value for the series."""
    periods = selected_periods(ds, state)
    for period, obs in reversed(ds.series(metric, periods)):
        if obs is not None:
            return period
    return None


def headline(ds: Dataset, state: ViewState, metric: str, lang: str) -> Headline | None:
    """The key figure of one series in view, or None when it has no value in the years shown."""
    if metric not in ds.metrics:
        return None
    period = latest_period(ds, state, metric)
    if period is None:
        return None
    obs = ds.shown(metric, period)
    assert obs is not None  # latest_period found it
    unit = ds.unit_of(metric)
    src = ds.source_of(obs)
    source = source_short(src, lang)
    change = change_words(ds, metric, period, lang)
    label = ds.metrics[metric].label.get(lang)
    alts = "; ".join(f"{format_value(a.value, unit, lang, a.approximate)} "
                     f"({source_short(ds.source_of(a), lang)})"
                     for a in ds.alternatives(metric, period))
    sentence = W["sentence"].get(lang).format(
        label=label, period=format_period(period, lang), value=_value_words(ds, obs, lang),
        change=f", {change}" if change else "", source=source)
    return Headline(metric, label, period,
                    format_value(obs.value, unit, lang, obs.approximate)
                    + ("" if unit.kind in ("percent", "change") else f" {unit.label.get(lang)}"),
                    change, source, obs.source,
                    W["others"].get(lang).format(alts=alts) if alts else "", sentence)


def headlines(ds: Dataset, state: ViewState, lang: str) -> list[Headline]:
    """One key figure per selected series that has a value in view, in selection order."""
    out = []
    for metric in dict.fromkeys(state.metrics):
        item = headline(ds, state, metric, lang)
        if item is not None:
            out.append(item)
    return out
