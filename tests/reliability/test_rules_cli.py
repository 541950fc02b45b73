"""argparse errors and help in the chosen language, for every subcommand (DESIGN §4)."""

from __future__ import annotations

import argparse
import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.cli import EXIT_USAGE, build_parser, main

RULES = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "reliability"))
RULES = settings(RULES, max_examples=min(RULES.max_examples, 200))
ENGLISH = ("usage", "the following arguments are required", "invalid choice", "unrecognized arguments",
           "expected one argument", "invalid int value", "invalid float value", "choose from")
REQUIRED = {"screenshot": ["--out"], "export": ["--format", "--out"], "check": ["file"], "import": ["file"]}
CHOICES = {"screenshot": "--periods", "export": "--format", "check": "--number-style",
           "import": "--delimiter", "list-metrics": "--lang", "list-stories": "--lang", "imports": "--lang"}
COMMANDS = sorted(CHOICES)


def complete(command: str) -> list[str]:
    """The arguments that make `command` valid, so one mistake can be added to them."""
    return {"screenshot": ["--out", "x.png"], "export": ["--format", "csv", "--out", "x.csv"],
            "check": ["f.csv"], "import": ["f.csv"]}.get(command, [])


def mistake(command: str, kind: str) -> list[str] | None:
    if kind == "missing":
        if command not in REQUIRED:
            return None
        return [command]
    if kind in ("choice", "no_value") and CHOICES[command] == "--lang":
        return None  # a wrong --lang leaves the default language: nothing to compare
    if kind == "int" and command == "imports":
        return [command, "--undo", "drie"]
    if kind == "choice":
        return [command, *complete(command), CHOICES[command], "zz"]
    if kind == "unknown":
        return [command, *complete(command), "--bogus"]
    if kind == "no_value":
        return [command, *complete(command), CHOICES[command]]
    if kind == "int":
        return [command, *complete(command), "--width", "breed"] if command == "export" else None
    return ["nocommand"]


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    code = main(argv, out=io.StringIO(), err=err)
    return code, err.getvalue()


@RULES
@given(st.sampled_from(COMMANDS), st.sampled_from(["missing", "choice", "unknown", "no_value", "int", "command"]),
       st.sampled_from(["nl", "en"]), st.sampled_from(["front", "back", "equals"]))
def test_every_argument_error_is_one_sentence_in_the_chosen_language(command, kind, lang, place):
    argv = mistake(command, kind)
    if argv is None:
        return
    lang_args = [f"--lang={lang}"] if place == "equals" else ["--lang", lang]
    argv = lang_args + argv if place != "back" or kind == "command" else argv[:1] + lang_args + argv[1:]
    code, text = run(argv)
    assert code == EXIT_USAGE and text.startswith("meldpunt: ") and text.count("\n") == 1
    low = text.lower()
    if lang == "nl":
        assert not any(word in low for word in ENGLISH), text
        assert any(word in low for word in ("verplicht", "ongeldige keuze", "onbekende argumenten",
                                            "verwacht", "ongeldige waarde")), text
    else:
        assert any(word in low for word in ENGLISH + ("expected",)), text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_in_the_chosen_language(lang, command, capsys):
    argv = ["--lang", lang] + ([command] if command else []) + ["--help"]
    with pytest.raises(SystemExit) as done:
        build_parser(lang).parse_args(argv)
    assert done.value.code == 0
    text = capsys.readouterr().out
    if lang == "nl":
        assert text.startswith("gebruik: ") and "opties:" in text and "toon deze hulp en stop" in text
        assert "usage:" not in text and "show this help" not in text
        assert text.count("opties:") == 1
    else:
        assert text.startswith("usage: ") and "options:" in text and "show this help message" in text


def _parsers(parser: argparse.ArgumentParser, path: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    """The parser and every subcommand's parser under it, with the command's words."""
    found = [(path, parser)]
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _parsers(sub, f"{path} {name}".strip())
    return found


def _helps(lang: str) -> dict[tuple[str, str], str]:
    """(command, option or subcommand) -> its help text, for the parser speaking `lang`."""
    helps: dict[tuple[str, str], str] = {}
    for path, parser in _parsers(build_parser(lang)):
        helps[(path, "(description)")] = parser.description or ""
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    helps[(path, choice.dest)] = choice.help or ""
            elif action.dest not in ("help", "version"):  # argparse's own, translated in cli_language
                helps[(path, action.option_strings[-1] if action.option_strings else action.dest)] = \
                    action.help or ""
    return helps


def test_every_option_and_command_is_explained_in_the_chosen_language():
    """Each subcommand and option has a help text, the Dutch help Dutch and the English one English:
    the same entries in both, none left empty, none the same text in both languages (an English
    text in the Dutch help, or the other way round, would be the same in both)."""
    nl, en = _helps("nl"), _helps("en")
    assert nl.keys() == en.keys()
    commands = {path for path, _ in nl}
    assert {"", "export", "screenshot", "check", "import", "pack", "pack export", "pack import"} <= commands
    empty = [key for key in nl if key[1] != "(description)" and key[0] and (not nl[key] or not en[key])]
    assert not empty, empty
    assert nl[("", "(description)")] and en[("", "(description)")]
    same = [key for key in nl if nl[key] and nl[key] == en[key]]
    assert not same, same
    assert "verandering" in nl[("export", "--mode")] and "change" in en[("export", "--mode")]
