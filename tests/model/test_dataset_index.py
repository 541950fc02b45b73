"""The per-metric lookups built once by Dataset answer exactly what a scan of all observations
would, for any mix of metrics, years, halves and repeated cells."""

import gc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.gcpause import collector_paused
from meldpunt_gui.model.changes import changes, largest_change
from meldpunt_gui.model.domain import YEAR_MIN, Dataset, Observation, Period, Text
from meldpunt_gui.model.view import ViewState, data_years, year_range

METRICS = ("reports_total", "cloud_urls", "share_nl", "reports_h1")
periods = st.builds(Period, st.integers(1995, 2030), st.sampled_from((0, 1, 2)))
observations = st.lists(st.builds(
    lambda m, p, v, s: Observation(m, p, v, False, "definitive", s, Text("", "")),
    st.sampled_from(METRICS), periods, st.integers(0, 10**6), st.sampled_from(("s1", "s2"))),
    max_size=60)


def scanned(ds: Dataset, metric: str, granularity: str | None) -> list[Period]:
    return sorted({o.period for o in ds.observations
                   if o.metric == metric and (granularity is None or o.period.granularity == granularity)})


def largest_by_hand(ds: Dataset, metric: str, periods: list[Period]):
    """The first change of the largest size: points for a percentage, else the percentage."""
    points = ds.unit_of(metric).kind == "percent"
    sized = [(abs(c.points if points else c.pct), c) for c in changes(ds, metric, periods)
             if c is not None and (c.points if points else c.pct) is not None]
    return max(sized, key=lambda sc: sc[0])[1] if sized else None


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # only read, never changed
@given(obs=observations)
def test_index_agrees_with_a_scan(tiny_ds, obs):
    base = tiny_ds
    ds = Dataset(base.units, base.categories, base.metrics, base.sources, obs)
    for metric in (*METRICS, "unknown"):
        for granularity in (None, "year", "half"):
            assert ds.periods_with_data(metric, granularity) == scanned(ds, metric, granularity)
        assert ds.granularities(metric) == {p.granularity for p in scanned(ds, metric, None)}
        every = sorted({o.period for o in obs} | {Period(2000)})
        assert ds.shown_in(metric, every) == [ds.shown(metric, p) for p in every]
        assert ds.values_in(metric, every) == [ds.values_at(metric, p) for p in every]
        for p in every:
            cell = [o for o in obs if o.metric == metric and o.period == p]
            assert sorted(map(id, ds.values_at(metric, p))) == sorted(map(id, cell))
            assert ds.values_at(metric, p)[:1] == ([ds.shown(metric, p)] if cell else [])
        for granularity in ("year", "half"):
            years = [p.year for p in scanned(ds, metric, granularity)]
            assert data_years(ds, (metric,), granularity) == ((min(years), max(years)) if years else None)
        for granularity in (None, "year", "half"):
            years = [p.year for p in scanned(ds, metric, granularity)]
            for _ in range(2):  # the second answer is the kept one
                assert ds.year_ends(metric, granularity) == ((years[0], years[-1]) if years else None)
        if metric in ds.metrics:
            assert changes(ds, metric, every) == [ds.change(metric, p) for p in every]
            assert largest_change(ds, metric, every) == largest_by_hand(ds, metric, every)
            for p in every:  # the change against the comparable earlier period, by hand
                cur, base = ds.shown(metric, p), ds.shown(metric, p.comparable_before())
                got = ds.change(metric, p)
                assert (got is None) == (cur is None or base is None)
                if got is not None and cur is not None and base is not None:
                    # from the earlier value the later one's own source gives, where it gives one
                    mine = [o for o in ds.values_at(metric, p.comparable_before()) if o.source == cur.source]
                    base = base if base.source == cur.source or not mine else mine[0]
                    assert got.base is base and got.base_period == p.comparable_before()
                    assert got.pct == (None if base.value == 0
                                       else (cur.value - base.value) / abs(base.value) * 100.0)
    years = [o.period.year for o in obs]
    assert ds.year_span() == ((min(years), max(years)) if years else (YEAR_MIN, YEAR_MIN))


def test_answers_are_copies_the_caller_may_change(tiny_ds):
    periods = tiny_ds.periods_with_data("reports_total", "year")
    periods.clear()
    assert tiny_ds.periods_with_data("reports_total", "year")


def test_bundled_year_range_follows_the_selected_metrics():
    ds = load_bundled()
    for metric in ds.metrics:
        got = year_range(ds, ViewState(metrics=(metric,)))
        years = [o.period.year for o in ds.observations if o.metric == metric and not o.period.half]
        if years:
            assert got == (min(years), max(years))


def test_collector_is_back_on_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_collector_stays_off_when_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_a_broken_dataset_leaves_the_collector_on(tmp_path):
    import shutil

    from meldpunt_gui.data.bundled import BundledDataError
    from meldpunt_gui.files.resources import resource_root

    shutil.copytree(resource_root(), tmp_path / "r")
    obs = tmp_path / "r" / "data" / "observations.csv"
    obs.write_text(obs.read_text(encoding="utf-8") + "nope,2020,1,,definitive,x\n", encoding="utf-8")
    with pytest.raises(BundledDataError):
        load_bundled(tmp_path / "r")
    assert gc.isenabled()
