"""No export is written over the data folder's own files: the store (and its journal files),
settings.ini, events.csv and the stories. An export to meldpunt.sqlite replaced the store with a
CSV, and every import was lost without a warning."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.files.own_files import guard_data_folder, own_file
from meldpunt_gui.files.safewrite import SaveError, write_atomic
from meldpunt_gui.imports.reader import read_import_data


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    with UserStore.open(folder) as store:
        res = read_import_data(b"reeks;periode;waarde\nreports_total;2026;5\n", "ok.csv",
                               store.overlay(load_bundled()))
        store.apply(res, "ok.csv")
    (folder / "settings.ini").write_text("[General]\n", encoding="utf-8")
    (folder / "events.csv").write_text("date;title_nl\n2020;Eigen\n", encoding="utf-8")
    (folder / "stories").mkdir()
    (folder / "stories" / "eigen.toml").write_text('id = "eigen"\n', encoding="utf-8")
    return folder


def _imports(folder: Path) -> list[str]:
    with UserStore.open(folder) as store:
        return [r.file_name for r in store.imports()]


@pytest.mark.parametrize("name", ["meldpunt.sqlite", "meldpunt.sqlite-journal", "meldpunt.sqlite-wal",
                                  "settings.ini", "events.csv", "stories/eigen.toml", "stories/nieuw.csv"])
def test_export_refuses_the_data_folders_own_files(data_dir, name):
    target = data_dir / name
    before = target.read_bytes() if target.exists() else None
    code, out, err = run("export", "--metrics", "reports_total", "--format", "csv", "--out", str(target),
                         "--data-dir", str(data_dir))
    assert (code, out) == (2, "")
    assert err == (f"Opslaan mislukt: Kan {target} niet opslaan: dat is een bestand van de viewer zelf in de "
                   "gegevensmap (uw eigen cijfers, instellingen, gebeurtenissen of verhalen) en een export "
                   "zou het overschrijven. Kies een andere bestandsnaam of map.\n")
    assert (target.read_bytes() if target.exists() else None) == before
    assert _imports(data_dir) == ["ok.csv"]


def test_english_and_pack_export_and_a_link_to_the_store_are_refused(data_dir, tmp_path):
    link = tmp_path / "cijfers.meldpunt"
    link.symlink_to(data_dir / "meldpunt.sqlite")
    code, _out, err = run("--lang", "en", "pack", "export", "--out", str(link), "--data-dir", str(data_dir))
    assert code == 2
    assert f"Cannot save {link}: it is one of the viewer's own files in the data folder" in err
    assert link.is_symlink() and _imports(data_dir) == ["ok.csv"]


def test_another_file_in_the_data_folder_may_be_an_export(data_dir):
    target = data_dir / "export.csv"
    code, out, err = run("export", "--metrics", "reports_total", "--format", "csv", "--out", str(target),
                         "--data-dir", str(data_dir))
    assert code == 0, err
    assert "reports_total" in target.read_text(encoding="utf-8-sig")


def test_the_writers_that_keep_those_files_still_write_them(data_dir):
    guard_data_folder(data_dir)
    assert own_file(data_dir / "events.csv") and own_file(data_dir / "stories" / "x.toml")
    assert not own_file(data_dir / "elders.csv") and not own_file(data_dir.parent / "events.csv")
    with pytest.raises(SaveError) as refused:
        write_atomic(data_dir / "events.csv", b"x")
    assert refused.value.reason == "own_file"
    assert write_atomic(data_dir / "events.csv", b"date;title_nl\n", own=True) == data_dir / "events.csv"
    assert (data_dir / "events.csv").read_bytes() == b"date;title_nl\n"


@pytest.mark.skipif(os.name == "nt", reason="case-sensitive file names")
def test_a_folder_named_otherwise_through_a_link_is_the_same_folder(data_dir, tmp_path):
    alias = tmp_path / "alias"
    alias.symlink_to(data_dir)
    guard_data_folder(alias)
    assert own_file(data_dir / "meldpunt.sqlite") and own_file(alias / "settings.ini")
