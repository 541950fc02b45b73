"""argparse in the user's language: its own messages, usage line and section titles in Dutch.

argparse writes its messages in English through gettext, bound when it is imported; shipping a
gettext catalogue for one module is more machinery than the dozen sentences it has. So the parser
maps them: `translate` turns each English message argparse can produce (Python 3.10-3.13) into
Dutch, and `LocalParser` uses it for errors and sets the usage prefix, section titles and the help
of -h and --version. `--lang` is read from argv before parsing (`language_of`), because the
parser must speak the language before it has understood anything.

argparse's own gettext lookups are replaced by the English text itself (`_english`): they
searched the disk for a catalogue at every section title, help line and message (some forty
times per command, 3-5 ms of each start), and where a system has a catalogue for argparse they
would hand `translate` messages it cannot match.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NoReturn

# (English as argparse writes it, Dutch); names in the match are kept as they are. Compiled on
# the first message only: most commands parse without one.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (?P<a>.*)$", "deze argumenten zijn verplicht: {a}"),
    (r"^invalid choice: (?P<v>.*?) \(choose from (?P<c>.*)\)$", "ongeldige keuze: {v} (kies uit {c})"),
    (r"^unrecognized arguments: (?P<a>.*)$", "onbekende argumenten: {a}"),
    (r"^expected one argument$", "verwacht één waarde"),
    (r"^expected at most one argument$", "verwacht hoogstens één waarde"),
    (r"^expected at least one argument$", "verwacht ten minste één waarde"),
    (r"^expected (?P<n>\d+) arguments?$", "verwacht {n} waarden"),
    (r"^invalid (?P<t>\w+) value: (?P<v>.*)$", "ongeldige waarde{t}: {v}"),
    (r"^not allowed with argument (?P<a>.*)$", "niet toegestaan samen met argument {a}"),
    (r"^ambiguous option: (?P<o>.*?) could match (?P<m>.*)$", "dubbelzinnige optie: {o} kan zijn: {m}"),
    (r"^one of the arguments (?P<a>.*) is required$", "een van de argumenten {a} is verplicht"),
    (r"^ignored explicit argument (?P<a>.*)$", "genegeerde waarde bij optie: {a}"),
    (r"^argument (?P<n>.*?): (?P<m>.*)$", "argument {n}: {m}"),
)


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


argparse._ = _english  # type: ignore[attr-defined]  # see the module's docstring
argparse.ngettext = _english_plural  # type: ignore[attr-defined]
_TYPES = {"int": " (een geheel getal)", "float": " (een getal)", "Path": " (een pad)"}
USAGE = {"nl": "gebruik: ", "en": "usage: "}
TITLES = {"nl": ("positionele argumenten", "opties"), "en": ("positional arguments", "options")}
HELP = {"nl": ("toon deze hulp en stop", "toon het versienummer en stop"),
        "en": ("show this help message and exit", "show program's version number and exit")}


def translate(message: str, lang: str) -> str:
    """An argparse message in `lang` ('nl' or 'en'); one argparse does not know stays as it is."""
    if lang != "nl":
        return message
    for pattern, dutch in _compiled():
        m = pattern.match(message)
        if m:
            parts = m.groupdict()
            if "m" in parts:  # "argument --x: <a message of its own>"
                parts["m"] = translate(parts["m"], lang)
            if "t" in parts:
                parts["t"] = _TYPES.get(parts["t"], "")
            return dutch.format(**parts)
    return message


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(en, re.S), nl) for en, nl in _MESSAGES)


def language_of(argv: Sequence[str], default: str = "nl") -> str:
    """The value of `--lang` (`--lang en` or `--lang=en`) in argv, before anything is parsed."""
    lang = default
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("nl", "en") else default


class UsageError(Exception):
    """A bad argument: one sentence in the user's language, exit 2."""


class LocalParser(argparse.ArgumentParser):
    """argparse that speaks `lang` and reports a bad argument as one sentence (no usage dump).

    Subparsers are made with the parser's own class, so `LocalParser.For(lang)` covers them too.
    """

    lang = "nl"

    def __init__(self, *args: Any, parents: Sequence[argparse.ArgumentParser] = (), **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter(self.lang))
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = TITLES[self.lang]
        for parent in parents:  # as argparse adds them, now that the section titles match
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP[self.lang][0]

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", HELP[self.lang][1])
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(translate(message, self.lang))

    @classmethod
    def for_language(cls, lang: str) -> type[LocalParser]:
        """The parser class for `lang`."""
        return type(f"LocalParser_{lang}", (cls,), {"lang": lang if lang in USAGE else "nl"})


def _columns() -> int:
    """The terminal's width, read without `shutil` (which loads the compression modules: 3 ms of
    every command, help or not)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


@cache  # one class per language, not one per parser and subparser
def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                     width: int | None = None) -> None:
            super().__init__(prog, indent_increment, max_help_position,
                             width if width is not None else _columns() - 2)

        def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, USAGE[lang] if prefix is None else prefix)

    return Formatter
