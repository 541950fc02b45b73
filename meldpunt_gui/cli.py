"""Command line: the parser, the GUI launch and the dispatch to the subcommands (DESIGN §4),
which live in cli_commands.py.

Qt is imported only by the subcommands that need it (the GUI and `screenshot`), so `list-metrics`,
`check` and data exports run on a machine without a display. Errors are one sentence, exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

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
from meldpunt_gui.cli_language import LocalParser, UsageError, language_of

if TYPE_CHECKING:  # the data model is imported by the commands that use it, not by the GUI start

    pass

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "UsageError", "build_parser", "gui_main", "main"]


def _mode_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mode", choices=VIEW_MODES, help="absolute, index, change or log")
    p.add_argument("--base-year", type=int, help="the index's year = 100 (with --mode index)")


def _common(_Parser: type[LocalParser]) -> LocalParser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS,
                        help="taal / language (nl default)")
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="map voor eigen gegevens en instellingen / folder for user data")
    common.add_argument("--portable", action="store_true", default=argparse.SUPPRESS,
                        help="gegevens en instellingen naast het programma / data beside the program")
    return common


def build_parser(lang: str = "nl", prog: str = "meldpunt") -> argparse.ArgumentParser:
    """The command line's parser, speaking `lang` in its usage, help and error messages."""
    _Parser = LocalParser.for_language(lang)
    common = _common(_Parser)
    parser = _Parser(prog=prog, parents=[common],
                     description="Meldpunt viewer: cijfers van het Meldpunt Kinderporno (Offlimits)")
    parser.add_argument("--version", action="version", version=f"{prog} {__version__}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("list-metrics", parents=[common], help="reeksen / series")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("list-stories", parents=[common], help="verhalen / curated views")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("screenshot", parents=[common], help="render the window to PNG")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--story")
    p.add_argument("--metrics")
    p.add_argument("--years")
    p.add_argument("--periods", choices=("year", "half"))
    p.add_argument("--size", default="1400x860")
    _mode_options(p)
    p = sub.add_parser("export", parents=[common], help="export data")
    p.add_argument("--metrics")
    p.add_argument("--story")
    p.add_argument("--years")
    p.add_argument("--periods", choices=("year", "half"))
    p.add_argument("--format", choices=DATA_FORMATS + CHART_FORMATS + BRIEFING_FORMATS, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=700)
    p.add_argument("--scale", type=float, default=1.0, help="2 for HiDPI PNG")
    p.add_argument("--definitions", action="store_true", help="add the definitions under the chart")
    p.add_argument("--extended", action="store_true",
                   help="briefing/docx: add the appendix (definitions, background, table, events)")
    _mode_options(p)
    read_opts = _Parser(add_help=False)
    read_opts.add_argument("--number-style", choices=("nl", "en"))
    read_opts.add_argument("--delimiter", choices=(";", ",", "tab"))
    read_opts.add_argument("--encoding")
    read_opts.add_argument("--sheet")
    p = sub.add_parser("check", parents=[common, read_opts], help="validate an import file")
    p.add_argument("file", type=Path)
    p = sub.add_parser("import", parents=[common, read_opts],
                       help="import a file into the user store")
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true")
    p = sub.add_parser("imports", parents=[common], help="list or undo imports")
    p.add_argument("--json", action="store_true")
    p.add_argument("--undo", type=int)
    p = sub.add_parser("pack", parents=[common], help="pakketten / data packs")
    packs = p.add_subparsers(dest="pack_command", required=True)
    q = packs.add_parser("export", parents=[common], help="own figures, events and stories as one file")
    q.add_argument("--out", type=Path, required=True)
    q.add_argument("--name", help="naam van de afzender / the sender's name")
    q = packs.add_parser("import", parents=[common], help="import a colleague's pack")
    q.add_argument("file", type=Path)
    q.add_argument("--yes", action="store_true")
    p = sub.add_parser("install-desktop-entry", parents=[common],
                       help="menu entry, icon and metainfo (Linux desktops)")
    p.add_argument("--prefix", type=Path, help="default ~/.local/share; /usr/local/share for everyone")
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
    out = out or sys.stdout
    err = err or sys.stderr
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

        if not isinstance(exc, SelectionError):
            raise
        err.write(f"{prog}: {exc.text(lang)}\n")
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    if args.command is None:
        from meldpunt_gui.app import run_gui

        location = commands.location(args)
        return run_gui(location.folder, getattr(args, "lang", None), portable=location.portable)
    if args.command == "install-desktop-entry":
        return commands.cmd_desktop_entry(args, lang, out, err)
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


