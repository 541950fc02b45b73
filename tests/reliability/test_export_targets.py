"""Export targets that are not plain files: refused or followed, never replaced (DESIGN §5).

Every kind of thing a save can be pointed at (a FIFO, a character device, a socket, a folder, a
symlink to a file, a dangling link, a chain of links, a loop) is tried with every way we write a
file: the one safe write itself and the command line's exports. A device or FIFO must still be
one afterwards; a link must still be a link, with the file it leads to replaced.
"""

from __future__ import annotations

import io
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.cli import main
from meldpunt_gui.exports.formats import SUFFIX, suffix_conflict, with_suffix_for
from meldpunt_gui.files.safewrite import SaveError, resolve_target, write_atomic, write_text_atomic

OLD = b"old;content\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and devices are POSIX")


# ----- the targets: each makes a thing at `path` and says what a save must do with it

def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _char_device(path: Path) -> None:
    """A /dev/null-like device: a real node where we may make one, else a link to /dev/null."""
    if IS_ROOT:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        path.symlink_to("/dev/null")


_SOCKETS: list[socket.socket] = []


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    _SOCKETS.append(sock)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_bytes(OLD)


REFUSED: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # kind: (make, reason, words in the Dutch message)
    "fifo": (_fifo, "not_a_file", "pipe (FIFO)"),
    "char device": (_char_device, "not_a_file", "apparaat"),
    "socket": (_socket, "not_a_file", "socket"),
    "folder": (_folder, "is_folder", "map"),
}


@pytest.fixture(autouse=True)
def _close_sockets() -> Iterator[None]:
    yield
    while _SOCKETS:
        _SOCKETS.pop().close()


def _kind_of(path: Path) -> str:
    mode = os.lstat(path).st_mode
    for name, test in (("link", stat.S_ISLNK), ("fifo", stat.S_ISFIFO), ("char", stat.S_ISCHR),
                       ("socket", stat.S_ISSOCK), ("folder", stat.S_ISDIR), ("file", stat.S_ISREG)):
        if test(mode):
            return name
    return "other"


# ----- the writers: every way a file reaches the disk from an export

def _cli(fmt: str) -> Callable[[Path], tuple[int, str]]:
    def run(path: Path) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["export", "--metrics", "reports_total", "--years", "2019-2022",
                     "--format", fmt, "--out", str(path)], out=out, err=err)
        return code, out.getvalue() + err.getvalue()
    return run


def _direct(path: Path) -> tuple[int, str]:
    try:
        written = write_atomic(path, b"new")
    except SaveError as exc:
        return 2, exc.text.nl
    return 0, f"Opgeslagen: {written}"


def _direct_text(path: Path) -> tuple[int, str]:
    try:
        written = write_text_atomic(path, "nieuw")
    except SaveError as exc:
        return 2, exc.text.nl
    return 0, f"Opgeslagen: {written}"


WRITERS = {"write_atomic": _direct, "write_text_atomic": _direct_text,
           "cli csv": _cli("csv"), "cli xlsx": _cli("xlsx"), "cli png": _cli("png")}
NEEDS_QT = {"cli png"}


def _writer(name: str, request) -> Callable[[Path], tuple[int, str]]:
    if name in NEEDS_QT:
        request.getfixturevalue("qapp")
    return WRITERS[name]


def _name(writer: str) -> str:
    return {"cli csv": "export.csv", "cli xlsx": "export.xlsx", "cli png": "export.png"}.get(
        writer, "export.csv")


