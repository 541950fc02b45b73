"""'Waarom': the two to four sentences that explain the series in view over the years in view.

The sentences come from `resources/data/why.csv`: short, attributed and dated, each with the
series and years it explains, its sources and a priority (the cause a source itself calls the
main one comes first). For a selection the sentences whose series and years meet it are taken by
priority; where fewer than two meet it, the lead sentences of the selection's background texts
about those years fill up, each with the sources that sentence rests on (themes.csv,
`lead_sources`); where none is about them, the list stays short (or empty) rather than offer an
unrelated sentence as a reason. The
explanation pane, the briefing PDF and the Word briefing all read this list, so they give the
same reasons in the same order. Free of Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from meldpunt_gui.model.domain import Dataset, Reason

MIN_WHY, MAX_WHY = 2, 4

# A sentence ends at . ! or ? followed by a capital: 'ca. 145.000' and 't/m 2022' do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý'‘\"(])")


@dataclass(frozen=True)
class WhySentence:
    """One reason as the reader sees it, with the ids of the sources it rests on."""

    text: str
    sources: tuple[str, ...]
    reason_id: str = ""  # the why.csv row, or '' for a background text's lead sentence


def first_sentence(text: str) -> str:
    """The lead sentence of a paragraph."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def matching_reasons(ds: Dataset, metrics: Sequence[str], first: int, last: int) -> list[Reason]:
    """The reasons whose series and years meet the selection, best first: by priority, then by
    the first selected series they explain, then by their order in the file."""
    order = {m: i for i, m in enumerate(dict.fromkeys(metrics))}
    hits = []
    for index, reason in enumerate(ds.reasons):
        touched = [order[m] for m in reason.metrics if m in order]
        if touched and reason.years[0] <= last and reason.years[1] >= first:
            hits.append(((reason.priority, min(touched), index), reason))
    return [r for _, r in sorted(hits, key=lambda h: h[0])]


def why_sentences(ds: Dataset, metrics: Sequence[str], first: int, last: int, lang: str,
                  limit: int = MAX_WHY) -> list[WhySentence]:
    """Two to `limit` sourced sentences for these series and years (fewer only when the data
    holds fewer); reasons from why.csv first, then background lead sentences."""
    out = [WhySentence(r.text.get(lang), tuple(s for s in r.sources if s in ds.sources), r.id)
           for r in matching_reasons(ds, metrics, first, last)[:limit]]
    if len(out) < MIN_WHY:
        # only a text about the years in view (its span holds the first of them) says why they
        # moved: a general text's lead (when the hotline was founded, what its units are) or one
        # about later years (the pressure from 2018) is no reason for a rise in 2015-2019, and
        # stays in the background below
        themes = [t for t in ds.themes_for(metrics, first, last)
                  if t.years is not None and t.years[0] <= first <= t.years[1]]
        for theme in themes:
            if len(out) >= MIN_WHY:
                break
            text = first_sentence(theme.body.get(lang).split("\n\n")[0])
            if text and all(text != s.text for s in out):
                # the lead sentence's own sources; a text without them gives all it rests on,
                # never a guess at one (its first source is often about another sentence)
                cited = theme.lead_sources or theme.sources
                out.append(WhySentence(text, tuple(s for s in cited if s in ds.sources)))
    return out
