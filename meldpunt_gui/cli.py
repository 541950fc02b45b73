"""Command line: the parser, the GUI launch and the dispatch to the subcommands (DESIGN §4),
which live in cli_commands.py.

Qt is imported only by the subcommands that need it (the GUI and `screenshot`), so `list-metrics`,
`check` and data exports run on a machine without a display. Errors are one sentence, exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from meldpunt_gui import __version__
from meldpunt_gui import cli_commands as commands
from meldpunt_gui.cli_commands import (
    BRIEFING_FORMATS,
    CHART_FORMATS,
    DATA_FORMATS,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    VIEW_MODES,
)
from meldpunt_gui.cli_help import help_text
from meldpunt_gui.cli_language import LocalParser, UsageError, language_of
from meldpunt_gui.cli_output import SafeStream

if TYPE_CHECKING:  # the data model is imported by the commands that use it, not by the GUI start

    pass

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "UsageError", "build_parser", "gui_main", "main"]


def _mode_options(p: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    p.add_argument("--mode", choices=VIEW_MODES, help=h("mode"))
    p.add_argument("--base-year", type=int, help=h("base_year"))


def _view_options(p: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    p.add_argument("--story", help=h("story"))
    p.add_argument("--metrics", help=h("metrics"))
    p.add_argument("--years", help=h("years"))
    p.add_argument("--periods", choices=("year", "half"), help=h("periods"))


def _common(_Parser: type[LocalParser], h: Callable[[str], str]) -> LocalParser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=h("lang"))
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=h("data_dir"))
    common.add_argument("--portable", action="store_true", default=argparse.SUPPRESS, help=h("portable"))
    return common


def build_parser(lang: str = "nl", prog: str = "meldpunt") -> argparse.ArgumentParser:
    """The command line's parser, speaking `lang` in its usage, help and error messages."""
    _Parser = LocalParser.for_language(lang)

    def h(key: str) -> str:
        return help_text(key, lang)

    common = _common(_Parser, h)
    parser = _Parser(prog=prog, parents=[common], description=h("description"))
    parser.add_argument("--version", action="version", version=f"{prog} {__version__}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("list-metrics", parents=[common], help=h("list-metrics"))
    p.add_argument("--json", action="store_true", help=h("json"))
    p = sub.add_parser("list-stories", parents=[common], help=h("list-stories"))
    p.add_argument("--json", action="store_true", help=h("json"))
    p = sub.add_parser("screenshot", parents=[common], help=h("screenshot"))
    p.add_argument("--out", type=Path, required=True, help=h("out"))
    _view_options(p, h)
    p.add_argument("--size", default="1400x860", help=h("size"))
    _mode_options(p, h)
    p = sub.add_parser("export", parents=[common], help=h("export"))
    _view_options(p, h)
    p.add_argument("--format", choices=DATA_FORMATS + CHART_FORMATS + BRIEFING_FORMATS, required=True,
                   help=h("format"))
    p.add_argument("--out", type=Path, required=True, help=h("out"))
    p.add_argument("--width", type=int, default=1200, help=h("width"))
    p.add_argument("--height", type=int, default=700, help=h("height"))
    p.add_argument("--scale", type=float, default=1.0, help=h("scale"))
    p.add_argument("--definitions", action="store_true", help=h("definitions"))
    p.add_argument("--extended", action="store_true", help=h("extended"))
    _mode_options(p, h)
    read_opts = _Parser(add_help=False)
    read_opts.add_argument("--number-style", choices=("nl", "en"), help=h("number_style"))
    read_opts.add_argument("--delimiter", choices=(";", ",", "tab"), help=h("delimiter"))
    read_opts.add_argument("--encoding", help=h("encoding"))
    read_opts.add_argument("--sheet", help=h("sheet"))
    p = sub.add_parser("check", parents=[common, read_opts], help=h("check"))
    p.add_argument("file", type=Path, help=h("file"))
    p = sub.add_parser("import", parents=[common, read_opts], help=h("import"))
    p.add_argument("file", type=Path, help=h("file"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    p = sub.add_parser("imports", parents=[common], help=h("imports"))
    p.add_argument("--json", action="store_true", help=h("json"))
    p.add_argument("--undo", type=int, help=h("undo"))
    p = sub.add_parser("pack", parents=[common], help=h("pack"))
    packs = p.add_subparsers(dest="pack_command", required=True)
    q = packs.add_parser("export", parents=[common], help=h("pack.export"))
    q.add_argument("--out", type=Path, required=True, help=h("out"))
    q.add_argument("--name", help=h("name"))
    q = packs.add_parser("import", parents=[common], help=h("pack.import"))
    q.add_argument("file", type=Path, help=h("pack.file"))
    q.add_argument("--yes", action="store_true", help=h("yes"))
    p = sub.add_parser("install-desktop-entry", parents=[common], help=h("install-desktop-entry"))
    p.add_argument("--prefix", type=Path, help=h("prefix"))
    return parser


def gui_main() -> int:
    """The `meldpunt-gui` entry: opens the window, and runs the same subcommands as `meldpunt`.
    On Windows a window program has no console (sys.stdout is None); output then goes nowhere
    instead of failing, and the exit code still tells."""

    out = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # open as long as the process
    err = sys.stderr or out
    return main(out=out, err=err, prog="meldpunt-gui")


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None,
         prog: str = "meldpunt") -> int:
    """The `meldpunt` console entry (and `python -m meldpunt_gui`): prints and exits with a code."""
    return _main(argv, cast("TextIO", SafeStream(out or sys.stdout)),
                 cast("TextIO", SafeStream(err or sys.stderr)), prog)


def _main(argv: list[str] | None, out: TextIO, err: TextIO, prog: str) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language_of(argv)
    try:
        args = build_parser(lang, prog).parse_args(argv)
        lang = getattr(args, "lang", None) or lang
        args._lang, args._err = lang, err
        return _dispatch(args, lang, out, err)
    except UsageError as exc:
        err.write(f"{prog}: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # output piped into e.g. `head`, which stopped reading: not an error worth a traceback
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from meldpunt_gui.model.view import SelectionError

        if isinstance(exc, SelectionError):
            err.write(f"{prog}: {exc.text(lang)}\n")
            return EXIT_USAGE
        store_error = sys.modules.get("meldpunt_gui.data.store_errors")  # loaded if a store was read
        if store_error is not None and isinstance(exc, store_error.StoreError):
            # the values of a large store are read when a view asks for them: a damaged page or a
            # lock held by another program is found then, in any command
            err.write(f"{prog}: {exc.message.get(lang)}\n")
            return EXIT_USAGE
        raise


def _dispatch(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    if args.command is None:
        from meldpunt_gui.app import run_gui

        location = commands.location(args)
        return run_gui(location.folder, getattr(args, "lang", None), portable=location.portable)
    if args.command == "install-desktop-entry":
        return commands.cmd_desktop_entry(args, lang, out, err)
    if args.command in ("export", "screenshot", "pack"):  # --out never replaces the store or settings
        from meldpunt_gui.files.own_files import guard_data_folder

        guard_data_folder(commands.data_folder(args))
    try:
        ds = commands.load(args)
    except ValueError as exc:
        err.write(commands.messages()["no_data"].get(lang).format(err=exc) + "\n")
        return EXIT_USAGE
    if args.command == "list-metrics":
        return commands.cmd_list_metrics(ds, lang, args.json, out)
    if args.command == "list-stories":
        return commands.cmd_list_stories(ds, args, lang, out)
    if args.command == "screenshot":
        return commands.cmd_screenshot(args, ds, lang, out, err)
    if args.command == "export":
        return commands.cmd_export(args, ds, lang, out, err)
    if args.command == "pack":
        return commands.cmd_pack(args, ds, lang, out, err)
    from meldpunt_gui.imports import commands as import_cli

    read = {"number_style": args.number_style, "encoding": args.encoding, "sheet": args.sheet,
            "delimiter": "\t" if args.delimiter == "tab" else args.delimiter} \
        if args.command in ("check", "import") else {}
    # both take the bundled data and lay the user's own store over it themselves
    if args.command == "check":
        return import_cli.cmd_check(args.file, ds, lang, out, err, store_dir=commands.data_folder(args),
                                    **read)
    if args.command == "import":
        return import_cli.cmd_import(args.file, ds, commands.data_folder(args), lang, args.yes, out, err,
                                     **read)
    return import_cli.cmd_imports(commands.data_folder(args), lang, args.json, args.undo, out, err)


