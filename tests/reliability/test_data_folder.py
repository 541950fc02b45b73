"""Files in the data folder and every file a user hands over are read like an import.

Families, not single files: every reader (import, events.csv, stories, settings.ini, the store)
meets every kind of file that is not a regular file; events.csv meets generated quoting and
encodings, stories generated TOML values of every type. The rule each time: the bad line or
file is named, left out, the rest loads, nothing hangs and nothing is lost.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.data.stories import load_stories, story_folders
from meldpunt_gui.data.user_events import load_user_events
from meldpunt_gui.files import settings_file
from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.imports.reader import read_import

POSIX = pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev/zero")
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
               HealthCheck.function_scoped_fixture])
STORY = ('metrics = ["reports_total"]\nyears = [2015, 2024]\n'
         '[title]\nnl = "Mijn verhaal"\nen = "My story"\n[text]\nnl = "Tekst."\nen = "Text."\n')


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


# ----------------------------------------------------------------------------- file kinds

def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _folder(path: Path) -> None:
    path.mkdir()


def _oversized(path: Path) -> None:
    with open(path, "wb") as fh:  # sparse: large to every reader, cheap on disk
        fh.truncate(300 << 20)


KINDS: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo, "dev_zero_link": _dev_zero, "folder": _folder, "oversized": _oversized}
EXPECTED = {"fifo": "fifo", "dev_zero_link": "device", "folder": "folder", "oversized": "too_big"}


@pytest.fixture
def fed_fifo(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A named pipe a thread feeds whenever someone reads it: a stream without end. The writer
    never blocks (O_NONBLOCK), so the fixture can always stop and join it."""
    path = tmp_path / "stream"
    os.mkfifo(path)
    stop = threading.Event()
    wrote = threading.Event()

    def feed() -> None:
        while not stop.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody reads yet
                stop.wait(0.001)
                continue
            try:
                while not stop.is_set():
                    try:
                        os.write(fd, b"x" * 4096)
                        wrote.set()
                    except BlockingIOError:
                        stop.wait(0.001)
            except OSError:  # the reader went: broken pipe
                pass
            finally:
                os.close(fd)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    try:
        yield path, wrote
    finally:
        stop.set()
        thread.join(10)
        assert not thread.is_alive()


@POSIX
@pytest.mark.parametrize("kind", KINDS)
def test_bounded_reader_refuses_what_is_not_a_regular_file(tmp_path, kind):
    path = tmp_path / "file.csv"
    KINDS[kind](path)
    with pytest.raises(ReadRefused) as info:
        read_bounded(path, 256 << 20)
    assert info.value.kind == EXPECTED[kind]
    assert info.value.text.nl.startswith("file.csv ") and info.value.text.en.startswith("file.csv ")
    assert info.value.text.nl != info.value.text.en


@POSIX
def test_a_fed_named_pipe_is_refused_without_reading_it(fed_fifo, tmp_path, ds):
    fed_fifo, wrote = fed_fifo
    keep = os.open(fed_fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so the stream flows
    try:
        assert wrote.wait(30) and os.read(keep, 10) == b"x" * 10  # it does
        with pytest.raises(ReadRefused) as info:
            read_bounded(fed_fifo, 1 << 20)
        assert info.value.kind == "fifo"
        assert read_import(fed_fifo, ds).unusable
        os.symlink(fed_fifo, tmp_path / settings_file.SETTINGS_NAME)
        assert settings_file.damage(tmp_path / settings_file.SETTINGS_NAME) == "not_regular"
    finally:
        os.close(keep)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux /proc")
def test_the_limit_holds_while_reading_a_file_that_reports_size_zero():
    assert os.stat("/proc/self/status").st_size == 0  # a regular file that lies about its size
    with pytest.raises(ReadRefused) as info:
        read_bounded("/proc/self/status", 64)
    assert info.value.kind == "too_big" and "64" not in info.value.text.en  # said in kB
    assert read_bounded("/proc/self/status", 1 << 20).startswith(b"Name:")


def test_a_link_to_a_regular_file_is_followed(tmp_path):
    real = tmp_path / "real.csv"
    real.write_bytes(b"metriek;periode;waarde\n")
    os.symlink(real, tmp_path / "link.csv")
    assert read_bounded(tmp_path / "link.csv", 100) == b"metriek;periode;waarde\n"
    with pytest.raises(ReadRefused):
        read_bounded(tmp_path / "link.csv", 10)


@POSIX
@pytest.mark.parametrize("kind", KINDS)
def test_every_reader_refuses_the_kind_and_names_the_file(tmp_path, ds, kind):
    """check/import, events.csv, a story, settings.ini and the store, for one kind of file."""
    data = tmp_path / "data"
    (data / "stories").mkdir(parents=True)
    KINDS[kind](tmp_path / "figures.csv")
    res = read_import(tmp_path / "figures.csv", ds)
    assert res.unusable and res.problems[0].message.nl.startswith("figures.csv ")
    KINDS[kind](data / "events.csv")
    events, _sources, problems = load_user_events(data)
    assert events == [] and [p.format("en").split(" ")[0] for p in problems] == ["events.csv"]
    KINDS[kind](data / "stories" / "mine.toml")
    (data / "stories" / "good.toml").write_text(STORY, encoding="utf-8")
    stories, story_problems = load_stories(ds, story_folders(data))
    assert "good" in {s.id for s in stories}
    assert [p.file for p in story_problems] == ["mine.toml"]
    KINDS[kind](data / settings_file.SETTINGS_NAME)
    assert settings_file.damage(data / settings_file.SETTINGS_NAME) in ("not_regular", "too_big")
    if kind != "oversized":  # a large store is a store
        KINDS[kind](data / STORE_NAME)
        with UserStore.open(data) as store:
            assert not store.writable and store.imports() == []
            assert str(data / STORE_NAME) in store.message.nl and "SQLite" not in store.message.en
        assert (data / STORE_NAME).exists() or (data / STORE_NAME).is_symlink()  # left in place


# ----------------------------------------------------------------------------- events.csv

_cell = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=20).filter(lambda t: t.strip() == t and t)


