"""Safe writing: the target is replaced whole or not at all, and failures say why."""

from __future__ import annotations

import errno
import os
import pickle
import sys
from pathlib import Path

import pytest

from meldpunt_gui.files import safewrite
from meldpunt_gui.files.safewrite import SaveError, write_atomic, write_text_atomic
from meldpunt_gui.model.domain import Text

OLD = b"old;content\r\n1;2\r\n"
# Permission bits: as root (CI) these run again as the user nobody (tests/conftest.py)
PERMISSION_BITS = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(OLD)
    return path


@pytest.fixture
def no_sleep(monkeypatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(safewrite, "_sleep", slept.append)
    return slept


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def assert_intact(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert leftovers(path.parent) == []


def assert_message(err: SaveError, path: Path) -> None:
    assert isinstance(err, OSError)
    assert isinstance(err.message, Text)
    for text in err.message:
        assert str(path) in text
        assert text.endswith(".")
    assert err.text is err.message
    assert err.text.get("nl") == err.text.nl != err.text.en == err.text.get("en") == str(err)
    assert err.path == path


# ----- success


def test_creates_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.xlsx"
    write_atomic(path, b"\x00\x01data")
    assert path.read_bytes() == b"\x00\x01data"
    assert leftovers(tmp_path) == []


def test_replaces_existing_file(target: Path) -> None:
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(target.parent) == []


def test_accepts_str_path_and_empty_data(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    write_atomic(str(path), b"")
    assert path.read_bytes() == b""


def test_large_data_written_in_checked_pieces(tmp_path: Path, monkeypatch) -> None:
    sizes: list[int] = []
    real_write = os.write

    def counting_write(fd: int, data) -> int:
        sizes.append(len(data))
        return real_write(fd, data)

    monkeypatch.setattr(safewrite.os, "write", counting_write)
    data = bytes(range(256)) * (3 * safewrite.CHUNK // 256 + 7)
    path = tmp_path / "big.bin"
    write_atomic(path, data)
    monkeypatch.undo()
    assert path.read_bytes() == data
    assert len(sizes) == 4 and max(sizes) == safewrite.CHUNK


def test_write_text_atomic_encodes_and_keeps_newlines(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_text_atomic(path, "\ufeffé;ë\r\nx\n", "utf-8")
    assert path.read_bytes() == "\ufeffé;ë\r\nx\n".encode("utf-8")
    write_text_atomic(path, "é", encoding="cp1252")
    assert path.read_bytes() == b"\xe9"


def test_write_text_unencodable_leaves_old_file(target: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "€ ok? 😀", encoding="latin-1")
    assert_intact(target)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_keeps_permissions_of_replaced_file(target: Path) -> None:
    os.chmod(target, 0o640)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_retry_succeeds_when_lock_goes_away(target: Path, monkeypatch, no_sleep) -> None:
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(safewrite.os, "replace", flaky_replace)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(calls) == 3 and len(no_sleep) == 2
    assert leftovers(target.parent) == []


# ----- failures: the old file stays byte-identical, the temporary file goes


def test_short_write_is_an_error(target: Path, monkeypatch) -> None:
    real_write = os.write

    def short_write(fd: int, data) -> int:
        if bytes(data[:5]) == b"NEWXX":
            return real_write(fd, data[: len(data) // 2])
        return real_write(fd, data)

    monkeypatch.setattr(safewrite.os, "write", short_write)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"NEWXX" * 1000)
    assert info.value.reason == "disk_full"
    assert "vol" in info.value.message.nl and "full" in info.value.message.en
    assert_message(info.value, target)
    assert_intact(target)


def test_zero_length_write_is_an_error(target: Path, monkeypatch) -> None:
    monkeypatch.setattr(safewrite.os, "write", lambda fd, data: 0)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "disk_full"
    assert_intact(target)


def test_disk_full_errno(target: Path, monkeypatch) -> None:
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safewrite.os, "write", full)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "disk_full"
    assert info.value.errno == errno.ENOSPC
    assert isinstance(info.value.__cause__, OSError)
    assert_intact(target)


def test_fsync_failure(target: Path, monkeypatch) -> None:
    def broken(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safewrite.os, "fsync", broken)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "other"
    # the system's reason in words of our own, in both languages (not its English 'Input/output error')
    assert "the disk gave a read or write error" in info.value.message.en
    assert "de schijf gaf een lees- of schrijffout" in info.value.message.nl
    assert_message(info.value, target)
    assert_intact(target)


def test_locked_target_retries_briefly_then_fails(target: Path, monkeypatch, no_sleep) -> None:
    calls = []

    def locked(src, dst):
        calls.append(dst)
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(safewrite.os, "replace", locked)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "locked"
    assert "Excel" in info.value.message.nl and "Excel" in info.value.message.en
    assert_message(info.value, target)
    assert_intact(target)
    assert len(calls) == len(safewrite.RETRY_DELAYS) + 1 == 6
    assert 0.5 <= sum(no_sleep) <= 1.5


def test_other_replace_error_is_not_retried(target: Path, monkeypatch, no_sleep) -> None:
    def cross_device(src, dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(safewrite.os, "replace", cross_device)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "other" and no_sleep == []
    assert_intact(target)


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "does-not-exist" / "export.csv"
    with pytest.raises(SaveError) as info:
        write_atomic(path, b"new")
    assert info.value.reason == "missing_folder"
    assert "bestaat niet" in info.value.message.nl and "does not exist" in info.value.message.en
    assert_message(info.value, path)
    assert not path.parent.exists()


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(SaveError) as info:
        write_atomic(tmp_path / "file" / "export.csv", b"new")
    assert info.value.reason == "missing_folder"
    assert (tmp_path / "file").read_bytes() == b"x"


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(SaveError) as info:
        write_atomic(tmp_path / "out.csv", b"new")
    assert info.value.reason == "is_folder"
    assert (tmp_path / "out.csv").is_dir()
    assert leftovers(tmp_path) == []


def test_cannot_create_temp_file(target: Path, monkeypatch) -> None:
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safewrite.os, "open", denied)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "read_only"
    assert "alleen-lezen" in info.value.message.nl and "read-only" in info.value.message.en
    assert_intact(target)


def test_target_marked_read_only(target: Path, monkeypatch) -> None:
    monkeypatch.setattr(safewrite.os, "access", lambda path, mode: False)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "read_only"
    assert_intact(target)


@PERMISSION_BITS
@pytest.mark.unprivileged
def test_read_only_file_for_real(target: Path) -> None:
    os.chmod(target, 0o444)
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"new")
    assert info.value.reason == "read_only"
    assert_intact(target)


@PERMISSION_BITS
@pytest.mark.unprivileged
def test_read_only_folder_for_real(target: Path) -> None:
    os.chmod(target.parent, 0o555)
    try:
        with pytest.raises(SaveError) as info:
            write_atomic(target, b"new")
        assert info.value.reason == "read_only"
        assert_intact(target)
    finally:
        os.chmod(target.parent, 0o755)


@PERMISSION_BITS
@pytest.mark.unprivileged
def test_folder_without_access_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o000)
    try:
        with pytest.raises(SaveError) as info:
            write_atomic(locked / "export.csv", b"new")
        assert info.value.reason in ("read_only", "missing_folder")
    finally:
        os.chmod(locked, 0o755)


def test_interrupt_removes_temp_file(target: Path, monkeypatch) -> None:
    def interrupted(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(safewrite.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert_intact(target)


def test_save_error_pickles() -> None:
    err = SaveError(Path("x.csv"), "locked", Text("nl zin.", "en sentence."))
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.reason, copy.text) == (err.path, err.reason, err.text)


@pytest.mark.skipif(sys.platform != "win32", reason="Windows file locking")
def test_file_open_in_other_program_on_windows(target: Path, no_sleep) -> None:
    import msvcrt  # noqa: F401  (only to make sure this is a real Windows Python)

    handle = open(target, "rb")  # Python opens without FILE_SHARE_DELETE: replace fails
    try:
        with pytest.raises(SaveError) as info:
            write_atomic(target, b"new")
        assert info.value.reason == "locked"
    finally:
        handle.close()
    assert_intact(target)
