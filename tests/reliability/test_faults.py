"""Faults while saving and storing: full disks, read-only and locked files, a killed process,
damaged user data, two instances on one data folder.

The rule under test (DESIGN §5): a failed save leaves the old file byte-identical and no
temporary file behind, and says in one sentence what happened; the user store changes only in
whole transactions. Where this machine allows it (root, `mount`), a real 4 MB tmpfs is filled
to the last byte; the monkeypatched variants run everywhere, root or not.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixtures.sample_dataset import small_dataset
from meldpunt_gui import cli
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.exports.data_export import export_data
from meldpunt_gui.files import safewrite
from meldpunt_gui.files.safewrite import SaveError, write_atomic
from meldpunt_gui.imports.reader import read_import_data
from reliability_support import run_python, subprocess_env

OLD = b"metriek;periode;waarde\r\noud;2020;1\r\n"
FORMATS = ["csv", "xlsx", "png", "svg", "pdf", "briefing"]
SUFFIX = {"briefing": "pdf"}
SELECTION = ["--metrics", "reports_total,cloud_urls", "--years", "2015-2024"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def targets(folder: Path) -> dict[str, Path]:
    out = {}
    for fmt in FORMATS:
        path = folder / f"uitvoer-{fmt}.{SUFFIX.get(fmt, fmt)}"
        path.write_bytes(OLD + fmt.encode())
        out[fmt] = path
    return out


def export(fmt: str, path: Path, data_dir: Path, lang: str = "nl") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["export", *SELECTION, "--format", fmt, "--out", str(path), "--data-dir", str(data_dir),
                     "--lang", lang, "--width", "600", "--height", "400"], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def disk_full_text(path: Path) -> tuple[str, str]:
    return (f"Kan {path} niet opslaan: de schijf is vol; het oude bestand is ongewijzigd.",
            f"Cannot save {path}: the disk is full; the old file is unchanged.")


# ----- a real full disk (tmpfs)

def test_full_disk_write_atomic_keeps_the_old_file(tmpfs):
    target = tmpfs.path / "export.csv"
    target.write_bytes(OLD)
    filler = tmpfs.fill()
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"nieuw;" * 50_000)
    err = info.value
    assert err.reason == "disk_full" and err.errno == errno.ENOSPC
    assert (err.text.nl, err.text.en) == disk_full_text(target)
    assert target.read_bytes() == OLD and leftovers(tmpfs.path) == []
    filler.unlink()
    write_atomic(target, b"nieuw;" * 50_000)
    assert target.read_bytes() == b"nieuw;" * 50_000


FULL_DISK_EXPORTS = r"""
import io, json, sys
from pathlib import Path
from meldpunt_gui import cli

data_dir, filler, *pairs = sys.argv[1:]
def run():
    results = {}
    for fmt, out in zip(pairs[::2], pairs[1::2]):
        o, e = io.StringIO(), io.StringIO()
        code = cli.main(["export", "--metrics", "reports_total,cloud_urls", "--years", "2015-2024",
                         "--format", fmt, "--out", out, "--data-dir", data_dir, "--width", "600",
                         "--height", "400"], out=o, err=e)
        results[fmt] = [code, o.getvalue(), e.getvalue()]
    return results
