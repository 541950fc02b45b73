"""The check / import / imports commands: output, questions, exit codes, both languages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.imports.commands import cmd_check, cmd_import, cmd_imports

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def ds():
    return small_dataset()


@pytest.fixture
def store_dir(tmp_path):
    return tmp_path / "data"


class Streams:
    def __init__(self):
        self.out, self.err = io.StringIO(), io.StringIO()

    @property
    def text(self):
        return self.out.getvalue()

    @property
    def error(self):
        return self.err.getvalue()


def check(path, ds, lang="nl", **kw):
    s = Streams()
    return cmd_check(path, ds, lang, s.out, s.err, **kw), s


def do_import(path, ds, store_dir, lang="nl", yes=True, answer="j", **kw):
    s = Streams()
    asked: list[str] = []

    def ask(prompt):
        asked.append(prompt)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    code = cmd_import(path, ds, store_dir, lang, yes, s.out, s.err, ask=ask, **kw)
    s.asked = asked
    return code, s


def imports(store_dir, lang="nl", as_json=False, undo=None):
    s = Streams()
    return cmd_imports(store_dir, lang, as_json, undo, s.out, s.err), s


# ----- check

def test_check_clean_file(ds):
    code, s = check(FIX / "long_nl_semicolon.csv", ds)
    assert code == 0 and s.error == ""
    assert s.text.splitlines()[0].startswith("long_nl_semicolon.csv: CSV, UTF-8, scheidingsteken puntkomma")
    assert "Geen fouten. 4 nieuw, 0 gewijzigd, 0 ongewijzigd." in s.text


def test_check_lists_problems_as_file_line_column_message(ds):
    code, s = check(FIX / "negative_count.csv", ds, "en")
    assert code == 1
    assert "negative_count.csv:2: waarde: -5 is negative; reports cannot be negative." in s.text.splitlines()
    assert "2 errors, 0 warnings." in s.text


def test_check_warnings_alone_exit_zero_but_are_printed(ds):
    code, s = check(FIX / "duplicates.csv", ds)
    assert code == 1  # it also has a conflict
    code, s = check(FIX / "text_named.xlsx", ds, "en")
    assert code == 0 and "text_named.xlsx: warning: text_named.xlsx is named .xlsx but is text" in s.text


@pytest.mark.parametrize("name", ["empty.csv", "binary.csv", "old.xls", "bomb.xlsx", "missing.csv",
                                  "bad_encoding.csv", "header_only.csv"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_check_unusable_file_is_one_sentence_and_exit_2(ds, name, lang):
    code, s = check(FIX / name, ds, lang)
    assert code == 2 and s.text == ""
    lines = s.error.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in s.error


def test_check_reports_what_to_choose_and_the_choice_works(ds):
    code, s = check(FIX / "ambiguous_style.csv", ds, "en")
    assert code == 1 and "--number-style nl|en" in s.text
    code, s = check(FIX / "ambiguous_style.csv", ds, "en", number_style="en")
    assert code == 0 and "numbers English (1,234.5)" in s.text


def test_check_against_the_store(ds, store_dir):
    do_import(FIX / "long_nl_semicolon.csv", ds, store_dir)
    code, s = check(FIX / "long_nl_semicolon.csv", ds, store_dir=store_dir)
    assert code == 0 and "0 nieuw, 0 gewijzigd, 4 ongewijzigd" in s.text


def test_check_xlsx(ds):
    code, s = check(FIX / "cells.xlsx", ds, "en")
    assert code == 1
    assert "cells.xlsx:C2: value: Excel error value #DIV/0!: the formula gave no number." in s.text
    assert s.text.startswith("cells.xlsx: Excel, sheet 'Blad1'")


# ----- import

def test_import_with_yes_prints_changes_and_stores(ds, store_dir):
    data = FIX.parent / "import" / "long_nl_semicolon.csv"
    code, s = do_import(data, ds, store_dir, "en")
    assert code == 0 and s.asked == []
    assert "4 new, 0 changed, 0 unchanged." in s.text
    assert "  hotline_reports 2023: new 420,000" in s.text  # English number style in English
    assert "Import 1 saved: 4 new, 0 changed. To undo: meldpunt imports --undo 1" in s.text
    with UserStore.open(store_dir) as st:
        assert [r.file_name for r in st.imports()] == ["long_nl_semicolon.csv"]


def test_import_shows_each_change_old_to_new(ds, store_dir, tmp_path):
    f = tmp_path / "change.csv"
    f.write_text("metriek;periode;waarde\nhotline_reports;2022;420.000\nremoved_urls;2022;170.000\n", "utf-8")
    code, s = do_import(f, ds, store_dir)
    assert code == 0
    assert "  hotline_reports 2022: 413.262 -> 420.000" in s.text
    assert "  removed_urls 2022: ca. 160.000 -> 170.000" in s.text
    assert "0 nieuw, 2 gewijzigd, 0 ongewijzigd." in s.text


def test_import_asks_in_the_users_language(ds, store_dir):
    code, s = do_import(FIX / "qualifiers.csv", ds, store_dir, "nl", yes=False, answer="ja")
    assert code == 0 and s.asked == ["Importeren? [j/N] "]
    code, s = do_import(FIX / "half_years.csv", ds, store_dir, "en", yes=False, answer="y")
    assert code == 0 and s.asked == ["Import? [y/N] "]
    assert len(UserStore.open(store_dir).imports()) == 2


@pytest.mark.parametrize("answer, code", [("n", 0), ("", 0), ("nee", 0), (EOFError(), 2), (KeyboardInterrupt(), 130)])
def test_import_declined_imports_nothing(ds, store_dir, answer, code):
    got, s = do_import(FIX / "qualifiers.csv", ds, store_dir, yes=False, answer=answer)
    assert got == code
    with UserStore.open(store_dir) as st:
        assert st.imports() == []


def test_import_with_errors_imports_nothing(ds, store_dir):
    code, s = do_import(FIX / "percent_over_100.csv", ds, store_dir)
    assert code == 1 and "Niets geïmporteerd: los eerst de fouten op." in s.text
    with UserStore.open(store_dir) as st:
        assert st.imports() == []


def test_import_unusable_file(ds, store_dir):
    code, s = do_import(FIX / "binary.csv", ds, store_dir, "en")
    assert code == 2 and "binary.csv" in s.error and s.error.count("\n") == 1


def test_import_twice_has_nothing_to_do(ds, store_dir):
    do_import(FIX / "long_en_comma.csv", ds, store_dir)
    code, s = do_import(FIX / "long_en_comma.csv", ds, store_dir, "en", yes=False)
    assert code == 0 and s.asked == [] and "Nothing to import" in s.text


def test_damaged_store_is_reported_once(ds, store_dir):
    store_dir.mkdir()
    (store_dir / STORE_NAME).write_bytes(b"\0" * 4096)
    code, s = do_import(FIX / "sep_line.csv", ds, store_dir, "en")
    assert code == 0 and "was damaged" in s.error and STORE_NAME + ".damaged-" in s.error
    code, s = imports(store_dir, "en")
    assert code == 0 and s.error == ""


# ----- imports

def test_imports_text_json_and_undo(ds, store_dir):
    code, s = imports(store_dir, "nl")
    assert code == 0 and s.text == "Er is nog niets geïmporteerd.\n"
    code, s = imports(store_dir, "en", as_json=True)
    assert json.loads(s.text) == []
    do_import(FIX / "long_nl_semicolon.csv", ds, store_dir)
    do_import(FIX / "half_years.csv", ds, store_dir)
    code, s = imports(store_dir, "en", as_json=True)
    listed = json.loads(s.text)
    assert [(i["id"], i["file"], i["added"], i["changed"]) for i in listed] == [
        (1, "long_nl_semicolon.csv", 4, 0), (2, "half_years.csv", 3, 0)]
    assert set(listed[0]) == {"id", "file", "sha256", "time", "added", "changed"}
    code, s = imports(store_dir, "nl")
    assert "half_years.csv" in s.text.splitlines()[2]
    code, s = imports(store_dir, "nl", undo=1)
    assert code == 0 and s.text.startswith("Import 1 (long_nl_semicolon.csv")
    code, s = imports(store_dir, "en", as_json=True, undo=2)
    assert json.loads(s.text)["undone"]["id"] == 2
    code, s = imports(store_dir, "en", as_json=True)
    assert json.loads(s.text) == []


def test_undo_unknown_id_is_exit_2(store_dir):
    code, s = imports(store_dir, "en", undo=9)
    assert code == 2 and s.error.strip() == "There is no import with number 9."
    big = 10 ** 23  # past what SQLite holds: it ended in an internal OverflowError
    code, s = imports(store_dir, "nl", undo=big)
    assert code == 2 and s.error.strip() == f"Er is geen import met nummer {big}."


def test_unusable_store_dir_is_one_sentence(tmp_path, ds):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for lang in ("nl", "en"):
        code, s = imports(blocker, lang)
        assert code == 2 and "file" in s.error and "Traceback" not in s.error
        code, s = do_import(FIX / "sep_line.csv", ds, blocker, lang)
        assert code == 2
