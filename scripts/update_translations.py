#!/usr/bin/env python3
"""Update the translation catalogues from the sources and compile them.

    .venv/bin/python scripts/update_translations.py           update and compile
    .venv/bin/python scripts/update_translations.py --check   report what is missing, change nothing

Updating runs pyside6-lupdate over every .py file under meldpunt_gui/ (files without tr() or
translate() calls contribute nothing) into resources/translations/meldpunt_nl.ts and
meldpunt_en.ts. Existing translations are kept; strings that left the code are dropped
(-no-obsolete). English is the source language, so every unfinished English entry gets its source
text as translation. Then pyside6-lrelease compiles both catalogues into .qm files; unfinished Dutch
entries are left out of the .qm, so the program shows the English text rather than a guess.

--check exits 1 and lists:
  - every string in the sources without a finished, non-empty Dutch translation in meldpunt_nl.ts,
    including strings the catalogue does not have yet;
  - every string that is unfinished (or missing) in meldpunt_en.ts;
  - strings in the catalogues that are no longer in the sources;
  - .qm files that are missing, or differ from what lrelease makes of the current .ts files
    (that is, older than or out of step with them).
It exits 0 when all is complete, and 2 when the Qt tools cannot be found or fail.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "meldpunt_gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "en"
UPDATE_COMMAND = ".venv/bin/python scripts/update_translations.py"


class ToolError(Exception):
    """A Qt tool is missing or failed; the message is one sentence for the user."""


# ----------------------------------------------------------------------------- files and tools

def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"meldpunt_{lang}.ts"


def qm_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"meldpunt_{lang}.qm"


def source_files() -> list[Path]:
    """Every Python file of the package; lupdate ignores those without translatable strings."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def find_tool(name: str) -> str:
    """pyside6-<name> next to the running Python, else on PATH, else the binary inside PySide6."""
    exe = ".exe" if os.name == "nt" else ""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}{exe}", here / "Scripts" / f"pyside6-{name}{exe}"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            candidate = Path(folder) / f"{name}{exe}"
            if candidate.is_file():
                return str(candidate)
    raise ToolError(f"pyside6-{name} was not found next to {sys.executable} or on PATH; "
                    "install PySide6 in this environment.")


def _run(cmd: list[str]) -> None:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ToolError(f"{cmd[0]} could not be started: {exc}.") from exc
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip()
        raise ToolError(f"{Path(cmd[0]).name} failed (exit {proc.returncode}): {detail}")


def run_lupdate(ts_files: list[Path], sources: list[Path] | None = None) -> None:
    """Merge the strings found in the sources into the given .ts files (created when absent)."""
    sources = source_files() if sources is None else sources
    _run([find_tool("lupdate"), *map(str, sources), "-no-obsolete", "-locations", "relative",
          "-source-language", SOURCE_LANGUAGE, "-silent", "-ts", *map(str, ts_files)])


