"""A story's text above the chart is cut only after a whole sentence (text/plain.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.text.plain import ELLIPSIS, whole_sentences

sentences = st.lists(st.text(st.sampled_from("abc 1.2,3"), min_size=1, max_size=40)
                     .map(lambda s: s.strip(" .") + "."), min_size=1, max_size=40)


@given(sentences, st.integers(20, 400))
def test_a_cut_text_ends_after_a_sentence_within_the_limit(parts, limit):
    text = " ".join(parts)
    out = whole_sentences(text, limit)
    assert len(out) <= limit
    if out == text:
        assert len(text) <= limit
    else:
        kept = out.removesuffix(" " + ELLIPSIS).removesuffix(ELLIPSIS)
        assert text.startswith(kept.rstrip()) or text.startswith(kept.rstrip(ELLIPSIS))
        assert out.endswith(ELLIPSIS)


def test_a_sentence_with_a_number_is_kept_whole_or_left_out():
    text = ("Het aandeel zakte van 56% naar 25,73%. Het aantal webpagina's in de EU steeg van "
            "140.911 naar 181.112.")
    assert whole_sentences(text, len(text)) == text
    assert whole_sentences(text, len(text) - 5) == "Het aandeel zakte van 56% naar 25,73%. …"


def test_the_bundled_stories_are_shown_whole():
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.data.stories import load_stories, story_folders

    ds = load_bundled()
    stories, problems = load_stories(ds, story_folders(None))
    assert stories and not problems
    for story in stories:
        for lang in ("nl", "en"):
            line = f"{story.title.get(lang)}: {story.text.get(lang)}"
            assert whole_sentences(line) == line, story.id
