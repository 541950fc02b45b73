"""Counted words in the core's own texts ("1 verhaal", "2 verhalen"), as Qt's %n does in ui/.

The command line and the files' messages are made without Qt, so they cannot use `tr(..., n)`;
this is their one place for it. Both languages have one form for 1 and another for the rest
(0 included: "0 verhalen", "0 stories"). The count is written by the one number formatter, so
"1.200 cijfers" groups as every other number does.
"""

from __future__ import annotations

from meldpunt_gui.model.bilingual import Text
from meldpunt_gui.text.formatting import format_number


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
