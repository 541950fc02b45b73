"""`meldpunt pack export` and `meldpunt pack import`: the command-line side of data packs.

Import runs the same steps as `meldpunt import`: the summary of what changes, the problems with
file, line and column, a question (unless --yes), one entry in the import log to undo.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from meldpunt_gui.data.store import StoreError, UserStore
from meldpunt_gui.exports.pack import PackExportError, export_pack
from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.files.safewrite import SaveError
from meldpunt_gui.imports.commands import _change_lines, _counts_line, _refused, _report, _say, describe
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.pack import Pack, PackError, preview_pack, read_pack
from meldpunt_gui.imports.pack_apply import Extras, apply_pack, plan_extras
from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.text.plural import EVENTS, FIGURES, MORE, STORIES, count_of

PathLike = str | os.PathLike[str]


def default_creator() -> str:
    """The sender's name as the system knows it; `--name` gives another."""
    for key in ("MELDPUNT_NAME", "USERNAME", "USER", "LOGNAME"):
        if os.environ.get(key):
            return os.environ[key]
    return ""


def cmd_pack_export(out_path: PathLike, dataset: Dataset, data_dir: PathLike, creator: str, lang: str,
                    out: TextIO, err: TextIO) -> int:
    try:
        counts = export_pack(out_path, data_dir, dataset, creator)
    except (PackExportError, StoreError) as exc:
        _say(err, exc.message, lang)
        return 2
    except SaveError as exc:
        _say(err, exc.text, lang)
        return 2
    f = count_of(counts["figures"], FIGURES, lang)
    s = count_of(counts["stories"], STORIES, lang)
    _say(out, Text(f"Pakket opgeslagen: {out_path} ({f}, {s}, "
                   f"{'met' if counts['events'] else 'zonder'} eigen gebeurtenissen).",
                   f"Pack saved: {out_path} ({f}, {s}, "
                   f"{'with' if counts['events'] else 'without'} own events)."), lang)
    return 0


def cmd_pack_import(path: PathLike, dataset: Dataset, data_dir: PathLike, lang: str, yes: bool,
                    out: TextIO, err: TextIO, ask: Callable[[str], str] = input) -> int:
    """Verify a pack, show what changes, ask (unless `yes`), then import it whole."""
    try:
        pack = read_pack(path)
    except PackError as exc:
        _say(err, exc.message, lang)
        return 2
    folder = Path(data_dir)
    try:
        with UserStore.open(folder) as store:
            if store.message:
                _say(err, store.message, lang)
            current = store.overlay(dataset)
            res = preview_pack(pack, current, lang)
            _say(out, Text(f"{pack.file}: pakket van {pack.creator or 'onbekend'}, {pack.date}.",
                           f"{pack.file}: pack from {pack.creator or 'unknown'}, {pack.date}."), lang)
            if res.rows or res.problems:
                code = _report(res, lang, out, err)
                if code:
                    if code == 1:
                        _say(out, Text("Niets geïmporteerd: het pakket heeft fouten.",
                                       "Nothing imported: the pack has errors."), lang)
                    return code
                _say(out, _counts_line(res, lang) + ".", lang)
                for line in _change_lines(res, lang):
                    _say(out, line, lang)
            extras = plan_extras(pack, current, res, folder)
            for left_out in extras.skipped:  # a warning, on stderr with the other problems
                _say(err, _warning(left_out), lang)
            for note in extras.notes:
                _say(out, note, lang)
            for name, _ in extras.stories:
                _say(out, Text(f"  Nieuw verhaal: {name}", f"  New story: {name}"), lang)
            if extras.events:
                n = len(extras.events)
                _say(out, Text(f"  Nieuwe gebeurtenissen: {n}", f"  New events: {n}"), lang)
            if not (res.to_store or extras.stories or extras.events):
                if extras.partly:
                    _say(err, Text(f"Niets geïmporteerd uit {pack.file}: wat er nog niet is, is hierboven "
                                   "genoemd en niet overgenomen.",
                                   f"Nothing imported from {pack.file}: what is not here yet is named "
                                   "above and was not taken in."), lang)
                    return PARTLY
                _say(out, Text("Niets te importeren: alles uit het pakket is er al.",
                               "Nothing to import: everything in the pack is here already."), lang)
                return 0
            if not yes and (refused := _refused(ask, lang, out, err)) is not None:
                return refused
            done = apply_pack(pack, res, extras, store, folder)
    except StoreError as exc:
        _say(err, exc.message, lang)
        return 2
    except SaveError as exc:
        _say(err, exc.text, lang)
        return 2
    except OSError as exc:  # e.g. the stories folder cannot be made; the import was undone
        why = os_reason(exc)
        _say(err, Text(f"{pack.file} is niet geïmporteerd: de gegevensmap is niet te beschrijven ({why.nl}).",
                       f"{pack.file} was not imported: the data folder cannot be written ({why.en})."), lang)
        return 2
    if done.record is not None:
        rec = done.record
        _say(out, Text(f"Import {rec.id} opgeslagen: {rec.added} nieuw, {rec.changed} gewijzigd. "
                       f"Ongedaan maken: meldpunt imports --undo {rec.id}",
                       f"Import {rec.id} saved: {rec.added} new, {rec.changed} changed. "
                       f"To undo: meldpunt imports --undo {rec.id}"), lang)
    if done.stories or done.events:
        s, e = count_of(len(done.stories), STORIES, lang), count_of(done.events, EVENTS, lang)
        _say(out, Text(f"Toegevoegd aan de gegevensmap: {s}, {e}.",
                       f"Added to the data folder: {s}, {e}."), lang)
    if extras.partly:  # imported in part: said last, where it is read, and in the exit code
        _say(err, Text(f"Waarschuwing: {pack.file} is maar voor een deel geïmporteerd; wat hierboven "
                       "genoemd is, is niet overgenomen.",
                       f"Warning: {pack.file} was imported in part only; what is named above was not "
                       "taken in."), lang)
        return PARTLY
    return 0


PARTLY = 1  # the exit code of a pack imported in part: problems found in the input, as `check` says


def _warning(note: Text) -> Text:
    return Text(f"waarschuwing: {note.nl}", f"warning: {note.en}")


def pack_summary(pack: Pack, res: ImportResult, extras: Extras, lang: str) -> list[str]:
    """What importing the pack would do, as lines of plain text (the window's confirmation)."""
    lines = [Text(f"Pakket van {pack.creator or 'onbekend'}, {pack.date}.",
                  f"Pack from {pack.creator or 'unknown'}, {pack.date}.").get(lang)]
    if res.rows or res.problems:
        if not res.unusable:
            lines.append(describe(res, lang))
        lines += [p.format(lang) for p in res.problems[:20]]
        if len(res.problems) > 20:
            lines.append(Text("... en {more}.", "... and {more}.").get(lang).format(
                more=count_of(len(res.problems) - 20, MORE, lang)))
        if not res.has_errors:
            lines.append(_counts_line(res, lang) + ".")
            lines += _change_lines(res, lang)
    lines += [t.get(lang) for t in (*extras.skipped, *extras.notes)]
    lines += [Text(f"  Nieuw verhaal: {name}", f"  New story: {name}").get(lang) for name, _ in extras.stories]
    if extras.events:
        n = len(extras.events)
        lines.append(Text(f"  Nieuwe gebeurtenissen: {n}", f"  New events: {n}").get(lang))
    return lines
