"""Text from files as text: shortened for narrow places, escaped where a widget takes HTML.

Two rules for every string that may come from a file (an import, `events.csv`, a story, the
store, a pack), kept here so there is one way to follow them:

- `shorten` cuts a long text with "…" where space is one line or a few (labels, legend, the
  "Bron:" line, table cells, exported charts); the full text stays in the tooltip or the
  explanation.
- `tooltip_html` turns text into HTML we build ourselves: escaped once, line breaks kept. Qt
  guesses whether a tooltip is rich text (`Qt.mightBeRichText`); handing it our own HTML means
  the guess is always "rich" and always about markup we wrote, so an `<img src=//server/x>` in a
  metric name is shown as those characters and never makes Qt open the file it names.
"""

from __future__ import annotations

from html import escape
from unicodedata import category

ELLIPSIS = "…"
SHORT = 80  # names in one-line places: legend, title, table cells, the "Bron:" line
CHIP = 32  # a selected series' chip: narrow enough that a long name never widens the picker
LONG = 600  # paragraphs in labels and exported charts (a definition, a note)
STORY = 1200  # a story's text above the chart: whole, up to this, then cut after a sentence
TOOLTIP_LINE = 1000  # a tooltip line longer than this would not fit on any screen


def shorten(text: str, limit: int = SHORT) -> str:
    """`text` if it has at most `limit` characters, else its start and "…" (limit in all).

    Cuts at the last space in the final fifth where there is one, so a word is not split;
    never splits a surrogate pair (there are none in str) and never returns more than `limit`.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    space = head.rfind(" ")
    if space >= (limit - 1) * 4 // 5:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def whole_sentences(text: str, limit: int = STORY) -> str:
    """`text` if it has at most `limit` characters, else its sentences that fit and " …": a
    text people quote is never cut in the middle of a sentence ("steeg van 140.911…" said
    nothing of where it rose to). Without a sentence end in reach, `shorten`."""
    if len(text) <= limit:
        return text
    head = text[:limit - 2]
    end = max(head.rfind(mark) for mark in (". ", "! ", "? "))
    if end < limit // 3:
        return shorten(text, limit)
    return head[:end + 1] + " " + ELLIPSIS


def tooltip_html(text: str, line_limit: int = TOOLTIP_LINE) -> str:
    """Plain `text` as tooltip HTML: escaped, each line kept (and shortened past `line_limit`)."""
    lines = (shorten(line, line_limit) for line in text.split("\n"))
    return "<p style='white-space:pre-wrap'>" + "<br>".join(
        escape(line, quote=False) for line in lines) + "</p>"


# the format characters that change how the text around them is drawn or read: the direction
# marks, embeddings, overrides and isolates, and the zero-width ones (a soft hyphen stays)
HIDDEN = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                   "\u2060\u2066\u2067\u2068\u2069\ufeff")


def printable(text: str) -> str:
    """`text` without control characters, lone surrogates and the invisible marks (HIDDEN)
    that change how the text around them is drawn; tabs, newlines, other spaces (a no-break
    space) and every visible character stay as they are."""
    if text.isprintable():
        return text
    return "".join(ch for ch in text
                   if ch in "\n\t" or (ch not in HIDDEN and category(ch) not in ("Cc", "Cs")))


def shown_name(name: str) -> str:
    """A file name (or path) as messages, the import history and the window show it: `printable`,
    and on one line (a tab or newline in the name becomes a space), so a name with a
    right-to-left override cannot turn 'rapport\u202ecsv.exe' around or break a 'file:line:'
    message in two. A name of nothing but such characters is shown as '?'."""
    kept = printable(name)
    if "\n" in kept or "\t" in kept or "\r" in kept:
        kept = kept.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return kept if kept.strip() else "?"
