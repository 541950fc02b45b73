"""The command line's subcommands: list, export, screenshot, pack and the desktop entry, with
the selection and data loading they share. `meldpunt_gui.cli` parses and dispatches to them.

Loads no Qt at import: the data commands run on a machine without a display; `screenshot` and
the chart and briefing exports import the window's drawing code when they run.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the data model is imported by the commands that use it
    from collections.abc import Iterable

    from meldpunt_gui.data.file_problems import Reportable
    from meldpunt_gui.data.stories import Story
    from meldpunt_gui.files.locations import DataLocation
    from meldpunt_gui.model.domain import Dataset, Text
    from meldpunt_gui.model.view import ViewState

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DATA_FORMATS = ("csv", "xlsx")
CHART_FORMATS = ("png", "svg", "pdf")
BRIEFING_FORMATS = ("briefing", "docx")
VIEW_MODES = ("absolute", "index", "change", "log")


@cache
def messages() -> dict[str, Text]:
    from meldpunt_gui.model.domain import Text

    return {
        "no_data": Text("Kan de meegeleverde gegevens niet laden: {err}",
                        "Cannot load the bundled data: {err}"),
        "size": Text("Ongeldige grootte '{v}': gebruik bijvoorbeeld 1400x860.",
                     "Invalid size '{v}': use for example 1400x860."),
        "saved": Text("Opgeslagen: {path}", "Saved: {path}"),
        "store_skipped": Text("Alleen de meegeleverde cijfers zijn gebruikt.", "Only the bundled figures were used."),
        "save_failed": Text("Opslaan mislukt: {err}", "Saving failed: {err}"),
        "no_periods": Text("Geen perioden met gegevens in deze selectie.",
                           "No periods with data in this selection."),
        "pixels": Text("Ongeldige afmeting: breedte en hoogte moeten tussen 200 en 8000 pixels"
                       " liggen, de schaal tussen 1 en 4.",
                       "Invalid size: width and height must be between 200 and 8000 pixels,"
                       " the scale between 1 and 4."),
    }



def view_state(ds: Dataset, args: argparse.Namespace) -> ViewState:
    """A story first (if given), then explicit metrics/years/periods on top of it."""
    from meldpunt_gui.model.view import (
        SelectionError,
        ViewState,
        parse_metric_list,
        parse_year_range,
        year_range,
    )

    state = ViewState()
    if getattr(args, "story", None):
        story = next((s for s in read_stories(ds, args) if s.id == args.story), None)
        if story is None:
            raise SelectionError(
                f"Onbekend verhaal: {args.story}. Zie 'meldpunt list-stories'.",
                f"Unknown story: {args.story}. See 'meldpunt list-stories'.")
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
    if getattr(args, "mode", None):
        state = state.with_(mode=args.mode)
    if getattr(args, "base_year", None) is not None:
        first, last = year_range(ds, state)
        if not first <= args.base_year <= last:
            raise SelectionError(
                f"Basisjaar {args.base_year} ligt niet in {first}-{last}.",
                f"Base year {args.base_year} is not in {first}-{last}.")
        state = state.with_(base_year=args.base_year)
    return state


def read_stories(ds: Dataset, args: argparse.Namespace) -> list[Story]:
    from meldpunt_gui.data.stories import load_stories, story_folders

    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
    stories, problems = load_stories(ds, story_folders(data_dir))
    left_out(problems, args)
    return stories


def left_out(problems: Iterable[Reportable], args: argparse.Namespace) -> None:
    """What a file in the data folder lost, one line each on stderr; the command goes on."""
    lang = str(getattr(args, "lang", None) or getattr(args, "_lang", "nl"))
    tell([problem.format(lang) for problem in problems], args)


def tell(lines: list[str], args: argparse.Namespace) -> None:
    """Each line once on stderr, however many steps of a command read the same file."""
    err = getattr(args, "_err", None) or sys.stderr
    told: set[str] = args.__dict__.setdefault("_told", set())
    for line in lines:
        if line not in told:
            told.add(line)
            err.write(f"meldpunt-gui: {line}\n")


def cmd_list_stories(ds: Dataset, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    stories = read_stories(ds, args)
    if args.json:
        import json

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
    out: list[str] = []
    run: list[int] = []
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
    ds.load(list(ds.metrics))  # every series' periods: one read of the store, not one per series
    rows = []
    for m in ds.metrics.values():
        rows.append({
            "id": m.id, "label": m.label.get(lang), "unit": m.unit,
            "unit_label": ds.units[m.unit].label.get(lang), "category": m.category,
            "periods": [str(p) for p in ds.periods_with_data(m.id)],
        })
    if as_json:
        import json

        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows) if rows else 10
    for r, m in zip(rows, ds.metrics.values()):
        out.write(f"{r['id']:<{width}}  {r['label']} [{r['unit_label']}] "
                  f"({r['category']}): {_periods_text(ds, m.id)}\n")
    return EXIT_OK


def location(args: argparse.Namespace) -> DataLocation:
    from meldpunt_gui.files.locations import data_location

    return data_location(getattr(args, "data_dir", None), getattr(args, "portable", False))


def data_folder(args: argparse.Namespace) -> Path:
    """The data folder the window uses too, found without Qt (files/locations.py)."""
    return location(args).folder


def load(args: argparse.Namespace) -> Dataset:
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    if args.command in ("export", "list-metrics", "list-stories", "screenshot"):
        from meldpunt_gui.data.assemble import assemble_dataset
        from meldpunt_gui.files.locations import STORE_NAME

        folder = data_folder(args)
        store = folder / STORE_NAME
        if not store.exists() and not store.is_symlink():  # no own values: no store to open or make
            ds, problems = assemble_dataset(ds, None, folder)
        else:
            try:
                from meldpunt_gui.data.store import StoreError, UserStore
            except ImportError:
                return ds
            try:
                opened = UserStore.open(folder)
            except StoreError as exc:  # a link loop, a locked or unreadable store: the window
                # starts on the bundled figures then, and so does a command, saying why
                lang = str(getattr(args, "lang", None) or getattr(args, "_lang", "nl"))
                tell([exc.message.get(lang) + " " + messages()["store_skipped"].get(lang)], args)
                ds, problems = assemble_dataset(ds, None, folder)
            else:
                if opened.message is not None:  # set aside, or rows left out: said, as the window says it
                    lang = str(getattr(args, "lang", None) or getattr(args, "_lang", "nl"))
                    tell([opened.message.get(lang)], args)
                ds, problems = assemble_dataset(ds, opened, folder)
        left_out(problems, args)
    return ds


def cmd_desktop_entry(args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from meldpunt_gui.files.desktop_entry import install
    from meldpunt_gui.model.domain import Text

    if sys.platform == "win32" or sys.platform == "darwin":
        err.write(Text("Een menu-item volgens freedesktop is er alleen op Linux; zie de README voor een "
                       "snelkoppeling op Windows.",
                       "A freedesktop menu entry exists on Linux only; see the README for a shortcut on "
                       "Windows.").get(lang) + "\n")
        return EXIT_USAGE
    from meldpunt_gui.files.safewrite import SaveError

    try:
        written = install(args.prefix)
    except SaveError as exc:
        err.write(messages()["save_failed"].get(lang).format(err=exc.text.get(lang)) + "\n")
        return EXIT_USAGE
    except OSError as exc:  # a folder that cannot be made, an icon that cannot be copied
        from meldpunt_gui.files.os_reason import os_reason

        err.write(messages()["save_failed"].get(lang).format(err=os_reason(exc).get(lang)) + "\n")
        return EXIT_USAGE
    out.write(Text(f"Menu-item geïnstalleerd: {written[0]}", f"Menu entry installed: {written[0]}").get(lang)
              + "\n")
    return EXIT_OK


def cmd_pack(args: argparse.Namespace, ds: Dataset, lang: str, out: TextIO, err: TextIO) -> int:
    from meldpunt_gui.imports import pack_commands

    if args.pack_command == "export":
        name = args.name if args.name is not None else pack_commands.default_creator()
        return pack_commands.cmd_pack_export(args.out, ds, data_folder(args), name, lang, out, err)
    return pack_commands.cmd_pack_import(args.file, ds, data_folder(args), lang, args.yes, out, err)


def cmd_screenshot(args: argparse.Namespace, ds: Dataset, lang: str, out: TextIO, err: TextIO) -> int:
    state = view_state(ds, args)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        if not (200 <= w <= 8000 and 200 <= h <= 8000):
            raise ValueError
    except ValueError:
        err.write(messages()["size"].get(lang).format(v=args.size) + "\n")
        return EXIT_USAGE
    from meldpunt_gui.app import screenshot
    from meldpunt_gui.files.safewrite import SaveError, resolve_target

    try:
        target = resolve_target(args.out)
        told = screenshot(args.out, data_folder(args), getattr(args, "lang", None) or lang, state,
                          (w, h))
    except SaveError as exc:
        err.write(messages()["save_failed"].get(lang).format(err=exc.text.get(lang)) + "\n")
        return EXIT_USAGE
    tell(told, args)
    out.write(messages()["saved"].get(lang).format(path=target) + "\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, ds: Dataset, lang: str, out: TextIO, err: TextIO) -> int:
    from meldpunt_gui.exports.formats import suffix_conflict
    from meldpunt_gui.files.safewrite import SaveError, resolve_target
    from meldpunt_gui.model.view import selected_periods

    conflict = suffix_conflict(args.format, args.out)
    if conflict is not None:
        err.write(conflict.get(lang) + "\n")
        return EXIT_USAGE
    state = view_state(ds, args)
    try:
        target = resolve_target(args.out)  # refused before anything is drawn: a device, a folder
        if args.format in DATA_FORMATS:
            from meldpunt_gui.exports.data_export import export_data

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
    out.write(messages()["saved"].get(lang).format(path=target) + "\n")  # a link's file
    return EXIT_OK


def _render_export(args: argparse.Namespace, ds: Dataset, state: ViewState, lang: str) -> None:
    """Chart and briefing exports need Qt to paint, but never a screen."""

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from meldpunt_gui.app import application

    application()
    story = next((s for s in read_stories(ds, args) if s.id == state.story), None) if state.story else None
    if args.format == "briefing":
        from meldpunt_gui.ui.export.briefing import export_briefing

        export_briefing(args.out, ds, state, lang, story, args.extended)
    elif args.format == "docx":
        from meldpunt_gui.ui.export.briefing_docx import export_briefing_docx

        export_briefing_docx(args.out, ds, state, lang, story, args.extended)
    else:
        from meldpunt_gui.ui.export.chart_export import export_chart

        export_chart(args.out, args.format, ds, state, lang, args.width, args.height,
                     args.scale, args.definitions, story)
