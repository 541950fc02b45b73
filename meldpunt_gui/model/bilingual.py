"""A string in both languages of the program.

Data texts carry both languages, so nothing has to look them up; the vocabulary and the domain
both build on it, which is why it has a module of its own.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Text(NamedTuple):
    """Dutch and English; `get` falls back to Dutch, the program's default language."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


EMPTY = Text("", "")
