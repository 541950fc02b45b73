"""Command line: the GUI launch and the headless subcommands (DESIGN §4).

Qt is imported only by the subcommands that need it (the GUI and `screenshot`), so `list-metrics`,
`check` and data exports run on a machine without a display. Errors are one sentence, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__

if TYPE_CHECKING:  # the data model is imported by the commands that use it, not by the GUI start
    from .domain import Dataset, Text
    from .view import ViewState

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DATA_FORMATS = ("csv", "xlsx")
CHART_FORMATS = ("png", "svg", "pdf")


@cache
def messages() -> dict[str, Text]:
    from .domain import Text  # noqa: PLC0415

    return {
        "no_data": Text("Kan de meegeleverde gegevens niet laden: {err}",
                        "Cannot load the bundled data: {err}"),
        "size": Text("Ongeldige grootte '{v}': gebruik bijvoorbeeld 1400x860.",
                     "Invalid size '{v}': use for example 1400x860."),
        "saved": Text("Opgeslagen: {path}", "Saved: {path}"),
        "save_failed": Text("Opslaan mislukt: {err}", "Saving failed: {err}"),
        "no_periods": Text("Geen perioden met gegevens in deze selectie.",
                           "No periods with data in this selection."),
        "pixels": Text("Ongeldige afmeting: breedte en hoogte moeten tussen 200 en 8000 pixels"
                       " liggen, de schaal tussen 1 en 4.",
                       "Invalid size: width and height must be between 200 and 8000 pixels,"
                       " the scale between 1 and 4."),
    }


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one sentence and exit 2 (no usage dump)."""

    def error(self, message: str):  # noqa: D102
        raise UsageError(message)


def _common() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS,
                        help="taal / language (nl default)")
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="map voor eigen gegevens en instellingen / folder for user data")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(prog="meldpunt-gui", parents=[common],
                     description="Meldpunt viewer: cijfers van het Meldpunt Kinderporno (Offlimits)")
    parser.add_argument("--version", action="version", version=f"meldpunt-gui {__version__}")
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
    p = sub.add_parser("export", parents=[common], help="export data")
    p.add_argument("--metrics")
    p.add_argument("--story")
    p.add_argument("--years")
    p.add_argument("--periods", choices=("year", "half"))
    p.add_argument("--format", choices=DATA_FORMATS + CHART_FORMATS + ("briefing",), required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=700)
    p.add_argument("--scale", type=float, default=1.0, help="2 for HiDPI PNG")
    p.add_argument("--definitions", action="store_true", help="add the definitions under the chart")
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
    return parser


def _state(ds: Dataset, args: argparse.Namespace) -> ViewState:
    from .view import SelectionError, ViewState, parse_metric_list, parse_year_range  # noqa: PLC0415

    """A story first (if given), then explicit metrics/years/periods on top of it."""
    state = ViewState()
    if getattr(args, "story", None):
        story = next((s for s in _stories(ds, args) if s.id == args.story), None)
        if story is None:
            raise SelectionError(
                f"Onbekend verhaal: {args.story}. Zie 'meldpunt-gui list-stories'.",
                f"Unknown story: {args.story}. See 'meldpunt-gui list-stories'.")
        state = story.state()
    elif getattr(args, "command", "") == "export" and not getattr(args, "metrics", None):
        raise SelectionError("Geef --metrics of --story.", "Give --metrics or --story.")
    if getattr(args, "metrics", None):
        state = state.with_(metrics=parse_metric_list(ds, args.metrics))
    if getattr(args, "years", None):
        first, last = parse_year_range(args.years)
        state = state.with_(first_year=first, last_year=last)
    if getattr(args, "periods", None):
        state = state.with_(granularity=args.periods)
    return state


def _stories(ds: Dataset, args: argparse.Namespace):
    from .stories import load_stories, story_folders  # noqa: PLC0415

    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
    return load_stories(ds, story_folders(data_dir))[0]


def cmd_list_stories(ds: Dataset, args, lang: str, out: TextIO) -> int:
    stories = _stories(ds, args)
    if args.json:
        json.dump([{"id": s.id, "title": s.title.get(lang), "text": s.text.get(lang),
                    "metrics": list(s.metrics), "years": [s.first_year, s.last_year],
                    "periods": s.granularity, "mode": s.mode,
                    "highlight": [str(p) for p in s.highlight]} for s in stories],
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for s in stories:
        out.write(f"{s.id:<20} {s.title.get(lang)} ({', '.join(s.metrics)}; "
                  f"{s.first_year}-{s.last_year})\n")
    return EXIT_OK


def _periods_text(ds: Dataset, metric: str) -> str:
    """'1996, 2006-2007, 2021-H1' - compact runs of years with data."""
    out, run = [], []
    for p in ds.periods_with_data(metric):
        if p.half:
            out.append(str(p))
            continue
        if run and p.year == run[-1] + 1:
            run.append(p.year)
        else:
            if run:
                out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
            run = [p.year]
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(sorted(out, key=lambda s: s[:4]))


def cmd_list_metrics(ds: Dataset, lang: str, as_json: bool, out: TextIO) -> int:
    rows = []
    for m in ds.metrics.values():
        rows.append({
            "id": m.id, "label": m.label.get(lang), "unit": m.unit,
            "unit_label": ds.units[m.unit].label.get(lang), "category": m.category,
            "periods": [str(p) for p in ds.periods_with_data(m.id)],
        })
    if as_json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows) if rows else 10
    for r, m in zip(rows, ds.metrics.values()):
        out.write(f"{r['id']:<{width}}  {r['label']} [{r['unit_label']}] "
                  f"({r['category']}): {_periods_text(ds, m.id)}\n")
    return EXIT_OK


