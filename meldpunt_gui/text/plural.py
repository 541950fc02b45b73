"""Counted words in the core's own texts ("1 verhaal", "2 verhalen"), as Qt's %n does in ui/.

The command line and the files' messages are made without Qt, so they cannot use `tr(..., n)`;
this is their one place for it. Both languages have one form for 1 and another for the rest
(0 included: "0 verhalen", "0 stories"). The count is written by the one number formatter, so
"1.200 cijfers" groups as every other number does.
"""

from __future__ import annotations

from collections.abc import Sequence

from meldpunt_gui.model.bilingual import Text
from meldpunt_gui.text.formatting import format_number
from meldpunt_gui.text.plain import shorten, shown_name


def counted(n: int, one: Text, many: Text) -> Text:
    """`one` for n == 1, else `many`, with "%n" in either replaced by n in each language."""
    form = one if n == 1 else many
    return Text(form.nl.replace("%n", format_number(n, "nl")),
                form.en.replace("%n", format_number(n, "en")))


FIGURES = (Text("%n cijfer", "%n figure"), Text("%n cijfers", "%n figures"))
STORIES = (Text("%n verhaal", "%n story"), Text("%n verhalen", "%n stories"))
EVENTS = (Text("%n gebeurtenis", "%n event"), Text("%n gebeurtenissen", "%n events"))
VALUES = (Text("%n waarde", "%n value"), Text("%n waarden", "%n values"))
ERRORS = (Text("%n fout", "%n error"), Text("%n fouten", "%n errors"))
WARNINGS = (Text("%n waarschuwing", "%n warning"), Text("%n waarschuwingen", "%n warnings"))
MORE = (Text("nog %n melding", "%n more"), Text("nog %n meldingen", "%n more"))


def count_of(n: int, word: tuple[Text, Text], lang: str) -> str:
    """`n` with its word (one of the pairs above) in `lang`: count_of(1, STORIES, "nl") -> '1 verhaal'."""
    return counted(n, *word).get(lang)


MESSAGE_CHARS = 2000  # the names one message lists; past this the rest are counted
_LISTED_MORE = (Text("en nog %n", "and %n more"), Text("en nog %n", "and %n more"))


def listed(names: Sequence[str], limit: int = MESSAGE_CHARS) -> Text:
    """'a, b, c', or the names that fit in `limit` characters and 'en nog 4.997' / 'and 4,997
    more': a story naming five thousand unknown series got all of them in one message. Each
    name is made printable and cut at `shorten`'s length; the first is always named."""
    shown: list[str] = []
    used = 0
    room = limit - 40  # kept for ", en nog 1.000.000"
    for name in names:
        text = shorten(shown_name(name))
        if shown and used + 2 + len(text) > room:
            break
        shown.append(text)
        used += len(text) + (2 if len(shown) > 1 else 0)
    more = len(names) - len(shown)
    head = ", ".join(shown)
    if not more:
        return Text(head, head)
    tail = counted(more, *_LISTED_MORE)
    return Text(f"{head} {tail.nl}", f"{head} {tail.en}")
