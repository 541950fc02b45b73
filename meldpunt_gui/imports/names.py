"""Which series a typed name means: the keys a series is known by, and the table of them.

A series is known by its id and by its labels, each typed loosely (case, spaces, accents,
punctuation: `norm`, `slug`, `compact`). Ids come first; a label key that fits several series
fits none (None). Over the bundled series the table is built at once; a user store's own series
(ten thousand of them in a large store) are looked up by the names a file uses, through the
store's name index (data/store_names.py), instead of all being read and keyed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, ItemsView, Iterable, Mapping
from typing import Protocol

from meldpunt_gui.imports.header import compact, norm, slug
from meldpunt_gui.model.domain import Dataset, Metric

_MISSING = object()
_LOOKUPS = 256  # names looked up one by one before every series is keyed at once instead


def metric_keys(mid: str, label_nl: str, label_en: str) -> tuple[str, frozenset[str]]:
    """The id key of a series and its other keys (labels as typed, the id squeezed)."""
    other = {norm(label_nl), slug(label_nl), compact(label_nl), compact(mid)}
    if label_en != label_nl:
        other |= {norm(label_en), slug(label_en), compact(label_en)}
    return norm(mid), frozenset(other - {""})


def _keys(m: Metric) -> tuple[str, frozenset[str]]:
    return metric_keys(m.id, m.label.nl, m.label.en)


def name_table(metrics: Iterable[Metric]) -> dict[str, str | None]:
    """Typed name -> metric id; None marks a name that fits several."""
    keyed = [(m.id, *_keys(m)) for m in metrics]
    table: dict[str, str | None] = {id_key: mid for mid, id_key, _other in keyed}
    ids = set(table)
    for mid, _id_key, other in keyed:
        for key in other:
            if key not in ids and table.setdefault(key, mid) != mid:
                table[key] = None
    return table


class NamedSeries(Protocol):
    """Series looked up by name: the store's own (data/store_metrics.py)."""

    bundled: Mapping[str, Metric]

    def named(self, keys: Collection[str],
              keys_of: Callable[[str, str, str], tuple[str, frozenset[str]]]) -> list[Metric] | None:
        """The own series with one of `keys`, in the order first imported; None when the
        store cannot look names up (then every series is read)."""


class MetricNames:
    """`name_table` of a dataset's series, the store's own looked up per name on first use."""

    def __init__(self, ds: Dataset) -> None:
        self._ds = ds
        named = ds.metrics if hasattr(ds.metrics, "named") else None
        self._store: NamedSeries | None = named  # type: ignore[assignment]
        if self._store is None:
            self._table = name_table(ds.metrics.values())
        else:
            self._table = name_table(self._store.bundled.values())
            self._ids = {norm(mid) for mid in self._store.bundled}
        self._asked: set[str] = set()
        self._added: list[tuple[str, str | None]] = []  # set by the caller: new series of a file

    def _resolve(self, key: str) -> None:
        if self._store is None or key in self._asked:
            return
        self._asked.add(key)
        own = self._store.named([key], metric_keys) if len(self._asked) <= _LOOKUPS else None
        if own is None:  # no name index, or a file naming many series: key every series
            self._walk()
            return
        by_id = [m.id for m in own if norm(m.id) == key]
        if by_id:  # an id before any label, the later series before the earlier
            self._table[key] = by_id[-1]
            return
        if key in self._ids:
            return
        fits = {m.id for m in own if key in _keys(m)[1]}
        if not fits:
            return
        current = self._table.get(key, _MISSING)
        if current is _MISSING:
            self._table[key] = fits.pop() if len(fits) == 1 else None
        elif current is not None and fits != {current}:
            self._table[key] = None

    def _walk(self) -> None:
        self._table = name_table(self._ds.metrics.values())
        self._store = None
        for key, value in self._added:
            self._table[key] = value

    def __contains__(self, key: str) -> bool:
        self._resolve(key)
        return key in self._table

    def __getitem__(self, key: str) -> str | None:
        self._resolve(key)
        return self._table[key]

    def __setitem__(self, key: str, value: str | None) -> None:
        self._asked.add(key)  # set, not looked up: a new series of the file takes the name
        self._table[key] = value
        self._added.append((key, value))

    def items(self) -> ItemsView[str, str | None]:
        """Every name (a suggestion for a name that fits none is looked for among all)."""
        if self._store is not None:
            self._walk()
        return self._table.items()