def _also_utf8(data: bytes) -> bool:
    try:
        return data.decode("utf-8") != data.decode("cp1252")
    except UnicodeDecodeError:
        return False


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@FEW
@given(titles=st.lists(_cell, min_size=1, max_size=12), stray=st.sets(st.integers(0, 11)),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       sep=st.sampled_from([";", ",", "\t"]))
def test_events_quoting_and_encodings(tmp_path_factory, titles, stray, encoding, sep):
    """Good lines load with their exact titles, each line with a stray quote is named and left
    out, whatever the separator and whichever encoding an import accepts."""
    if encoding == "cp1252":
        titles = [t.encode("cp1252", "replace").decode("cp1252") for t in titles]
        # a Windows-1252 line that is also valid UTF-8 ("Â¡" is the bytes of "¡") is read as
        # UTF-8 by the import's per-line rule: the evidence cannot tell them apart
        titles = [t for t in titles if not _also_utf8(t.encode("cp1252"))] or ["café"]
    lines, good, bad_lines = ["date;title_nl;title_en".replace(";", sep)], [], []
    for i, title in enumerate(titles):
        if i in stray:
            lines.append(f'2020{sep}"{title.replace(chr(34), "")}{sep}x')  # opened, never closed
            bad_lines.append(len(lines))
        else:
            lines.append(f"2021{sep}{_quoted(title)}{sep}{_quoted(title)}")
            good.append(title)
    folder = tmp_path_factory.mktemp("events")
    (folder / "events.csv").write_bytes("\r\n".join(lines).encode(encoding, "replace"))
    events, _sources, problems = load_user_events(folder)
    assert [e.title.nl for e in events] == [t.strip() for t in good]
    assert [p.line for p in problems] == bad_lines
    assert all(p.format("nl").startswith(f"events.csv:{p.line}: ") for p in problems)


def test_two_stray_quotes_in_a_tab_separated_file_are_two_bad_lines(tmp_path):
    """A tab after the date starts an event: the second stray quote does not close the first
    (they were read as one event titled "0<tab>x<newline>2020")."""
    text = 'date\ttitle_nl\ttitle_en\n2021\tGoed\tGood\n2020\t"0\tx\n2020\t"\tx\n2022\tOok\tToo\n'
    (tmp_path / "events.csv").write_text(text, encoding="utf-8")
    events, _sources, problems = load_user_events(tmp_path)
    assert [e.title.nl for e in events] == ["Goed", "Ook"]
    assert [p.line for p in problems] == [3, 4]
    assert problems[0].format("nl").startswith("events.csv:3: ")


@pytest.mark.parametrize("text", ["2020;Zonder kopregel;No header\n2021;x;y\n", "a;b;c\n1;2;3\n"])
def test_events_without_a_header_are_named(tmp_path, text):
    (tmp_path / "events.csv").write_text(text, encoding="utf-8")
    events, _sources, [problem] = load_user_events(tmp_path)
    assert events == [] and problem.line == 1
    assert "kopregel" in problem.format("nl") and "header" in problem.format("en")


def test_events_from_dutch_excel(tmp_path):
    (tmp_path / "events.csv").write_bytes(
        "datum;titel_nl;titel_en\r\n2024-05;Café over € en ‘hosting’;Café\r\n".encode("cp1252"))
    events, _sources, problems = load_user_events(tmp_path)
    assert problems == [] and events[0].title.nl == "Café over € en ‘hosting’"


# ----------------------------------------------------------------------------- stories

_toml_value = st.recursive(
    st.one_of(st.integers(-5, 3000).map(str), st.booleans().map(lambda b: str(b).lower()),
              st.floats(allow_nan=False, allow_infinity=False).map(repr),
              st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), max_size=8)
              .map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
              st.just("1979-05-27")),
    lambda inner: st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
    | st.dictionaries(st.sampled_from(["nl", "en", "x"]), inner, max_size=3)
    .map(lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}"),
    max_leaves=6)
KEYS = ("id", "metrics", "years", "periods", "mode", "base_year", "highlight", "events", "title",
        "text")