def _data_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "data_dir", None)
    if given:
        return Path(given)
    from .app import default_data_dir  # noqa: PLC0415 - Qt only for the path lookup

    return default_data_dir()


def _load(args: argparse.Namespace) -> Dataset:
    from .bundled import load_bundled  # noqa: PLC0415

    ds = load_bundled()
    if args.command in ("export", "list-metrics", "list-stories"):
        try:
            from .store import UserStore  # noqa: PLC0415
        except ImportError:
            return ds
        ds = UserStore.open(_data_dir(args)).overlay(ds)
        from .user_events import with_user_events  # noqa: PLC0415

        ds = with_user_events(ds, _data_dir(args))[0]
    return ds


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = "en" if "en" in [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--lang"] else "nl"
    try:
        args = build_parser().parse_args(argv)
        lang = getattr(args, "lang", None) or lang
        return _dispatch(args, lang, out, err)
    except UsageError as exc:
        err.write(f"meldpunt-gui: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # output piped into e.g. `head`, which stopped reading: not an error worth a traceback
        import os  # noqa: PLC0415

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from .view import SelectionError  # noqa: PLC0415

        if not isinstance(exc, SelectionError):
            raise
        err.write(f"meldpunt-gui: {exc.text(lang)}\n")
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    if args.command is None:
        from .app import run_gui  # noqa: PLC0415

        return run_gui(_data_dir(args), getattr(args, "lang", None))
    try:
        ds = _load(args)
    except ValueError as exc:
        err.write(messages()["no_data"].get(lang).format(err=exc) + "\n")
        return EXIT_USAGE
    if args.command == "list-metrics":
        return cmd_list_metrics(ds, lang, args.json, out)
    if args.command == "list-stories":
        return cmd_list_stories(ds, args, lang, out)
    if args.command == "screenshot":
        return _cmd_screenshot(args, ds, lang, out, err)
    if args.command == "export":
        return _cmd_export(args, ds, lang, out, err)
    from . import import_cli  # noqa: PLC0415

    read = {"number_style": args.number_style, "encoding": args.encoding, "sheet": args.sheet,
            "delimiter": "\t" if args.delimiter == "tab" else args.delimiter} \
        if args.command in ("check", "import") else {}
    # both take the bundled data and lay the user's own store over it themselves
    if args.command == "check":
        return import_cli.cmd_check(args.file, ds, lang, out, err, store_dir=_data_dir(args),
                                    **read)
    if args.command == "import":
        return import_cli.cmd_import(args.file, ds, _data_dir(args), lang, args.yes, out, err,
                                     **read)
    return import_cli.cmd_imports(_data_dir(args), lang, args.json, args.undo, out, err)


def _cmd_screenshot(args, ds: Dataset, lang: str, out: TextIO, err: TextIO) -> int:
    state = _state(ds, args)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        if not (200 <= w <= 8000 and 200 <= h <= 8000):
            raise ValueError
    except ValueError:
        err.write(messages()["size"].get(lang).format(v=args.size) + "\n")
        return EXIT_USAGE
    from .app import screenshot  # noqa: PLC0415
    from .safewrite import SaveError  # noqa: PLC0415

    try:
        screenshot(args.out, _data_dir(args), getattr(args, "lang", None) or lang, state, (w, h))
    except SaveError as exc:
        err.write(messages()["save_failed"].get(lang).format(err=exc.text.get(lang)) + "\n")
        return EXIT_USAGE
    out.write(messages()["saved"].get(lang).format(path=args.out) + "\n")
    return EXIT_OK


def _cmd_export(args, ds: Dataset, lang: str, out: TextIO, err: TextIO) -> int:
    from .safewrite import SaveError  # noqa: PLC0415
    from .view import selected_periods  # noqa: PLC0415

    state = _state(ds, args)
    try:
        if args.format in DATA_FORMATS:
            from .exporters import export_data  # noqa: PLC0415

            export_data(args.out, args.format, ds, list(state.metrics),
                        selected_periods(ds, state), lang)
        else:
            if not (200 <= args.width <= 8000 and 200 <= args.height <= 8000
                    and 1 <= args.scale <= 4):
                err.write(messages()["pixels"].get(lang) + "\n")
                return EXIT_USAGE
            _render_export(args, ds, state, lang)
    except SaveError as exc:
        err.write(messages()["save_failed"].get(lang).format(err=exc.text.get(lang)) + "\n")
        return EXIT_USAGE
    out.write(messages()["saved"].get(lang).format(path=args.out) + "\n")
    return EXIT_OK


def _render_export(args, ds: Dataset, state: ViewState, lang: str) -> None:
    """Chart and briefing exports need Qt to paint, but never a screen."""
    import os  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import application  # noqa: PLC0415

    application()
    if args.format == "briefing":
        from .ui.briefing import export_briefing  # noqa: PLC0415

        export_briefing(args.out, ds, state, lang)
    else:
        from .ui.chart_export import export_chart  # noqa: PLC0415

        export_chart(args.out, args.format, ds, state, lang, args.width, args.height,
                     args.scale, args.definitions)
