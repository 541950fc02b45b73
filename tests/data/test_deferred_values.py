"""Values read per metric when asked for (a large user store) answer exactly what the same values
given at once would, and a view of bundled series never reads the user's own series."""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldpunt_gui.data.store import UserStore
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.domain import Dataset, Observation, Period, Text
from meldpunt_gui.model.overlay import with_deferred, with_observations

METRICS = ("reports_total", "cloud_urls", "share_nl", "reports_h1")
periods = st.builds(Period, st.integers(1995, 2030), st.sampled_from((0, 1, 2)))
observations = st.lists(st.builds(
    lambda m, p, v, s, u: Observation(m, p, v, False, "user" if u else "published", s,
                                      Text("", ""), user=u, import_id=1 if u else None),
    st.sampled_from(METRICS), periods, st.integers(0, 10**6), st.sampled_from(("s1", "s2")),
    st.booleans()), max_size=60)


class Deferred:
    """DeferredValues over a list, counting what was read."""

    def __init__(self, values: list[Observation]) -> None:
        self.values, self.read = values, []

    def load(self, metrics: Collection[str]) -> list[Observation]:
        self.read += list(metrics)
        return [o for o in self.values if o.metric in metrics]

    def years(self) -> tuple[int, int] | None:
        ys = [o.period.year for o in self.values]
        return (min(ys), max(ys)) if ys else None

    def granularities(self, metrics: Collection[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for o in self.values:
            if o.metric in metrics:
                out.setdefault(o.metric, set()).add(o.period.granularity)
        return out


def split(base: Dataset, obs: list[Observation]) -> tuple[Dataset, Dataset, Deferred]:
    eager = [o for o in obs if not o.user]
    later = Deferred([o for o in obs if o.user])
    whole = Dataset(base.units, base.categories, base.metrics, base.sources, eager + later.values)
    lazy = with_deferred(Dataset(base.units, base.categories, base.metrics, base.sources, eager), later)
    return whole, lazy, later


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # only read, never changed
@given(obs=observations, order=st.permutations(METRICS))
def test_deferred_values_answer_as_if_given_at_once(tiny_ds, obs, order):
    whole, lazy, _ = split(tiny_ds, obs)
    assert lazy.year_span() == whole.year_span()
    for metric in order:  # any order of asking
        if metric == order[0]:  # the year range asked first: it reads the metric, then keeps it
            for granularity in ("year", "half", "year"):
                assert lazy.year_ends(metric, granularity) == whole.year_ends(metric, granularity)
        assert lazy.granularities(metric) == whole.granularities(metric)  # before reading it
        assert lazy.periods_with_data(metric) == whole.periods_with_data(metric)
        assert lazy.granularities(metric) == whole.granularities(metric)  # and after
        for p in sorted({o.period for o in obs} | {Period(2000)}):
            assert lazy.values_at(metric, p) == whole.values_at(metric, p)
            assert lazy.alternatives(metric, p) == whole.alternatives(metric, p)
    assert sorted(map(repr, lazy.observations)) == sorted(map(repr, whole.observations))


def test_a_view_reads_only_the_metrics_it_shows(tiny_ds):
    own = [Observation("cloud_urls", Period(y), 5.0, False, "user", "s1", user=True, import_id=1)
           for y in range(2000, 2010)]
    _, lazy, later = split(tiny_ds, own)
    assert lazy.shown("reports_total", Period(2005)) == tiny_ds.shown("reports_total", Period(2005))
    assert lazy.granularities("cloud_urls") == {"year"}
    assert later.read == ["reports_total"]
    assert lazy.shown("cloud_urls", Period(2005)).user
    assert later.read == ["reports_total", "cloud_urls"]
    copy = with_observations(lazy, [])  # own events laid over: the values are still deferred
    assert copy.shown("cloud_urls", Period(2005)).user and len(copy.observations) == \
        len(lazy.observations)


def test_store_values_are_read_after_the_store_is_closed(tiny_ds, tmp_path):
    """The command line closes the store before it reads the import file."""
    data = (b"metriek;eenheid;periode;waarde\nChats;meldingen;2023-H1;12\nChats;meldingen;2023-H2;14\n"
            b"reports_total;;2024;99\n")
    with UserStore.open(tmp_path) as store:
        store.apply(read_import_data(data, "a.csv", store.overlay(tiny_ds)))
        over = store.overlay(tiny_ds)
    assert over.granularities("chats") == {"half"}
    assert [o.value for o in over.values_at("reports_total", Period(2024))][:1] == [99.0]
    assert [str(p) for p in over.periods_with_data("chats")] == ["2023-H1", "2023-H2"]
    assert over.year_span()[1] >= 2024
    assert sorted(o.value for o in over.observations if o.metric == "chats") == [12.0, 14.0]


def _own_series(store: UserStore, ds: Dataset, name: str, label: str, *rows: str) -> None:
    body = "metriek;naam;eenheid;periode;waarde\n" + "".join(f"{name};{label};meldingen;{r}\n" for r in rows)
    store.apply(read_import_data(body.encode(), f"{name}.csv", store.overlay(ds)))


def test_own_series_are_read_when_named_and_all_only_when_walked(tiny_ds, tmp_path):
    """An export of a bundled series reads none of the store's own series; naming one reads it;
    walking them gives the bundled ones first, then the own ones in the order first imported."""
    with UserStore.open(tmp_path) as store:
        _own_series(store, tiny_ds, "alpha", "Alpha", "2020;1")
        _own_series(store, tiny_ds, "beta", "Beta", "2021;2")
        _own_series(store, tiny_ds, "alpha", "Alpha again", "2022;3")
        over = store.overlay(tiny_ds)
        walked = store.overlay(tiny_ds)
    assert over.shown("reports_total", Period(2020)) == tiny_ds.shown("reports_total", Period(2020))
    assert over.metrics._all is None  # type: ignore[attr-defined]  # nothing walked them
    assert over.metrics["alpha"].label == Text("Alpha", "Alpha")  # a second import keeps the series
    assert "beta" in over.metrics and "gamma" not in over.metrics and over.metrics.get("gamma") is None
    assert over.metrics._all is None  # type: ignore[attr-defined]
    assert list(walked.metrics) == [*tiny_ds.metrics, "alpha", "beta"]
    assert [m.label.nl for m in walked.metrics.values()][-2:] == ["Alpha", "Beta"]
    assert walked.metrics == over.metrics and walked.metrics["alpha"].user
    assert [o.value for o in over.values_at("alpha", Period(2022))] == [3.0]
    assert "user" in over.categories


def test_a_store_with_values_keeps_the_reasons(tiny_ds, tmp_path):
    """The "Waarom" sentences stay when the store holds values (they were dropped before)."""
    base = Dataset(tiny_ds.units, tiny_ds.categories, tiny_ds.metrics, tiny_ds.sources,
                   tiny_ds.observations, reasons=("kept",))  # type: ignore[arg-type]
    with UserStore.open(tmp_path) as store:
        _own_series(store, base, "alpha", "Alpha", "2020;1")
        assert store.overlay(base).reasons == ("kept",)


def test_spans_answer_as_the_values_do(tiny_ds, tmp_path):
    """The halves and years of the own values, read from the per-import spans (made at opening,
    summed up when asked for an import made since, an undone one left out), are what the
    values themselves give."""
    def both(values):
        metrics = ["alpha", "beta", "halves", "reports_total", "none"]
        return (values.years(), values.granularities(metrics)), \
            (values._fetch("SELECT min(year), max(year) FROM observations", [])[0],
             {m: ({"year"} if lo == 0 else set()) | ({"half"} if hi else set())
              for m, lo, hi in values._halves(metrics) if lo is not None})

    with UserStore.open(tmp_path) as store:
        _own_series(store, tiny_ds, "alpha", "Alpha", "2020;1", "2021;2")
        _own_series(store, tiny_ds, "halves", "Halves", "2019-H1;1", "2019-H2;2")
    with UserStore.open(tmp_path) as store:  # the spans of both are made at this opening
        _own_series(store, tiny_ds, "beta", "Beta", "2030;5")  # made since: summed up when asked
        (years, kinds), (first_last, halves) = both(store.overlay(tiny_ds).deferred)
        assert years == tuple(first_last) == (2019, 2030) and kinds == halves
        assert kinds == {"alpha": {"year"}, "halves": {"half"}, "beta": {"year"}}
        store.undo(3)
        (years, kinds), (first_last, halves) = both(store.overlay(tiny_ds).deferred)
        assert years == tuple(first_last) == (2019, 2021) and kinds == halves and "beta" not in kinds
    with UserStore.open(tmp_path) as store:
        store.undo(1)
        (years, kinds), (first_last, halves) = both(store.overlay(tiny_ds).deferred)
        assert years == tuple(first_last) == (2019, 2019) and kinds == halves == {"halves": {"half"}}