@POSIX
@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("kind", list(REFUSED))
@pytest.mark.parametrize("through_link", [False, True], ids=["direct", "via link"])
def test_a_target_that_is_not_a_file_is_refused_and_left_as_it_was(
        tmp_path: Path, request, kind: str, writer: str, through_link: bool) -> None:
    make, reason, words = REFUSED[kind]
    thing = tmp_path / ("thing-" + _name(writer))
    make(thing)
    before = _kind_of(thing)
    target = thing
    if through_link:
        target = tmp_path / ("link-" + _name(writer))
        target.symlink_to(thing)
    code, text = _writer(writer, request)(target)
    assert code == 2, text
    assert words in text and "Opgeslagen" not in text
    real = Path(os.path.realpath(thing)) if before == "link" else thing
    assert str(real) in text  # names the thing itself, also when reached through a link
    assert _kind_of(thing) == before  # still a FIFO, device, socket or folder
    if through_link:
        assert _kind_of(target) == "link"
    if kind == "folder":
        assert (thing / "inside.txt").read_bytes() == OLD
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with pytest.raises(SaveError) as info:
        resolve_target(target)
    assert info.value.reason == reason


def _chain(tmp_path: Path, length: int, dangling: bool, elsewhere: bool, name: str) -> tuple[Path, Path]:
    """(the path a user gives, the file it leads to): `length` links, the last one pointing to a
    file (or to nothing yet) in this folder or in another one, by relative or absolute paths."""
    home = tmp_path / ("other" if elsewhere else "here")
    home.mkdir(exist_ok=True)
    real = home / ("real-" + name)
    if not dangling:
        real.write_bytes(OLD)
    links = tmp_path / "links"
    links.mkdir(exist_ok=True)
    previous = real
    for k in range(length):
        link = links / f"link{k}-{name}"
        # every other link is relative, as `ln -s ../x` makes it
        link.symlink_to(os.path.relpath(previous, links) if k % 2 else previous)
        previous = link
    return previous, real


@POSIX
@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("length,dangling,elsewhere", [
    (1, False, False), (1, True, False), (3, False, True), (2, True, True), (5, False, False)],
    ids=["link to file", "dangling link", "chain into other folder", "dangling chain", "long chain"])
def test_a_symlink_is_followed_and_its_file_replaced_in_its_own_folder(
        tmp_path: Path, request, writer: str, length: int, dangling: bool, elsewhere: bool) -> None:
    given_path, real = _chain(tmp_path, length, dangling, elsewhere, _name(writer))
    code, text = _writer(writer, request)(given_path)
    assert code == 0, text
    assert f"Opgeslagen: {real}" in text  # the message names the file, not the link
    assert _kind_of(given_path) == "link"  # the link stays a link
    assert _kind_of(real) == "file" and real.read_bytes() != OLD and real.stat().st_size > 0
    assert Path(os.path.realpath(given_path)) == real
    for folder in (real.parent, given_path.parent):
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@POSIX
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_link_loop_is_refused(tmp_path: Path, request, writer: str) -> None:
    a, b = tmp_path / ("a-" + _name(writer)), tmp_path / ("b-" + _name(writer))
    a.symlink_to(b)
    b.symlink_to(a)
    code, text = _writer(writer, request)(a)
    assert code == 2 and "kring" in text and str(a) in text
    assert _kind_of(a) == _kind_of(b) == "link"


@POSIX
@settings(max_examples=60, deadline=None)
@given(length=st.integers(1, 8), dangling=st.booleans(), elsewhere=st.booleans(),
       data=st.binary(max_size=64))
def test_any_chain_of_links_ends_in_the_file_it_names(tmp_path_factory, length: int, dangling: bool,
                                                     elsewhere: bool, data: bytes) -> None:
    tmp = tmp_path_factory.mktemp("chain")
    given_path, real = _chain(tmp, length, dangling, elsewhere, "x.csv")
    assert write_atomic(given_path, data) == real
    assert real.read_bytes() == data and _kind_of(given_path) == "link"