full = run()
Path(filler).unlink()
freed = run()
print(json.dumps({"full": full, "freed": freed}))
"""


def test_full_disk_every_export_fails_cleanly_then_succeeds(tmpfs, tmp_path):
    """All six export formats, through the command line, onto a disk with no byte free."""
    data_dir = tmp_path / "data"
    paths = targets(tmpfs.path)
    filler = tmpfs.fill()
    args = [str(data_dir), str(filler)]
    for fmt, path in paths.items():
        args += [fmt, str(path)]
    proc = run_python(FULL_DISK_EXPORTS, tmp_path / "home", *args)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    for fmt, path in paths.items():
        code, out, err = report["full"][fmt]
        assert (code, out) == (2, ""), (fmt, err)
        assert err == f"Opslaan mislukt: {disk_full_text(path)[0]}\n", fmt
        assert "Traceback" not in err
    for fmt, path in paths.items():
        code, out, err = report["freed"][fmt]
        assert (code, out.strip(), err) == (0, f"Opgeslagen: {path}", ""), fmt
        assert path.read_bytes() != OLD + fmt.encode() and path.stat().st_size > 100
    assert leftovers(tmpfs.path) == []


def test_full_disk_import_changes_nothing_and_says_so(tmpfs):
    ds = small_dataset()
    store_dir = tmpfs.path / "data"
    with UserStore.open(store_dir) as store:
        first = store.apply(read_import_data(b"metriek;periode;waarde\nhotline_reports;2023;420.000\n", "a.csv", ds))
        before = (store.imports(), sorted(map(repr, store.overlay(ds).observations)))
        big = "metriek;periode;waarde\n" + "".join(f"hotline_reports;{1990 + i // 2}-H{1 + i % 2};{i}\n"
                                                   for i in range(200))
        res = read_import_data(big.encode(), "b.csv", store.overlay(ds))
        assert not res.has_errors
        filler = tmpfs.fill()
        with pytest.raises(StoreError) as info:
            store.apply(res)
        assert info.value.code == "disk_full"
        assert (info.value.message.nl, info.value.message.en) == (
            f"{STORE_NAME} kan niet worden bijgewerkt: de schijf is vol. Er is niets gewijzigd; maak ruimte "
            "vrij en probeer het opnieuw.",
            f"{STORE_NAME} cannot be updated: the disk is full. Nothing was changed; free some space and "
            "try again.")
        assert (store.imports(), sorted(map(repr, store.overlay(ds).observations))) == before
        filler.unlink()
        second = store.apply(res)
        assert [r.id for r in store.imports()] == [first.id, second.id]
    with sqlite3.connect(store_dir / STORE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_read_only_file_system_for_real(tmpfs):
    """Root ignores permission bits, but not a read-only mount."""
    target = tmpfs.path / "export.csv"
    target.write_bytes(OLD)
    tmpfs.remount("ro")
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"nieuw")
    assert info.value.reason == "read_only"
    assert info.value.text.en == (f"Cannot save {target}: the file or the folder {tmpfs.path} is read-only "
                                  "(no permission to write).")
    assert target.read_bytes() == OLD and leftovers(tmpfs.path) == []
    new = tmpfs.path / "nieuw.csv"
    with pytest.raises(SaveError) as info:
        write_atomic(new, b"nieuw")
    assert info.value.reason == "read_only" and info.value.errno == errno.EROFS
    assert not new.exists() and leftovers(tmpfs.path) == []


# ----- the same faults, monkeypatched (run everywhere, as root too)

@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


@pytest.fixture
def no_sleep(monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(safewrite, "_sleep", slept.append)
    return slept


@pytest.mark.parametrize("fmt", FORMATS)
def test_short_write_is_a_full_disk_for_every_export(qapp, fmt, out_dir, tmp_path, monkeypatch):
    path = targets(out_dir)[fmt]
    real_write = os.write

    def short_write(fd, data):
        return real_write(fd, bytes(data[: max(len(data) // 2, 1) - 1]))  # the OS took less

    monkeypatch.setattr(safewrite.os, "write", short_write)
    code, out, err = export(fmt, path, tmp_path / "data")
    assert (code, out, err) == (2, "", f"Opslaan mislukt: {disk_full_text(path)[0]}\n")
    assert path.read_bytes() == OLD + fmt.encode() and leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_enospc_from_the_data_exporter(fmt, out_dir, monkeypatch):
    path = targets(out_dir)[fmt]

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safewrite.os, "write", full)
    with pytest.raises(SaveError) as info:
        export_data(path, fmt, small_dataset(), ["hotline_reports"], ["2021", "2022"], "en")
    assert info.value.reason == "disk_full" and info.value.text.en == disk_full_text(path)[1]
    assert path.read_bytes() == OLD + fmt.encode() and leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_folder_for_every_export(qapp, fmt, out_dir, tmp_path, monkeypatch):
    """As if the folder had no write permission: creating the temporary file is refused."""
    path = targets(out_dir)[fmt]
    real_open = os.open

    def denied(file, flags, *args, **kwargs):
        if Path(file).parent == out_dir and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(safewrite.os, "open", denied)
    code, out, err = export(fmt, path, tmp_path / "data", lang="en")
    assert (code, out) == (2, "")
    assert err == (f"Saving failed: Cannot save {path}: the file or the folder {out_dir} is read-only "
                   "(no permission to write).\n")
    assert path.read_bytes() == OLD + fmt.encode() and leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_locked_target_keeps_the_old_file_byte_identical(qapp, fmt, out_dir, tmp_path, monkeypatch,
                                                          no_sleep):
    """The file is open in Excel (Windows refuses the rename): retried for about a second, then
    refused with advice; the old bytes stay exactly as they were."""
    path = targets(out_dir)[fmt]
    old = path.read_bytes()
    attempts: list[str] = []

    def locked(src, dst):
        attempts.append(os.fspath(dst))
        raise PermissionError(errno.EACCES, "The process cannot access the file", os.fspath(dst))

    monkeypatch.setattr(safewrite.os, "replace", locked)
    code, out, err = export(fmt, path, tmp_path / "data")
    assert (code, out) == (2, "")
    assert err == (f"Opslaan mislukt: Kan {path} niet opslaan: het bestand is geopend in een ander programma "
                   "(bijvoorbeeld Excel) of is alleen-lezen; sluit het en probeer het opnieuw.\n")
    assert attempts == [str(path)] * 6 and 0.5 <= sum(no_sleep) <= 1.5
    assert path.read_bytes() == old and leftovers(out_dir) == []


# ----- the process killed in the middle of a save

WRITER = r"""
import sys
from meldpunt_gui.files.safewrite import write_atomic
target, size = sys.argv[1], int(sys.argv[2])
n = int(sys.argv[3])
print("ready", flush=True)
while True:
    n += 1
    write_atomic(target, b"%015d\n" % n * (size // 16))
"""


def _whole(data: bytes, size: int) -> int | None:
    """The generation number when `data` is one complete write, else None."""
    if len(data) != size or data[:16] * (size // 16) != data:
        return None
    return int(data[:15])


def test_killed_during_save_leaves_the_old_or_the_new_file(tmp_path):
    size = 8 << 20  # 8 MB: long enough to be caught in the middle of writing it
    target = tmp_path / "groot.csv"
    rng = random.Random(20240713)
    seen: list[int | None] = []
    caught_mid_write = 0
    generation = 0
    for round_ in range(10):
        env = subprocess_env(tmp_path / "home")
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(size), str(generation)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.3) if round_ else 0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL
        temps = leftovers(tmp_path)
        caught_mid_write += bool(temps)
        assert all(t.startswith(".groot.csv.") for t in temps)
        for t in temps:  # what a killed save leaves: a hidden temporary file, never the target
            (tmp_path / t).unlink()
        if not target.exists():
            assert round_ == 0 and generation == 0  # killed before the first save finished
            seen.append(None)
            continue
        whole = _whole(target.read_bytes(), size)
        assert whole is not None, f"round {round_}: the target is a partial or mixed file"
        assert whole >= generation
        generation = whole
        seen.append(whole)
    assert caught_mid_write >= 1, f"no kill landed during a write ({seen})"
    assert generation > 0


# ----- damaged user data: set aside, start clean, tell the user

WINDOWS = r"""
import json, sys
from pathlib import Path
from meldpunt_gui.app import build_window

report = {}
for folder in sys.argv[1:]:
    app, window, _ = build_window(Path(folder), "nl")
    window.show()
    for _ in range(3):
        app.processEvents()
    report[folder] = {
        "status": window.statusBar().currentMessage(),
        "metrics": list(window.state.metrics),
        "store_message": window.store.message.nl if window.store.message else None,
        "imports": len(window.store.imports()),
        "own_values": sum(1 for o in window.ds.observations if o.user),
    }
    window.close()
    window.store.close()
    window.deleteLater()
    app.processEvents()
print(json.dumps(report))
"""

DAMAGED_STORES = {
    "store_nul": b"\0" * 8192,
    "store_garbage": b"dit is geen database, maar een boodschappenlijst\n" * 100,
    "store_sqlite_header_only": b"SQLite format 3\0" + b"\xff" * 4080,
}
DAMAGED_SETTINGS = {
    "settings_garbage": bytes(range(256)) * 16,
    "settings_nul": b"\0" * 4096,
    "settings_half_written": b"[General]\nversion=1\nlanguage=nl\n[view]\nmetrics=reports_total,clou",
    "settings_cp1252": "[General]\nversion=1\nlanguage=nl\n[export]\nfolder=C:\\Users\\Jos\u00e9\n".encode("cp1252"),
    "settings_not_ini": b"Boodschappen:\n- melk\n- brood\n",
}
# Why each damaged settings file is set aside; a half-written file is still a readable INI file
# (its cut-off value is dropped when the view is checked against the data), so it is not one.
SETTINGS_DAMAGE = {
    "settings_garbage": "het bevat nul-bytes",
    "settings_nul": "het bevat nul-bytes",
    "settings_cp1252": "het is geen UTF-8-tekst",
    "settings_not_ini": "het is geen leesbaar INI-bestand",
    "both": "het bevat nul-bytes",
}


def settings_damaged_text(aside: str, why: str) -> str:
    return (f"De instellingen in settings.ini waren beschadigd ({why}). Het bestand is bewaard als {aside}; "
            "de viewer begint met de standaardweergave.")


def store_damaged_text(aside: str) -> str:
    return (f"De eigen gegevens in {STORE_NAME} waren beschadigd (geen SQLite-bestand). "
            f"Het bestand is bewaard als {aside}; de viewer begint met alleen de meegeleverde cijfers.")


@pytest.fixture(scope="module")
def damaged_windows(tmp_path_factory):
    base = tmp_path_factory.mktemp("damaged")
    folders = {}
    for name, content in DAMAGED_STORES.items():
        folders[name] = base / name
        folders[name].mkdir()
        (folders[name] / STORE_NAME).write_bytes(content)
    for name, content in DAMAGED_SETTINGS.items():
        folders[name] = base / name
        folders[name].mkdir()
        (folders[name] / "settings.ini").write_bytes(content)
    both = folders["both"] = base / "both"
    both.mkdir()
    (both / STORE_NAME).write_bytes(DAMAGED_STORES["store_nul"])
    (both / "settings.ini").write_bytes(DAMAGED_SETTINGS["settings_garbage"])
    empty = folders["store_empty"] = base / "store_empty"
    empty.mkdir()
    (empty / STORE_NAME).write_bytes(b"")
    proc = run_python(WINDOWS, base / "home", *map(str, folders.values()), timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return {name: (folder, report[str(folder)]) for name, folder in folders.items()}


@pytest.mark.parametrize("name", [*DAMAGED_STORES, "both"])
def test_damaged_store_is_set_aside_and_the_user_told(damaged_windows, name):
    folder, seen = damaged_windows[name]
    kept = sorted(p for p in folder.iterdir() if p.name.startswith(STORE_NAME + ".damaged-"))
    assert len(kept) == 1
    content = DAMAGED_STORES.get(name, DAMAGED_STORES["store_nul"])
    assert kept[0].read_bytes() == content  # kept as it was, for whoever wants to rescue it
    assert seen["store_message"] == store_damaged_text(kept[0].name)
    if name == "both":  # the settings were damaged too: one line tells both, the store first
        [settings_kept] = [p.name for p in folder.iterdir() if p.name.startswith("settings.ini.damaged-")]
        assert seen["status"] == " ".join([seen["store_message"],
                                           settings_damaged_text(settings_kept, SETTINGS_DAMAGE[name])])
    else:
        assert seen["status"] == seen["store_message"]
    assert (seen["imports"], seen["own_values"]) == (0, 0)
    with sqlite3.connect(folder / STORE_NAME) as conn:  # a fresh, valid store took its place
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_an_empty_store_file_is_simply_a_new_store(damaged_windows):
    """0 bytes is what SQLite itself leaves before the first transaction: nothing to keep or tell."""
    folder, seen = damaged_windows["store_empty"]
    assert seen["status"] == "" and seen["store_message"] is None and seen["imports"] == 0
    assert sorted(p.name for p in folder.iterdir()) == [STORE_NAME, "settings.ini"]


@pytest.mark.parametrize("name", [*DAMAGED_SETTINGS, "both"])
def test_damaged_settings_are_ignored_and_the_app_starts_clean(damaged_windows, name):
    folder, seen = damaged_windows[name]
    assert seen["metrics"] == ["reports_total"]  # the default view
    text = (folder / "settings.ini").read_text("utf-8")  # written anew on close, readable again
    assert "[view]" in text and "metrics=reports_total" in text


@pytest.mark.parametrize("name", [*SETTINGS_DAMAGE])
def test_damaged_settings_are_kept_and_reported(damaged_windows, name):
    folder, seen = damaged_windows[name]
    kept = [p for p in folder.iterdir() if p.name.startswith("settings.ini.damaged-")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == DAMAGED_SETTINGS.get(name, DAMAGED_SETTINGS["settings_garbage"])
    told = settings_damaged_text(kept[0].name, SETTINGS_DAMAGE[name])
    assert seen["status"] == told if name != "both" else seen["status"].endswith(" " + told)


def test_a_half_written_settings_file_is_read_not_reported(damaged_windows):
    folder, seen = damaged_windows["settings_half_written"]
    assert seen["status"] == ""
    assert sorted(p.name for p in folder.iterdir()) == [STORE_NAME, "settings.ini"]


def test_damaged_settings_are_told_once_in_the_users_language(tmp_path):
    from meldpunt_gui.app import load_data, open_settings

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.ini").write_bytes(b"[General]\nlanguage=nl\n\xff\xfe\n")
    settings, note = open_settings(folder)
    assert settings.allKeys() == []  # nothing of the damaged file is used
    [kept] = [p.name for p in folder.iterdir() if p.name.startswith("settings.ini.damaged-")]
    _bundled, store, nl, en = load_data(folder, note)
    store.close()
    assert nl == settings_damaged_text(kept, "het is geen UTF-8-tekst")
    assert en == (f"The settings in settings.ini were damaged (it is not UTF-8 text). The file was kept as {kept}; "
                  "the viewer starts with the default view.")
    _bundled, store, nl, en = load_data(folder, open_settings(folder)[1])  # told once
    store.close()
    assert (nl, en) == ("", "")


def test_an_earlier_set_aside_settings_file_is_never_replaced(tmp_path, monkeypatch):
    import datetime as dt
    from types import SimpleNamespace

    from meldpunt_gui.app import open_settings
    from meldpunt_gui.files import aside

    moment = dt.datetime(2024, 7, 13, 9, 30, 0)
    monkeypatch.setattr(aside, "_dt", SimpleNamespace(datetime=SimpleNamespace(now=lambda: moment)))
    folder = tmp_path / "data"
    folder.mkdir()
    earlier = folder / "settings.ini.damaged-20240713-093000"
    earlier.write_bytes(b"eerder bewaard")
    for content in (b"\0eerste", b"\0tweede"):
        (folder / "settings.ini").write_bytes(content)
        open_settings(folder)
    assert earlier.read_bytes() == b"eerder bewaard"
    assert (folder / "settings.ini.damaged-20240713-093000-2").read_bytes() == b"\0eerste"
    assert (folder / "settings.ini.damaged-20240713-093000-3").read_bytes() == b"\0tweede"
    assert not (folder / "settings.ini").exists()


def test_damaged_settings_that_cannot_be_moved_are_left_alone(tmp_path, monkeypatch):
    from meldpunt_gui.app import load_data, open_settings
    from meldpunt_gui.files import aside

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "settings.ini"
    path.write_bytes(DAMAGED_SETTINGS["settings_nul"])

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(src))

    monkeypatch.setattr(aside.os, "replace", refuse)
    settings, note = open_settings(folder)
    settings.setValue("language", "en")
    settings.sync()
    assert path.read_bytes() == DAMAGED_SETTINGS["settings_nul"]  # not written over
    _bundled, store, nl, _en = load_data(folder, note)
    store.close()
    assert nl == (f"De instellingen in {path} zijn beschadigd (het bevat nul-bytes) en het bestand kan niet "
                  "opzij worden gezet (geen toestemming om daar te schrijven). De viewer begint met de "
                  "standaardweergave en bewaart wijzigingen in de weergave niet.")


# ----- a data folder that cannot be written: start on the bundled data, say so, import nothing

def read_only_texts(folder: Path) -> tuple[str, str]:
    return (f"De map voor eigen gegevens ({folder}) is alleen-lezen; de viewer toont alleen de meegeleverde "
            "cijfers en kan nu niets importeren.",
            f"The folder for your own data ({folder}) is read-only; the viewer shows the bundled figures only "
            "and cannot import now.")


def test_read_only_data_folder_starts_clean_and_refuses_imports(tmpfs, tmp_path):
    """Found by this suite: an empty, unwritable data folder stopped the window (and every
    command that opens the store) with a traceback."""
    tmpfs.remount("ro")
    ds = small_dataset()
    with UserStore.open(tmpfs.path) as store:
        assert not store.writable and store.imports() == []
        assert (store.message.nl, store.message.en) == read_only_texts(tmpfs.path)
        res = read_import_data(b"metriek;periode;waarde\nhotline_reports;2023;420.000\n", "a.csv", ds)
        with pytest.raises(StoreError) as info:
            store.apply(res)
        assert info.value.code == "read_only" and info.value.message.en == (
            f"{STORE_NAME} cannot be updated: the folder {tmpfs.path} is read-only. Nothing was changed.")
        assert sorted(map(repr, store.overlay(ds).observations)) == sorted(map(repr, ds.observations))
    proc = run_python(WINDOWS, tmp_path / "home", str(tmpfs.path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])[str(tmpfs.path)]
    assert seen["status"] == read_only_texts(tmpfs.path)[0] and seen["metrics"] == ["reports_total"]
    assert list(tmpfs.path.iterdir()) == []


def test_data_folder_without_permission_starts_clean(tmp_path, deny_mkdir):
    """The same as a user without root sees it (permission bits do not stop root, so simulated)."""
    folder = tmp_path / "profiel" / "meldpunt"
    deny_mkdir(folder)
    with UserStore.open(folder) as store:
        assert not store.writable and store.message.nl == read_only_texts(folder)[0]
        with pytest.raises(StoreError) as info:
            store.undo(1)
        assert info.value.code == "read_only"
    assert not folder.exists()


def no_folder_texts(folder: Path) -> tuple[str, str]:
    return (f"De map voor eigen gegevens ({folder}) kan niet worden aangemaakt (geen toestemming om daar te "
            "schrijven). De viewer toont alleen de meegeleverde cijfers, kan niets importeren en bewaart uw "
            "weergave en instellingen niet.",
            f"The folder for your own data ({folder}) cannot be created (no permission to write there). The "
            "viewer shows the bundled figures only, cannot import, and will not keep your view and settings.")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_window_starts_when_the_data_folder_cannot_be_made(qtbot, tmp_path, deny_mkdir, lang):
    """Found by this suite: the settings were opened (and their folder made) before the store's
    fallback, so a missing data folder under a read-only parent stopped the window."""
    from meldpunt_gui.app import build_window

    parent = tmp_path / "profiel"
    parent.mkdir()
    folder = parent / "meldpunt"
    deny_mkdir(folder)
    _app, window, translators = build_window(folder, lang)
    qtbot.addWidget(window)
    try:
        assert window.statusBar().currentMessage() == no_folder_texts(folder)[lang == "en"]
        assert list(window.state.metrics) == ["reports_total"] and not window.store.writable
        window.metric_picker.set_checked("cloud_urls", True)
        window.close()  # saves the view: into memory only
        window.store.close()
    finally:
        translators.switch("en")
    assert list(parent.iterdir()) == []


# ----- two instances on one data folder

CONCURRENT_IMPORT = r"""
import sys, time
from pathlib import Path
from meldpunt_gui import cli
import meldpunt_gui.data.bundled, meldpunt_gui.imports.reader, meldpunt_gui.data.store
import meldpunt_gui.imports.commands
flag, path, data_dir = sys.argv[1:]
while not Path(flag).exists():
    time.sleep(0.001)
sys.exit(cli.main(["import", path, "--yes", "--data-dir", data_dir, "--lang", "en"]))
"""


def test_two_instances_importing_into_one_store_at_once(tmp_path):
    from meldpunt_gui.data.bundled import load_bundled

    data_dir = tmp_path / "data"
    env = subprocess_env(tmp_path / "home")
    expected: dict[tuple[str, int], float] = {}
    names = []
    for round_ in range(3):
        flag = tmp_path / f"go-{round_}"
        procs = []
        for who, metric in enumerate(("reports_total", "reports_national")):
            year = 2031 + round_
            value = 100_000 + 1000 * round_ + who
            path = tmp_path / f"{metric}-{year}.csv"
            path.write_text(f"metric;period;value\n{metric};{year};{value}\n", "utf-8")
            expected[(metric, year)] = value
            names.append(path.name)
            procs.append(subprocess.Popen([sys.executable, "-c", CONCURRENT_IMPORT, str(flag), str(path),
                                           str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          env=env, text=True))
        time.sleep(0.4)  # both started and waiting
        flag.touch()
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err  # with a 2 s busy timeout both still get their turn
            assert "Import " in out and "saved: 1 new, 0 changed." in out
    with UserStore.open(data_dir) as store:
        assert store.message is None
        records = store.imports()
        assert sorted(r.file_name for r in records) == sorted(names)
        assert [r.id for r in records] == list(range(1, 7)) and all(r.added == 1 for r in records)
        over = store.overlay(load_bundled())
        from meldpunt_gui.model.domain import Period

        got = {(m, y): over.shown(m, Period(y)).value for m, y in expected}
        assert got == expected
    with sqlite3.connect(data_dir / STORE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == 6
    conn.close()


def test_window_starts_when_a_file_stands_where_the_data_folder_goes(qtbot, tmp_path):
    """A file named like the data folder: the window still starts, on bundled data, and says why."""
    from meldpunt_gui.app import build_window

    folder = tmp_path / "meldpunt"
    folder.write_text("not a folder")
    _app, window, translators = build_window(folder, "en")
    qtbot.addWidget(window)
    try:
        message = window.statusBar().currentMessage()
        assert message == (f"The folder for your own data ({folder}) cannot be created (a file of that name "
                           "is in the way). The viewer shows the bundled figures only, cannot import, and "
                           "will not keep your view and settings.")
        assert not window.store.writable
        window.close()
        window.store.close()
    finally:
        translators.switch("en")
    assert folder.read_text() == "not a folder"
