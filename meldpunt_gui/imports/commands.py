"""The `check`, `import` and `imports` commands, as functions cli.py calls with parsed arguments.

Each returns the exit code of DESIGN §4 (0 ok, 1 problems in the input, 2 unusable input or
arguments) and writes only to the streams it is given, in the language it is given.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from meldpunt_gui.data.store import StoreError, UserStore
from meldpunt_gui.imports.encoding import encoding_label
from meldpunt_gui.imports.files import DELIMITER_NAMES
from meldpunt_gui.imports.model import LAYOUT_LABELS, STATUS_LABELS, ImportResult, ImportRow
from meldpunt_gui.imports.numbers import STYLE_LABELS
from meldpunt_gui.imports.reader import read_import
from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.text.formatting import format_number
from meldpunt_gui.text.plain import shown_name
from meldpunt_gui.text.plural import ERRORS, VALUES, WARNINGS, count_of, counted

PathLike = str | os.PathLike[str]
LISTED_NEW = 20
YES = frozenset({"j", "ja", "y", "yes"})


def _say(stream: TextIO, text: Text | str, lang: str) -> None:
    stream.write((text if isinstance(text, str) else text.get(lang)) + "\n")


def _value(v: float | None, approximate: bool | None, lang: str) -> str:
    if v is None:
        return "-"
    text = format_number(v, "en" if lang == "en" else "nl", exact=True)
    return f"ca. {text}" if approximate else text


def describe(res: ImportResult, lang: str) -> str:
    """One line on how the file was read, so a wrong guess is visible before anything is stored."""
    parts: list[str] = []
    if res.kind == "xlsx":
        parts.append(f"Excel, {'werkblad' if lang == 'nl' else 'sheet'} '{res.sheet}'")
    else:
        parts.append("CSV")
        if res.encoding:
            parts.append(encoding_label(res.encoding, lang))
        if res.delimiter in DELIMITER_NAMES:
            separator = Text("scheidingsteken ", "separator ").get(lang)
            parts.append(separator + DELIMITER_NAMES[res.delimiter].get(lang))
    if res.number_style:
        parts.append(Text("getallen ", "numbers ").get(lang) + STYLE_LABELS[res.number_style].get(lang))
    if res.layout:
        parts.append(Text("indeling ", "layout ").get(lang) + LAYOUT_LABELS[res.layout].get(lang))
    rows = count_of(len(res.rows), VALUES, lang)
    return f"{res.file}: {', '.join(parts)}; {rows}."


def _counts_line(res: ImportResult, lang: str) -> str:
    counts = res.counts()
    return ", ".join(f"{counts[s]} {STATUS_LABELS[s].get(lang)}"
                     for s in ("new", "changed", "unchanged"))


def _problem_totals(res: ImportResult, lang: str) -> str:
    return f"{count_of(res.error_count, ERRORS, lang)}, {count_of(res.warning_count, WARNINGS, lang)}."


def _report(res: ImportResult, lang: str, out: TextIO, err: TextIO) -> int:
    """Print how the file was read and its problems; the exit code so far."""
    if res.unusable:
        first = next((p for p in res.problems if p.severity == "error"), None)
        fallback = Text(f"{res.file} is onbruikbaar.", f"{res.file} is unusable.")
        _say(err, first.message if first else fallback, lang)
        return 2
    _say(out, describe(res, lang), lang)
    for p in res.problems:
        _say(out, p.format(lang), lang)
    if res.needs:
        hints = {"number_style": Text("--number-style nl|en", "--number-style nl|en"),
                 "delimiter": Text("--delimiter ';'|','|tab", "--delimiter ';'|','|tab")}
        _say(out, Text("Kies zelf: ", "Choose yourself: ").get(lang)
             + ", ".join(hints[n].get(lang) for n in sorted(res.needs) if n in hints), lang)
    if res.problems:
        _say(out, _problem_totals(res, lang), lang)
    return 1 if res.has_errors else 0


def cmd_check(path: PathLike, dataset: Dataset, lang: str, out: TextIO, err: TextIO, *,
              store_dir: PathLike | None = None, encoding: str | None = None,
              delimiter: str | None = None, number_style: str | None = None,
              sheet: str | None = None) -> int:
    """Validate an import file; 0 clean (warnings allowed), 1 problems, 2 unreadable."""
    try:
        current = dataset
        if store_dir is not None:
            with UserStore.open(store_dir) as store:
                if store.message:
                    _say(err, store.message, lang)
                current = store.overlay(dataset)
        res = read_import(path, current, encoding=encoding, delimiter=delimiter,
                          number_style=number_style, sheet=sheet)
        code = _report(res, lang, out, err)
        if code == 0:
            clean = Text("Geen fouten. ", "No errors. ").get(lang)
            _say(out, clean + _counts_line(res, lang) + ".", lang)
        return code
    except StoreError as exc:
        _say(err, exc.message, lang)
        return 2
    except Exception as exc:  # never a traceback for the user
        return _internal(exc, path, lang, err)


def _change_lines(res: ImportResult, lang: str) -> list[str]:
    lines: list[str] = []
    counts = res.counts()
    new: list[ImportRow] = []
    for r in res.to_store:  # every changed row, the first few new ones
        if r.status == "changed":
            lines.append(f"  {r.metric} {r.period}: {_value(r.old_value, r.old_approximate, lang)} -> "
                         f"{_value(r.value, r.approximate, lang)}")
        elif len(new) < LISTED_NEW:
            new.append(r)
        elif len(lines) >= counts["changed"]:
            break
    for r in new:
        new_word = Text("nieuw", "new").get(lang)
        lines.append(f"  {r.metric} {r.period}: {new_word} {_value(r.value, r.approximate, lang)}")
    if counts["new"] > LISTED_NEW:
        more = counts["new"] - LISTED_NEW
        lines.append("  ... " + counted(more, Text("en nog %n nieuwe waarde", "and %n more new value"),
                                        Text("en nog %n nieuwe waarden", "and %n more new values")).get(lang))
    if res.new_metrics:
        names = ", ".join(sorted(res.new_metrics))
        lines.append(Text(f"  Nieuwe eigen reeksen: {names}", f"  New own series: {names}").get(lang))
    return lines


def cmd_import(path: PathLike, dataset: Dataset, store_dir: PathLike, lang: str, yes: bool, out: TextIO,
               err: TextIO, ask: Callable[[str], str] = input, *, encoding: str | None = None,
               delimiter: str | None = None, number_style: str | None = None,
               sheet: str | None = None) -> int:
    """Check a file, show what changes, ask (unless `yes`), and store it as one import."""
    try:
        with UserStore.open(store_dir) as store:
            if store.message:
                _say(err, store.message, lang)
            res = read_import(path, store.overlay(dataset), encoding=encoding, delimiter=delimiter,
                              number_style=number_style, sheet=sheet)
            code = _report(res, lang, out, err)
            if code:
                if code == 1:
                    _say(out, Text("Niets geïmporteerd: los eerst de fouten op.",
                                   "Nothing imported: fix the errors first."), lang)
                return code
            _say(out, _counts_line(res, lang) + ".", lang)
            for line in _change_lines(res, lang):
                _say(out, line, lang)
            if not res.to_store:
                _say(out, Text("Niets te importeren: alle waarden worden al zo getoond.",
                               "Nothing to import: every value is already shown like this."), lang)
                return 0
            if not yes and (refused := _refused(ask, lang, out, err)) is not None:
                return refused
            record = store.apply(res, path)
        _say(out, Text(
            f"Import {record.id} opgeslagen: {record.added} nieuw, {record.changed} gewijzigd. "
            f"Ongedaan maken: meldpunt imports --undo {record.id}",
            f"Import {record.id} saved: {record.added} new, {record.changed} changed. "
            f"To undo: meldpunt imports --undo {record.id}"), lang)
        return 0
    except StoreError as exc:
        _say(err, exc.message, lang)
        return 2
    except Exception as exc:
        return _internal(exc, path, lang, err)


def _refused(ask: Callable[[str], str], lang: str, out: TextIO, err: TextIO) -> int | None:
    """Ask before importing: None when the answer is yes, else the exit code (0 for no, 2 when
    nobody can answer, 130 on Ctrl+C), having said why."""
    answered = _confirm(ask, lang, err)
    if answered is True:
        return None
    if answered is False:
        _say(out, Text("Niets geïmporteerd.", "Nothing imported."), lang)
        return 0
    return 2 if answered is None else 130


def _confirm(ask: Callable[[str], str], lang: str, err: TextIO) -> bool | None | int:
    """True/False for an answer; None when nobody can answer (no input); 130 on Ctrl+C."""
    prompt = Text("Importeren? [j/N] ", "Import? [y/N] ").get(lang)
    try:
        answer = ask(prompt)
    except EOFError:
        _say(err, Text("Geen antwoord mogelijk (geen invoer); gebruik --yes om zonder vragen te "
                       "importeren.", "No answer possible (no input); use --yes to import without asking."),
             lang)
        return None
    except KeyboardInterrupt:
        _say(err, Text("Afgebroken; niets geïmporteerd.", "Interrupted; nothing imported."), lang)
        return 130
    return answer.strip().lower() in YES


def cmd_imports(store_dir: PathLike, lang: str, as_json: bool, undo_id: int | None, out: TextIO,
                err: TextIO) -> int:
    """List the import log, or undo one import."""
    try:
        with UserStore.open(store_dir) as store:
            if store.message:
                _say(err, store.message, lang)
            if undo_id is not None:
                rec = store.undo(undo_id)
                if as_json:
                    out.write(json.dumps({"undone": rec.as_json()}, ensure_ascii=False, indent=2) + "\n")
                else:
                    _say(out, Text(
                        f"Import {rec.id} ({rec.file_name}, {rec.time}) ongedaan gemaakt: "
                        f"{rec.added} nieuwe en {rec.changed} gewijzigde waarden verwijderd.",
                        f"Import {rec.id} ({rec.file_name}, {rec.time}) undone: {rec.added} new and "
                        f"{rec.changed} changed values removed."), lang)
                return 0
            records = store.imports()
        if as_json:
            out.write(json.dumps([r.as_json() for r in records], ensure_ascii=False, indent=2) + "\n")
            return 0
        if not records:
            _say(out, Text("Er is nog niets geïmporteerd.", "No imports yet."), lang)
            return 0
        head = Text("nr  tijd                       nieuw  gewijzigd  bestand",
                    "id  time                       added  changed    file")
        _say(out, head, lang)
        for r in records:
            _say(out, f"{r.id:<3} {r.time:<26} {r.added:>5}  {r.changed:>9}  {r.file_name}", lang)
        return 0
    except StoreError as exc:
        _say(err, exc.message, lang)
        return 2
    except Exception as exc:
        return _internal(exc, store_dir, lang, err)


def _internal(exc: Exception, path: PathLike, lang: str, err: TextIO) -> int:
    name = shown_name(Path(path).name or str(path))
    _say(err, Text(f"{name}: interne fout ({type(exc).__name__}: {exc}); er is niets gewijzigd.",
                   f"{name}: internal error ({type(exc).__name__}: {exc}); nothing was changed."), lang)
    return 2


__all__ = ["cmd_check", "cmd_import", "cmd_imports", "describe"]
