"""Counted words in the core's texts: one form for 1, another for every other count."""

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.text.plural import ERRORS, EVENTS, FIGURES, STORIES, count_of


def test_one_and_many_in_both_languages() -> None:
    assert count_of(1, STORIES, "nl") == "1 verhaal"
    assert count_of(0, STORIES, "nl") == "0 verhalen"
    assert count_of(2, EVENTS, "en") == "2 events"
    assert count_of(1, ERRORS, "en") == "1 error"
    assert count_of(1200, FIGURES, "nl") == "1.200 cijfers"  # grouped as every number is
    assert count_of(1200, FIGURES, "en") == "1,200 figures"


@given(st.integers(min_value=0, max_value=10**9))
def test_the_count_is_said_once_and_the_word_follows_it(n: int) -> None:
    for lang in ("nl", "en"):
        text = count_of(n, STORIES, lang)
        number, word = text.split(" ")
        assert int(number.replace(".", "").replace(",", "")) == n
        assert (word in ("verhaal", "story")) == (n == 1)
