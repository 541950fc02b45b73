"""Counted words in the core's texts: one form for 1, another for every other count."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.text.plain import HIDDEN
from meldpunt_gui.text.plural import ERRORS, EVENTS, FIGURES, MESSAGE_CHARS, STORIES, count_of, listed


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


def test_a_long_list_names_what_fits_and_counts_the_rest() -> None:
    names = [f"reeks_{i}" for i in range(5000)]
    text = listed(names)
    assert len(text.nl) <= MESSAGE_CHARS and len(text.en) <= MESSAGE_CHARS
    named = text.en.split(" and ")[0].split(", ")
    assert named == names[:len(named)] and text.en.endswith(f" and {5000 - len(named):,} more")
    assert text.nl.endswith(f" en nog {5000 - len(named):,}".replace(",", "."))
    assert listed(["a", "b"]) == ("a, b", "a, b") and listed(["x" * 10_000]).en == "x" * 79 + "…"


# names without spaces or commas, so the text can be taken apart again; control characters and
# direction marks among them
_NAME = st.text(st.characters(categories=("L", "N", "Cc", "Cf"), exclude_characters=","), min_size=1, max_size=200)


@given(st.lists(_NAME, max_size=400), st.integers(min_value=120, max_value=3000))
def test_a_listed_text_stays_within_its_limit_and_accounts_for_every_name(names: list[str], limit: int) -> None:
    text = listed(names, limit)
    for lang, more, after in (("nl", " en nog ", ""), ("en", " and ", " more")):
        said = text.get(lang)
        assert len(said) <= limit and "\n" not in said
        assert not any(ch in HIDDEN or unicodedata.category(ch) in ("Cc", "Cs") for ch in said)
        head, _, tail = said.partition(more)
        named = head.split(", ") if names else []
        rest = int(tail.removesuffix(after).replace(".", "").replace(",", "")) if tail else 0
        assert len(named) + rest == len(names) and (not names or len(named) >= 1)
