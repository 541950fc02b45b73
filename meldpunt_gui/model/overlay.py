"""Datasets made from another with the user's own data laid over it.

The bundled data is read once; what the user brings (a store of imports, own events, the
series of an import or a pack being checked) is laid over it as a new dataset, and the one it
was laid over stays as it was. A value for a cell that already has one makes the other an
alternative (`values.preference_key` shows own input first). Deferred values stay deferred: a
dataset laid over starts from the values its base was given, not from everything stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from meldpunt_gui.model.domain import Dataset, DeferredValues, Metric, Observation, Source, Unit


def with_observations(ds: Dataset, extra: Iterable[Observation], metrics: Iterable[Metric] = (),
                      sources: Iterable[Source] = (), units: Iterable[Unit] = ()) -> Dataset:
    """A new dataset with user input laid over `ds` (bundled values become alternatives);
    `units` are those the user's new metrics brought."""
    added = {m.id: m for m in metrics}
    return Dataset(
        units={**ds.units, **{u.id: u for u in units}},
        categories=ds.categories,
        # no new metrics: the same mapping, so a store's series stay unread until named
        metrics={**ds.metrics, **added} if added else ds.metrics,
        sources={**ds.sources, **{s.id: s for s in sources}},
        observations=[*ds.given_observations, *extra],
        events=ds.events,
        themes=ds.themes,
        data_date=ds.data_date,
        deferred=ds.deferred,
        reasons=ds.reasons,
    )


def with_store(ds: Dataset, metrics: Mapping[str, Metric], sources: Iterable[Source], units: Iterable[Unit],
               deferred: DeferredValues | None) -> Dataset:
    """`ds` with a user store laid over it: `metrics` holds the dataset's metrics and the
    store's (read when named, data/store_metrics.py), `deferred` its values."""
    if deferred is not None and ds.deferred is not None:
        raise ValueError("a dataset takes one set of deferred values")
    return Dataset({**ds.units, **{u.id: u for u in units}}, ds.categories, metrics,
                   {**ds.sources, **{s.id: s for s in sources}}, list(ds.given_observations),
                   ds.events, ds.themes, ds.data_date, deferred or ds.deferred, ds.reasons)


def with_deferred(ds: Dataset, deferred: DeferredValues, metrics: Iterable[Metric] = (),
                  sources: Iterable[Source] = (), units: Iterable[Unit] = ()) -> Dataset:
    """`ds` with values that are read per metric when asked for, laid over it."""
    if ds.deferred is not None:
        raise ValueError("a dataset takes one set of deferred values")
    return Dataset({**ds.units, **{u.id: u for u in units}}, ds.categories,
                   {**ds.metrics, **{m.id: m for m in metrics}},
                   {**ds.sources, **{s.id: s for s in sources}}, list(ds.given_observations),
                   ds.events, ds.themes, ds.data_date, deferred, ds.reasons)
