"""A file's name is shown as plain printable text: a right-to-left override, a control character
or a zero-width space in the name a file was given never reaches a message, the import history
or the window."""

from __future__ import annotations

import io
import sqlite3
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.data.stories import load_stories
from meldpunt_gui.files.bounded import refusal_text
from meldpunt_gui.imports.pack import PackError, read_pack, read_pack_bytes
from meldpunt_gui.imports.reader import read_import, read_import_data
from meldpunt_gui.text.plain import HIDDEN, shown_name

RLO = "\u202e"
CSV = b"metric;period;value\nreports_total;2031;1234\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def clean(text: str) -> bool:
    """No control character (a line break between lines aside), no hidden mark."""
    return not any(ch in HIDDEN or (unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n") for ch in text)


@pytest.fixture
def rlo_file(tmp_path: Path) -> Path:
    path = tmp_path / f"cijfers{RLO}vsc.csv"
    path.write_bytes(CSV)
    return path


def test_check_and_import_on_the_command_line_name_the_file_without_the_override(rlo_file, tmp_path):
    data = tmp_path / "data"
    code, out, err = run("check", str(rlo_file), "--data-dir", str(data))
    assert code == 0 and RLO not in out + err
    assert out.startswith("cijfersvsc.csv: CSV")
    code, out, err = run("import", str(rlo_file), "--yes", "--data-dir", str(data))
    assert code == 0 and RLO not in out + err and "cijfersvsc.csv" in out
    code, out, err = run("imports", "--data-dir", str(data))
    assert code == 0 and RLO not in out and out.rstrip().endswith("cijfersvsc.csv")


def test_the_store_keeps_the_name_as_shown_in_its_history_and_its_sources(rlo_file, tmp_path):
    ds = load_bundled()
    res = read_import(rlo_file, ds)
    assert res.file == "cijfersvsc.csv" and not res.has_errors
    with UserStore.open(tmp_path / "data") as store:
        record = store.apply(res, rlo_file)
        assert record.file_name == "cijfersvsc.csv"
        assert [r.file_name for r in store.imports()] == ["cijfersvsc.csv"]
        shown = store.overlay(ds)
        sources = [s for s in shown.sources.values() if s.id.startswith("user-")]
        assert sources and all(RLO not in s.publisher + s.title for s in sources)


def test_a_name_with_an_override_already_in_an_older_store_is_shown_clean(tmp_path):
    data = tmp_path / "data"
    UserStore.open(data).close()
    with sqlite3.connect(data / STORE_NAME) as conn:
        conn.execute("INSERT INTO imports (file_name, sha256, time, added, changed) VALUES (?, '', '', 0, 0)",
                     (f"a{RLO}b\nc\x07.csv",))
    conn.close()
    with UserStore.open(data) as store:
        assert [r.file_name for r in store.imports()] == ["ab c.csv"]


def test_a_story_file_and_a_pack_named_with_control_characters_are_named_clean(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / f"ver{RLO}haal\x1b.toml").write_text("id = 'x'\n", encoding="utf-8")
    _, problems = load_stories(small_dataset(), [folder])
    assert [p.file for p in problems] == ["verhaal.toml"]
    assert RLO not in problems[0].format("nl") and "\x1b" not in problems[0].format("en")
    pack = tmp_path / f"pak{RLO}\u200bket.meldpunt"
    pack.write_bytes(b"not a zip")
    with pytest.raises(PackError) as caught:
        read_pack(pack)
    assert caught.value.message.nl.startswith("pakket.meldpunt ")
    code, out, err = run("pack", "import", str(pack), "--yes", "--data-dir", str(tmp_path / "data"))
    assert code == 2 and RLO not in out + err and "pakket.meldpunt" in err


def test_a_missing_file_is_named_clean_with_its_path(tmp_path):
    missing = tmp_path / f"weg{RLO}.csv"
    res = read_import(missing, small_dataset())
    assert res.unusable and all(clean(p.format("nl")) for p in res.problems)
    text = refusal_text(missing, "missing")
    assert RLO not in text.nl + text.en and "weg.csv" in text.en


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=0, max_size=40))
def test_whatever_the_name_every_message_names_it_printably(name):
    shown = shown_name(name)
    assert shown and shown.strip() and clean(shown) and "\n" not in shown
    assert shown_name(shown) == shown  # shown twice is shown the same
    res = read_import_data(b"metric;period;value\nhotline_reports;20x3;1\n", name + ".csv", small_dataset())
    assert res.file == shown_name(name + ".csv")
    assert res.problems and all(p.file == res.file and clean(p.format("en")) for p in res.problems)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("other.txt", "x")
    with pytest.raises(PackError) as caught:
        read_pack_bytes(zipped.getvalue(), name)
    assert clean(caught.value.message.nl) and clean(caught.value.message.en)