def run_lrelease(ts: Path, qm: Path) -> None:
    _run([find_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


# ----------------------------------------------------------------------------- reading .ts files

@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]  # one text, or one per plural form
    type: str  # "" when finished, else "unfinished", "vanished" or "obsolete"
    numerus: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        return (self.type == "" and bool(self.translations)
                and all(t.strip() for t in self.translations))

    def label(self) -> str:
        extra = f" [{self.comment}]" if self.comment else ""
        return f"{self.context}: {self.source!r}{extra}"


def read_ts(path: Path) -> list[Message]:
    out: list[Message] = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            if tr is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                forms = tr.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if numerus else (tr.text or "",)
                kind = tr.get("type", "")
            out.append(Message(name, msg.findtext("source") or "", msg.findtext("comment") or "",
                               texts, kind, numerus))
    return out


def scan_sources(folder: Path, seed_from: Path | None = TRANSLATIONS,
                 langs: tuple[str, ...] = LANGUAGES) -> dict[str, list[Message]]:
    """Run lupdate into .ts files in folder: copies of the catalogues in seed_from (or fresh ones
    when seed_from is None). Returns the messages per language; the catalogues stay untouched."""
    targets = []
    for lang in langs:
        target = ts_path(lang, folder)
        if seed_from is not None and ts_path(lang, seed_from).exists():
            shutil.copyfile(ts_path(lang, seed_from), target)
        targets.append(target)
    run_lupdate(targets)
    return {lang: read_ts(ts_path(lang, folder)) for lang in langs}


# ----------------------------------------------------------------------------- English = source

_MESSAGE_RE = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
_SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
_UNFINISHED_RE = re.compile(r'<translation type="unfinished"(?:\s*/>|>(?P<inner>.*?)</translation>)',
                            re.S)
_FORM_RE = re.compile(r"<numerusform(?:\s*/>|>.*?</numerusform>)", re.S)


def fill_source_language(path: Path) -> int:
    """Give every unfinished entry its own source text as translation; returns how many.

    Works on lupdate's own output, where source and translation are escaped alike, so the raw
    (escaped) source text is copied as is and the file keeps lupdate's layout."""
    text = path.read_text(encoding="utf-8")
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        body = match.group("body")
        src = _SOURCE_RE.search(body)
        unfinished = _UNFINISHED_RE.search(body)
        if src is None or unfinished is None:
            return match.group(0)
        raw = src.group(1)
        if 'numerus="yes"' in match.group("attrs"):
            forms = _FORM_RE.findall(unfinished.group("inner") or "") or ["", ""]
            inner = "".join(f"\n            <numerusform>{raw}</numerusform>" for _ in forms)
            new = f"<translation>{inner}\n        </translation>"
        else:
            new = f"<translation>{raw}</translation>"
        count += 1
        return (f"<message{match.group('attrs')}>{body[:unfinished.start()]}{new}"
                f"{body[unfinished.end():]}</message>")

    new_text = _MESSAGE_RE.sub(fix, text)
    if count:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(new_text, encoding="utf-8", newline="\n")
        read_ts(tmp)  # still well-formed
        os.replace(tmp, path)
    return count


# ----------------------------------------------------------------------------- update and check

def update() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate([ts_path(lang) for lang in LANGUAGES])
    filled = fill_source_language(ts_path(SOURCE_LANGUAGE))
    for lang in LANGUAGES:
        run_lrelease(ts_path(lang), qm_path(lang))
    messages = read_ts(ts_path("nl"))
    todo = [m for m in messages if not m.finished]
    print(f"{len(messages)} strings; {len(messages) - len(todo)} translated into Dutch"
          + (f"; {filled} English entries filled from the source text" if filled else "") + ".")
    for m in todo:
        print(f"  to translate: {m.label()}")
    if todo:
        print(f"Translate them in {ts_path('nl').relative_to(ROOT)} (with Qt Linguist, or by "
              "writing the text and removing type=\"unfinished\"), then run this script again.")
    return 0


def qm_problems(folder: Path) -> list[str]:
    """Compare each .qm with what lrelease makes of the current .ts right now."""
    problems = []
    for lang in LANGUAGES:
        ts, qm = ts_path(lang), qm_path(lang)
        if not ts.exists():
            continue
        if not qm.exists():
            problems.append(f"{qm.name} is missing.")
            continue
        fresh = folder / f"fresh_{lang}.qm"
        run_lrelease(ts, fresh)
        if fresh.read_bytes() != qm.read_bytes():
            older = " and older than it" if qm.stat().st_mtime < ts.stat().st_mtime else ""
            problems.append(f"{qm.name} is out of step with {ts.name}{older}.")
    return problems


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="meldpunt-tr-") as tmp:
        folder = Path(tmp)
        current = {lang: read_ts(ts_path(lang)) if ts_path(lang).exists() else []
                   for lang in LANGUAGES}
        scanned = scan_sources(folder)
        names = {"nl": "Dutch", "en": "English"}
        for lang in LANGUAGES:
            known = {m.key for m in current[lang]}
            in_code = {m.key for m in scanned[lang]}
            if not ts_path(lang).exists():
                problems.append(f"{ts_path(lang).name} is missing.")
            todo = [m for m in scanned[lang] if not m.finished]
            if todo:
                problems.append(f"{len(todo)} string(s) without a finished {names[lang]} "
                                f"translation in {ts_path(lang).name}:")
                problems += [f"  {m.label()}" + ("" if m.key in known else "  (not in the catalogue yet)")
                             for m in todo]
            gone = [m for m in current[lang] if m.key not in in_code]
            if gone:
                problems.append(f"{len(gone)} string(s) in {ts_path(lang).name} no longer in the code:")
                problems += [f"  {m.label()}" for m in gone]
        problems += qm_problems(folder)
    if problems:
        print("\n".join(problems))
        print(f"Run {UPDATE_COMMAND}, translate what it lists in "
              f"{ts_path('nl').relative_to(ROOT)}, and run it again.")
        return 1
    print(f"Translations complete: {len(scanned['nl'])} strings, Dutch and English finished, "
          ".qm files up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="list missing or unfinished translations and stale .qm files; "
                             "exit 1 if there are any; change nothing")
    args = parser.parse_args(argv)
    try:
        return check() if args.check else update()
    except ToolError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ET.ParseError as exc:
        print(f"A translation catalogue is not valid XML: {exc}.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
