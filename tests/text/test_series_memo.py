"""The window's memo of per-series sentences: a sentence is reused only for the same dataset,
language, periods and the very values it was made from; the words are the same either way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.model.domain import Observation
from meldpunt_gui.model.resolve import resolve
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text import describe
from meldpunt_gui.text.series_memo import MEMO_TEXTS, SeriesMemo

BUNDLED = load_bundled()
METRICS = sorted(BUNDLED.metrics)


@pytest.fixture
def worded(monkeypatch):
    """The series whose sentence was worded (not taken from the memo), in order."""
    calls: list[str] = []
    real = describe.series_summary

    def counting(ds, mid, *args):
        calls.append(mid)
        return real(ds, mid, *args)

    monkeypatch.setattr(describe, "series_summary", counting)
    return calls


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(METRICS), min_size=1, max_size=6, unique=True),
                min_size=1, max_size=6),
       st.sampled_from(["nl", "en"]), st.sampled_from([None, 2015, 2020]))
def test_the_chart_in_words_is_the_same_with_and_without_the_memo(selections, lang, first):
    memo = SeriesMemo(BUNDLED)
    for metrics in selections:
        state = ViewState(metrics=tuple(metrics), first_year=first)
        assert (resolve(BUNDLED, state, lang, memo=memo).summary
                == resolve(BUNDLED, state, lang).summary)


def test_a_series_that_stays_is_not_worded_again(worded):
    """Also where the new series widens the years: the others keep their values in view."""
    memo = SeriesMemo(BUNDLED)
    before = resolve(BUNDLED, ViewState(metrics=("reports_total", "urls_assessed")), "nl", memo=memo)
    assert len(before.summary) == 2
    assert worded == ["reports_total", "urls_assessed"]
    worded.clear()
    after = resolve(BUNDLED, ViewState(metrics=("reports_total", "urls_assessed", "police_referrals_klpd")),
                    "nl", memo=memo)
    assert after.summary[:2] == before.summary
    assert worded == ["police_referrals_klpd"]  # only the ticked series


def test_another_language_range_of_values_or_dataset_is_worded_anew(worded, tiny_ds):
    memo = SeriesMemo(BUNDLED)
    state = ViewState(metrics=("reports_total",))
    texts = [resolve(BUNDLED, state, "nl", memo=memo).summary,
             resolve(BUNDLED, state, "en", memo=memo).summary,
             resolve(BUNDLED, state.with_(first_year=2018), "nl", memo=memo).summary,
             resolve(tiny_ds, state, "nl", memo=memo).summary]  # not the memo's dataset
    assert len(set(texts)) == 4
    assert worded == ["reports_total"] * 4
    assert resolve(BUNDLED, state.with_(first_year=2018), "nl", memo=memo).summary == texts[2]
    assert len(worded) == 4


def test_a_series_with_other_values_in_the_same_periods_is_worded_anew(worded, tiny_ds):
    """The memo holds the cells a sentence was made from: a value that is not the same object
    (a deferred figure read, a store changed under the same dataset) makes a new sentence."""
    memo = SeriesMemo(tiny_ds)
    state = ViewState(metrics=("share_nl",))
    before = resolve(tiny_ds, state, "nl", memo=memo)
    assert before.summary
    points = [(p, c[0]) for p, c in zip(before.periods, before.cells[0]) if c]
    kept = memo.texts("summary", "nl")
    assert describe.recalled(kept, "share_nl", list(points), lambda: "new") == before.summary[0]
    period, old = points[0]
    points[0] = (period, Observation(old.metric, old.period, old.value, old.approximate, old.status,
                                     old.source))  # equal, but another reading
    assert describe.recalled(kept, "share_nl", points, lambda: "new") == "new"
    assert describe.recalled(kept, "share_nl", points, lambda: "newer") == "new"  # now kept


def test_the_memo_is_bounded():
    memo = SeriesMemo(BUNDLED)
    kept = memo.texts("summary", "nl")
    for i in range(MEMO_TEXTS + 10):
        describe.recalled(memo.texts("summary", "nl"), f"m{i}", [], lambda: "x")
    assert 0 < len(kept) <= MEMO_TEXTS