def test_english_messages_name_the_path_too(tmp_path: Path) -> None:
    folder = tmp_path / "map.csv"
    folder.mkdir()
    with pytest.raises(SaveError) as info:
        write_atomic(folder, b"x")
    assert str(folder) in info.value.text.en and "folder" in info.value.text.en
    fifo = tmp_path / "pipe.csv"
    if os.name == "posix":
        os.mkfifo(fifo)
        with pytest.raises(SaveError) as info:
            write_atomic(fifo, b"x")
        assert info.value.text.en == (f"Cannot save: {fifo} is a pipe (FIFO), not a regular file; "
                                      "choose another file name.")


# ----- the format follows the extension

@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@pytest.mark.parametrize("suffix", sorted(set(SUFFIX.values())))
def test_a_name_ending_in_another_formats_extension_is_refused(tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"grafiek{suffix.upper() if fmt == 'csv' else suffix}"
    conflict = suffix_conflict(fmt, path)
    if SUFFIX[fmt] == suffix:
        assert conflict is None
    else:
        assert conflict is not None
        for text in conflict:
            assert str(path) in text and f"--format {fmt}" in text and SUFFIX[fmt] in text


@given(stem=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\0."),
                    min_size=1, max_size=20),
       suffix=st.sampled_from(["", ".dat", ".txt", ".png", ".PDF", ".svg", ".csv", ".xlsx"]),
       fmt=st.sampled_from(sorted(SUFFIX)))
def test_the_window_completes_a_name_without_an_export_extension(stem: str, suffix: str, fmt: str) -> None:
    path = Path("/tmp") / (stem + suffix)
    done = with_suffix_for(fmt, path)
    if suffix.lower() in set(SUFFIX.values()):
        assert done == path
    else:
        assert done == path.with_name(path.name + SUFFIX[fmt])
        assert suffix_conflict(fmt, done) is None


@pytest.mark.parametrize("fmt,name", [("png", "x.pdf"), ("pdf", "x.png"), ("csv", "x.xlsx"),
                                      ("briefing", "x.svg"), ("svg", "x.PNG")])
def test_cli_export_refuses_a_format_that_is_not_the_extension(tmp_path: Path, fmt: str, name: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", "--metrics", "reports_total", "--format", fmt, "--out",
                 str(folder / name), "--lang", "en"], out=out, err=err)
    assert code == 2
    assert err.getvalue().startswith(f"--format {fmt} does not match the extension")
    assert str(folder / name) in err.getvalue()
    assert list(folder.iterdir()) == []  # nothing written


def test_cli_export_writes_as_asked_where_the_name_has_no_export_extension(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", "--metrics", "reports_total", "--format", "csv", "--out",
                 str(tmp_path / "figures.dat")], out=out, err=err)
    assert code == 0, err.getvalue()
    assert (tmp_path / "figures.dat").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("name,written,head", [
    ("grafiek.pdf", "grafiek.pdf", b"%PDF-"), ("grafiek.PNG", "grafiek.PNG", b"\x89PNG"),
    ("grafiek.svg", "grafiek.svg", b"<?xml"), ("grafiek.dat", "grafiek.dat.png", b"\x89PNG"),
    ("grafiek", "grafiek.png", b"\x89PNG"), ("grafiek.csv", "grafiek.csv.png", b"\x89PNG")])
def test_the_windows_chart_export_writes_the_format_its_name_says(qtbot, tmp_path: Path, monkeypatch,
                                                                  name: str, written: str, head: bytes) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QFileDialog

    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.export.options import ChartExportOptions
    from meldpunt_gui.ui.main_window import MainWindow
    from tests.conftest import make_tiny_ds

    folder = tmp_path / "out"
    folder.mkdir()
    w = MainWindow(make_tiny_ds(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "nl",
                   state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder / name), ""))
    monkeypatch.setattr(ChartExportOptions, "exec", lambda self: int(QDialog.DialogCode.Accepted))
    w.actions_by_id["export_chart"].trigger()  # the menu entry and its Ctrl+Shift+E
    assert [p.name for p in folder.iterdir()] == [written]
    assert (folder / written).read_bytes().startswith(head)
