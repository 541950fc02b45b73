"""Which events a view draws, and how their badges fit in at most two lanes.

A chart with every event since 1996 (28 badges in four lanes) buries the few that explain the
series in view. By default a view shows the events whose themes touch the selected series, plus
the events in the years an open story points at; "Alle gebeurtenissen" shows them all. The
choice lives in the resolved view, so the chart's badges, the explanation's numbered list and
the exports count the same events. Free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from meldpunt_gui.model.domain import Dataset, Event, Period
from meldpunt_gui.model.view import event_lanes

MAX_LANES = 2


def metric_themes(ds: Dataset, metrics: Sequence[str]) -> set[str]:
    """The themes that explain the selected series. A theme named after a series' category
    (e.g. 'meldpunt') is that organisation's own history, not an explanation of its figures,
    so it does not count here."""
    return {t for m in metrics if m in ds.metrics for t in ds.metrics[m].themes
            if t != ds.metrics[m].category}


def touches(ds: Dataset, event: Event, themes: set[str]) -> bool:
    """The event shares a theme with the selection, in a year that theme speaks about."""
    for tid in themes.intersection(event.themes):
        theme = ds.themes.get(tid)
        if theme is None or theme.years is None or theme.years[0] <= event.year <= theme.years[1]:
            return True
    return False


def view_events(ds: Dataset, metrics: Sequence[str], first: int, last: int,
                story_periods: Sequence[Period] = (), everything: bool = False) -> list[Event]:
    """The events in [first, last] a view shows, in time order: all of them with `everything`,
    else those that touch the series' themes (`touches`), those in the open story's years and
    the user's own (events.csv in the data folder: added on purpose, so always drawn)."""
    events = ds.events_between(first, last)
    if everything:
        return events
    themes = metric_themes(ds, metrics)
    story_years = {p.year for p in story_periods}
    return [e for e in events if e.year in story_years or touches(ds, e, themes) or own(ds, e)]


def own(ds: Dataset, event: Event) -> bool:
    """An event the user added (its source is own input)."""
    source = ds.sources.get(event.source)
    return source is not None and source.user


@dataclass(frozen=True)
class Badge:
    """One badge on the event strip: the list numbers it stands for, its place and lane."""

    numbers: tuple[int, ...]  # 1-based, as in the explanation's list
    label: str  # '3' or '3–5'
    x: float
    lane: int


def _label(numbers: Sequence[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def badge_layout(events: Sequence[Event], first: int, last: int, px: int,
                 label_px: Callable[[str], float], max_lanes: int = MAX_LANES) -> list[Badge]:
    """Badges for `events` on an axis of `px` pixels from `first` to `last`: one per year, and
    where that needs more than `max_lanes` lanes, one per two, three, ... years, so labels never
    overlap and the strip never grows past `max_lanes` rows. Badges near an edge move inwards."""
    if not events:
        return []
    lo, hi = first - 0.5, last + 0.5
    per_px = (hi - lo) / max(px, 1)
    bucket = 1
    while True:
        groups: list[list[int]] = []
        for number, ev in enumerate(events, start=1):
            if groups and (ev.year - first) // bucket == (events[groups[-1][0] - 1].year - first) // bucket:
                groups[-1].append(number)
            else:
                groups.append([number])
        labels = [_label(g) for g in groups]
        widest = max(label_px(t) for t in labels)
        half = widest / 2 * per_px
        xs = [sum(events[n - 1].x for n in g) / len(g) for g in groups]
        xs = [min(max(x, lo + half), hi - half) for x in xs]
        lanes = event_lanes(xs, widest * per_px)
        if max(lanes) < max_lanes or len(groups) == 1:
            return [Badge(tuple(g), label, x, lane) for g, label, x, lane in zip(groups, labels, xs, lanes)]
        bucket += 1