@FEW
@given(key=st.sampled_from(KEYS), value=_toml_value)
def test_a_story_value_of_any_type_is_named_not_fatal(tmp_path_factory, ds, key, value):
    folder = tmp_path_factory.mktemp("data")
    (folder / "stories").mkdir()
    lines = [ln for ln in STORY.splitlines() if not ln.startswith(f"{key} =")]
    body = f"{key} = {value}\n" + "\n".join(lines) + "\n"
    if key in ("title", "text"):  # a table of that name would be defined twice
        body = body.replace(f"[{key}]\n", "[unused_" + key + "]\n")
    (folder / "stories" / "mine.toml").write_text(body, encoding="utf-8")
    (folder / "stories" / "other.toml").write_text(STORY.replace("Mijn", "Ander"), encoding="utf-8")
    stories, problems = load_stories(ds, story_folders(folder))
    user = [s for s in stories if s.user]
    assert len(user) + len(problems) == 2
    for p in problems:
        assert p.file in ("mine.toml", "other.toml") and p.message.nl and p.message.en
        assert p.format("nl").startswith(p.file)


@pytest.mark.parametrize("depth", [10, 1000, 100_000])
def test_deeply_nested_story_is_named(tmp_path, ds, depth):
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "deep.toml").write_text("x = " + "[" * depth + "]" * depth + "\n" + STORY)
    stories, problems = load_stories(ds, story_folders(tmp_path))
    assert len([s for s in stories if s.user]) + len(problems) == 1


# ----------------------------------------------------------------------------- the store

def test_a_store_from_a_newer_version_is_kept_and_opened_read_only(tmp_path, ds):
    folder = tmp_path / "data"
    with UserStore.open(folder) as store:  # a real store with one import
        from meldpunt_gui.imports.reader import read_import_data

        store.apply(read_import_data(b"metriek;periode;waarde\nreports_total;2023;420\n", "a.csv", ds))
    with sqlite3.connect(folder / STORE_NAME) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = (folder / STORE_NAME).read_bytes()
    with UserStore.open(folder) as store:
        assert not store.writable and len(store.imports()) == 1
        assert "nieuwere versie" in store.message.nl and "newer version" in store.message.en
        assert str(folder / STORE_NAME) in store.message.en
        with pytest.raises(Exception) as info:
            store.undo(1)
        assert "newer version" in info.value.message.en
    assert (folder / STORE_NAME).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [STORE_NAME]


@pytest.mark.unprivileged
@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_store_file_and_folder_get_their_own_message(tmp_path, ds, what):
    from meldpunt_gui.imports.reader import read_import_data

    folder = tmp_path / "data"
    with UserStore.open(folder) as store:
        store.apply(read_import_data(b"metriek;periode;waarde\nreports_total;2023;420\n", "a.csv", ds))
    os.chmod(folder / STORE_NAME if what == "file" else folder, 0o444 if what == "file" else 0o555)
    try:
        with UserStore.open(folder) as store:
            assert not store.writable and len(store.imports()) == 1  # the user's figures still show
            if what == "file":
                assert store.message.en.startswith(f"The file with your own data ({folder / STORE_NAME})")
            else:
                assert store.message.en.startswith(f"The folder {folder} is read-only")
    finally:
        os.chmod(folder, 0o755)
        os.chmod(folder / STORE_NAME, 0o644)


# ----------------------------------------------------------------------------- the window

@POSIX
def test_the_window_always_finishes_starting_and_lists_what_it_left_out(qtbot, tmp_path):
    """Every kind of bad file at once in the data folder: the window is complete (pickers,
    chart, menus), the bar names each left-out line in the window's language, and closes."""
    from PySide6.QtCore import Qt

    from meldpunt_gui.app import build_window

    data = tmp_path / "data"
    (data / "stories").mkdir(parents=True)
    (data / "events.csv").write_text('date;title_nl;title_en\n2020;"Stray;x\n2021;Goed;Good\n')
    (data / "stories" / "a.toml").write_text(
        STORY.replace("years = [2015, 2024]", "highlight = 2022\nyears = [2015, 2024]"))
    (data / "stories" / "b.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    os.mkfifo(data / "stories" / "c.toml")
    os.mkfifo(data / settings_file.SETTINGS_NAME)
    _app, window, _ = build_window(data, "en")
    qtbot.addWidget(window)
    window.persist = False
    window.show()
    assert window.is_populated() and window.metric_picker.isVisible() and window.chart.isVisible()
    assert window.menuBar().actions()
    bar = window.notice_bar
    assert bar.isVisible()
    lines = bar.text.text().splitlines()
    assert "events.csv:2: a quote is never closed; the line was left out" in "\n".join(lines)
    assert any(line.startswith("• a.toml:") and "highlight" in line for line in lines)
    assert any(line.startswith("• b.toml:") for line in lines)
    assert any(line.startswith("• c.toml is a named pipe") for line in lines)
    assert "settings.ini" in lines[0]  # the settings note first
    assert bar.text.textFormat() == Qt.TextFormat.PlainText
    window.set_language("nl")
    assert "events.csv:2: een aanhalingsteken wordt niet gesloten" in bar.text.text()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and window.chart.isVisible()
    window.close()
