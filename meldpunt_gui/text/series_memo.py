"""Per-series texts of earlier views, kept for the next ones.

A view's chart in words is one sentence per series, and each sentence depends only on that
series' values in view (the periods that hold one, and the value shown there), the dataset and
the language. Ticking one more of forty series, widening the years past where a series has
values, going back to the previous story or undoing a change would otherwise word the same
sentences again (about 1.3 ms for forty). The window's view model keeps one memo per dataset; a
kept text is reused only while the series' points are the very values it was made from, so a
figure read later (deferred values) or a new dataset never shows an old sentence. Exports and
the command line resolve without a memo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meldpunt_gui.model.domain import Dataset, Observation, Period

MEMO_TEXTS = 2000  # texts kept per kind and language: one per series, of a few hundred bytes

Points = Sequence[tuple["Period", "Observation"]]  # a series' values in view: period, shown value


class SeriesMemo:
    """The latest text per kind, language and series, with the points it was made from."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self._texts: dict[tuple[str, str], dict[str, tuple[Points, str]]] = {}

    def texts(self, kind: str, lang: str) -> dict[str, tuple[Points, str]]:
        """The kept texts of one kind in one language, by series."""
        kept = self._texts.setdefault((kind, lang), {})
        if len(kept) >= MEMO_TEXTS:
            kept.clear()
        return kept


def recalled(kept: dict[str, tuple[Points, str]] | None, metric: str, points: Points,
             make: Callable[[], str]) -> str:
    """The kept text of `metric` if it was made from these points, else `make()` (kept)."""
    if kept is None:
        return make()
    hit = kept.get(metric)
    if hit is not None and _same_points(hit[0], points):
        return hit[1]
    text = make()
    kept[metric] = (points, text)
    return text


def _same_points(a: Points, b: Points) -> bool:
    """The same periods with the same values (identity: a new reading is a new object)."""
    return len(a) == len(b) and all(o is q and p == r for (p, o), (r, q) in zip(a, b))
