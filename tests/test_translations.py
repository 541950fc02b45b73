"""The Dutch catalogue is complete, matches the code, and the compiled .qm files work.

After changing a user-visible string in the code, run scripts/update_translations.py, translate
what it lists in resources/translations/meldpunt_nl.ts, and run it again.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "update_translations.py"
HOW_TO_FIX = ("run `.venv/bin/python scripts/update_translations.py`, translate the new strings in "
              "resources/translations/meldpunt_nl.ts, and run it again")


def _load_script():
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tr_tool = _load_script()

_PLACEHOLDER = re.compile(r"%(?:L?\d+|n)")


def _placeholders(text: str) -> Counter:
    return Counter(_PLACEHOLDER.findall(text))


def _mnemonics(text: str) -> int:
    """Single '&' marks a mnemonic; '&&' is a literal ampersand."""
    return text.replace("&&", "").count("&")


@pytest.fixture(scope="module")
def dutch():
    return tr_tool.read_ts(tr_tool.ts_path("nl"))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """One lupdate run over the current sources into fresh .ts files."""
    folder = tmp_path_factory.mktemp("lupdate")
    return tr_tool.scan_sources(folder, seed_from=None, langs=("nl",))["nl"]


# ----------------------------------------------------------------------------- (a) the catalogue

def test_every_dutch_message_is_finished(dutch):
    assert dutch, "meldpunt_nl.ts holds no messages"
    unfinished = [m.label() for m in dutch if not m.finished]
    assert not unfinished, ("untranslated or unfinished in meldpunt_nl.ts:\n  "
                            + "\n  ".join(unfinished) + f"\nTo fix: {HOW_TO_FIX}.")


def test_dutch_keeps_placeholders_mnemonics_and_ellipses(dutch):
    wrong = []
    for m in dutch:
        for text in m.translations:
            if _placeholders(text) != _placeholders(m.source):
                wrong.append(f"{m.label()} -> {text!r}: placeholders differ")
            if _mnemonics(text) != _mnemonics(m.source):
                wrong.append(f"{m.label()} -> {text!r}: number of '&' mnemonics differs")
            if text.endswith("…") != m.source.endswith("…"):
                wrong.append(f"{m.label()} -> {text!r}: trailing '…' differs")
    assert not wrong, "\n".join(wrong)


# ----------------------------------------------------------------------------- (b) up to date

def test_catalogue_has_every_string_in_the_code(dutch, scanned):
    assert scanned, "lupdate found no translatable strings in meldpunt_gui/"
    known = {m.key for m in dutch}
    missing = [m.label() for m in scanned if m.key not in known]
    assert not missing, ("strings in the code that meldpunt_nl.ts does not have:\n  "
                         + "\n  ".join(missing) + f"\nTo fix: {HOW_TO_FIX}.")


def test_catalogue_has_no_strings_gone_from_the_code(dutch, scanned):
    in_code = {m.key for m in scanned}
    gone = [m.label() for m in dutch if m.key not in in_code]
    assert not gone, ("strings in meldpunt_nl.ts that are no longer in the code:\n  "
                      + "\n  ".join(gone) + "\nTo fix: run `.venv/bin/python "
                      "scripts/update_translations.py`.")


# ----------------------------------------------------------------------------- (c) the .qm files

@pytest.fixture
def core_app(qapp):
    """pytest-qt's one QApplication: a bare QCoreApplication made here first would be the
    process's application for every later test, which then finds no window support."""
    return qapp


def _installed(app, lang):
    from PySide6.QtCore import QTranslator

    qm = tr_tool.qm_path(lang)
    assert qm.is_file(), f"{qm.name} is missing; run `.venv/bin/python scripts/update_translations.py`"
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm.name} does not load"
    assert not translator.isEmpty()
    assert app.installTranslator(translator)
    return translator


def test_dutch_qm_translates(core_app, dutch):
    from PySide6.QtCore import QCoreApplication

    translator = _installed(core_app, "nl")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Bestand"
        assert QCoreApplication.translate("PeriodPicker", "&All years") == "&Alle jaren"
        stale = []
        for m in dutch:
            n = 1 if m.numerus else -1
            got = QCoreApplication.translate(m.context, m.source, m.comment or None, n)
            want = m.translations[0].replace("%n", "1") if m.numerus else m.translations[0]
            if got != want:
                stale.append(f"{m.label()}: .qm gives {got!r}, .ts has {m.translations[0]!r}")
        assert not stale, ("meldpunt_nl.qm is out of step with meldpunt_nl.ts:\n  "
                           + "\n  ".join(stale)
                           + "\nTo fix: run `.venv/bin/python scripts/update_translations.py`.")
    finally:
        core_app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_english_qm_loads_and_keeps_the_source_text(core_app):
    from PySide6.QtCore import QCoreApplication

    translator = _installed(core_app, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        core_app.removeTranslator(translator)


# ----------------------------------------------------------------------------- (d) the Dutch words

# One word per concept, as the field says it: "reeks" (not the anglicism "metriek"), "melding" only
# for a report (a problem in a file is a "probleem"), "halfjaar", "invoer" or "Importgeschiedenis"
# (not "imports"), and no abbreviations such as "t.o.v.".
NOT_DUTCH = re.compile(r"\bmetriek(en)?\b|t\.o\.v\.|\bimports\b(?! --)|stoppen met lezen|half jaar\b",
                       re.IGNORECASE)


def _dutch_texts_in_code():
    """The Dutch half of every Text("nl", "en") in the package: what the window, the command
    line and the exports say in Dutch outside the .ts catalogue."""
    import ast

    for path in sorted((ROOT / "meldpunt_gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text"
                    and len(node.args) == 2):
                arg = node.args[0]
                parts = [arg] if isinstance(arg, ast.Constant) else getattr(arg, "values", [])
                text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
                yield f"{path.relative_to(ROOT)}:{node.lineno}", text


def test_dutch_uses_the_field_s_words(dutch):
    wrong = [f"{m.label()} -> {t!r}" for m in dutch for t in m.translations if NOT_DUTCH.search(t)]
    wrong += [f"{where}: {text!r}" for where, text in _dutch_texts_in_code() if NOT_DUTCH.search(text)]
    assert not wrong, "\n".join(wrong)


def test_dutch_plurals_go_through_numerus_forms(dutch, core_app):
    """No '1 fouten': a count in a sentence is a %n message with a form per number."""
    from PySide6.QtCore import QCoreApplication

    for m in dutch:
        for text in m.translations:
            assert not re.search(r"%\d+ (fouten|waarschuwingen|meldingen|waarden)\b", text), m.label()
    translator = _installed(core_app, "nl")
    try:
        one = QCoreApplication.translate("ImportDialog", "%n error(s)", "", 1)
        two = QCoreApplication.translate("ImportDialog", "%n error(s)", "", 2)
        assert (one, two) == ("1 fout", "2 fouten")
    finally:
        core_app.removeTranslator(translator)
    translator = _installed(core_app, "en")
    try:
        assert QCoreApplication.translate("ImportDialog", "%n warning(s)", "", 1) == "1 warning"
        assert QCoreApplication.translate("ImportDialog", "%n warning(s)", "", 3) == "3 warnings"
    finally:
        core_app.removeTranslator(translator)


def test_dutch_addresses_the_reader_one_way(dutch):
    """Formal throughout: 'u', never 'je' or 'jij'."""
    informal = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.I)
    wrong = [m.label() for m in dutch for t in m.translations if informal.search(t)]
    wrong += [where for where, text in _dutch_texts_in_code() if informal.search(text)]
    assert not wrong, wrong
