"""The SQLite user store: apply, overlay, undo, damaged files, two writers."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.data.store_schema import SCHEMA_VERSION
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.overlay import with_observations

CSV = b"metriek;periode;waarde;bron;url;opmerking\n" \
      b"hotline_reports;2023;420.000;Offlimits;https://offlimits.nl/c;=HYPERLINK(\"x\")\n" \
      b"hotline_reports;2022;ca. 413.262;;;\n" \
      b"nl_share_pct;2022;41,5;;;\n"


@pytest.fixture
def ds():
    return small_dataset()


@pytest.fixture
def store(tmp_path):
    with UserStore.open(tmp_path / "data") as s:
        yield s


def result(ds, data=CSV, name="cijfers.csv"):
    res = read_import_data(data, name, ds)
    assert not res.has_errors, [p.format("en") for p in res.problems]
    return res


def snapshot(d):
    """Everything a view can see of a dataset, comparable with ==."""
    return (sorted(map(repr, d.observations)), sorted(map(repr, d.metrics.values())),
            sorted(map(repr, d.sources.values())), sorted(map(repr, d.categories.values())),
            [(m, p, [repr(o) for o in d.values_at(m, p)]) for m in sorted(d.metrics)
             for p in d.periods_with_data(m)])


def test_open_creates_the_store_in_the_data_dir_only(tmp_path):
    folder = tmp_path / "a" / "b"
    with UserStore.open(folder) as s:
        assert s.message is None and s.imports() == []
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [STORE_NAME]
    with sqlite3.connect(folder / STORE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_apply_overlays_user_values_and_keeps_the_bundled_one_as_alternative(ds, store):
    res = result(ds, CSV)
    assert res.counts() == {"new": 1, "changed": 1, "unchanged": 1}
    rec = store.apply(res, "/somewhere/cijfers.csv")
    assert (rec.id, rec.file_name, rec.added, rec.changed) == (1, "cijfers.csv", 1, 1)
    assert rec.sha256 == res.sha256 and dt.datetime.fromisoformat(rec.time).tzinfo is not None
    over = store.overlay(ds)
    shown = over.shown("hotline_reports", Period(2022))
    assert (shown.value, shown.approximate, shown.user, shown.status, shown.import_id) == \
        (413262, True, True, "user", 1)
    assert [o.user for o in over.values_at("hotline_reports", Period(2022))] == [True, False]
    new = over.shown("hotline_reports", Period(2023))
    assert new.note.nl == '=HYPERLINK("x")' and new.source == "user-1"
    src = over.sources["user-1"]
    assert src.user and src.publisher == "Offlimits" and src.url == "https://offlimits.nl/c"
    other = over.sources[over.shown("hotline_reports", Period(2022)).source]
    assert other.publisher == "cijfers.csv"  # no publisher in the file: the file name
    assert over.shown("nl_share_pct", Period(2022)).user is False  # unchanged values are not stored


def test_apply_refuses_a_result_with_errors(ds, store):
    res = read_import_data(b"metriek;periode;waarde\nhotline_reports;2023;-5\n", "bad.csv", ds)
    with pytest.raises(StoreError) as info:
        store.apply(res)
    assert info.value.code == "has_errors" and "bad.csv" in info.value.message.nl
    assert store.imports() == []


def test_a_failing_apply_changes_nothing(ds, store, monkeypatch):
    res = result(ds)
    rows = list(res.rows)  # the rows as objects (read rows are kept in columns, copied out)
    rows[-1].value = None  # NOT NULL fails on the last insert
    rows[-1].status = "new"
    res.rows = rows
    with pytest.raises(StoreError):
        store.apply(res)
    assert store.imports() == [] and snapshot(store.overlay(ds)) == snapshot(with_observations(ds, []))


def test_undo_restores_the_exact_previous_overlay(ds, store):
    first = store.apply(result(ds, CSV, "a.csv"))
    before = snapshot(store.overlay(ds))
    second_data = b"metriek;periode;waarde;eenheid\nhotline_reports;2023;430.000;\nChats;2023;12;meldingen\n"
    second = store.apply(result(store.overlay(ds), second_data, "b.csv"))
    assert snapshot(store.overlay(ds)) != before
    undone = store.undo(second.id)
    assert undone == second
    assert snapshot(store.overlay(ds)) == before
    store.undo(first.id)
    assert snapshot(store.overlay(ds)) == snapshot(with_observations(ds, []))
    assert store.imports() == []


def test_undo_unknown_import(store):
    with pytest.raises(StoreError) as info:
        store.undo(42)
    assert info.value.code == "unknown_import" and "42" in info.value.message.en


def test_user_metric_lives_while_an_import_uses_it(ds, store):
    a = store.apply(result(ds, b"metriek;periode;waarde;eenheid\nChats;2023;12;meldingen\n", "a.csv"))
    over = store.overlay(ds)
    assert over.metrics["chats"].user and over.categories["user"].label.en == "Own series"
    b = store.apply(result(over, b"metriek;periode;waarde\nchats;2024;15\n", "b.csv"))
    store.undo(a.id)
    over = store.overlay(ds)
    assert "chats" in over.metrics and over.shown("chats", Period(2024)).value == 15
    assert over.shown("chats", Period(2023)) is None
    store.undo(b.id)
    assert "chats" not in store.overlay(ds).metrics


NEW_UNIT = (b"metriek;periode;waarde;eenheid;eenheid nl;eenheid en\n"
            b"Verwijderbevelen;2024;3;bevelen;verwijderbevelen;removal orders\n")


def test_a_new_unit_is_kept_with_its_metric_and_undone_with_it(ds, store):
    record = store.apply(result(ds, NEW_UNIT, "bevelen.csv"))
    over = store.overlay(ds)
    assert over.unit_of("verwijderbevelen").label == ("verwijderbevelen", "removal orders")
    assert over.shown("verwijderbevelen", Period(2024)).value == 3
    again = store.apply(result(over, b"metriek;periode;waarde\nverwijderbevelen;2025;5\n", "b.csv"))
    assert store.overlay(ds).units["bevelen"].kind == "count"
    store.undo(again.id)
    store.undo(record.id)
    over = store.overlay(ds)
    assert "bevelen" not in over.units and "verwijderbevelen" not in over.metrics


def test_a_store_from_before_units_is_brought_up_to_date(tmp_path, ds):
    """A version 1 store (no units table) keeps its imports and can take a new unit."""
    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        s.apply(result(ds))
    with sqlite3.connect(folder / STORE_NAME) as conn:
        conn.execute("DROP TABLE units")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    with UserStore.open(folder) as s:
        assert s.message is None and len(s.imports()) == 1
        s.apply(result(s.overlay(ds), NEW_UNIT, "bevelen.csv"))
        assert s.overlay(ds).unit_of("verwijderbevelen").label.en == "removal orders"
    with sqlite3.connect(folder / STORE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    conn.close()


# a version 1 store as that viewer wrote it, here with a units table already in it (a store
# whose version was set back by a database tool, or written by a later viewer and copied back)
V1_SCHEMA = """
CREATE TABLE imports (id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
    time TEXT NOT NULL, added INTEGER NOT NULL, changed INTEGER NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id),
    publisher TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL);
CREATE TABLE metrics (import_id INTEGER NOT NULL REFERENCES imports(id), id TEXT NOT NULL,
    category TEXT NOT NULL, unit TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL,
    definition_nl TEXT NOT NULL, definition_en TEXT NOT NULL, PRIMARY KEY (import_id, id));
CREATE TABLE observations (id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id),
    metric TEXT NOT NULL, year INTEGER NOT NULL, half INTEGER NOT NULL, value REAL NOT NULL,
    approximate INTEGER NOT NULL, source TEXT NOT NULL, note TEXT NOT NULL);
CREATE INDEX observations_import ON observations(import_id);
CREATE INDEX sources_import ON sources(import_id);
CREATE TABLE units (import_id INTEGER NOT NULL REFERENCES imports(id), id TEXT NOT NULL, kind TEXT NOT NULL,
    label_nl TEXT NOT NULL, label_en TEXT NOT NULL, decimals INTEGER NOT NULL, PRIMARY KEY (import_id, id));
"""


def _v1_store_with_units(folder: Path, values: dict[int, float], label: str) -> None:
    """A version 1 store built by hand: one import with an own series in an own unit, the
    given values of it, and one value of a bundled series."""
    folder.mkdir()
    conn = sqlite3.connect(folder / STORE_NAME)
    with conn:
        conn.executescript(V1_SCHEMA)
        conn.execute("INSERT INTO imports VALUES (1, 'oud.csv', 'ab', '2024-05-01T10:00:00+02:00', ?, 0)",
                     (len(values) + 1,))
        conn.execute("INSERT INTO sources VALUES ('user-1', 1, 'ATKM', 'oud.csv', '', '')")
        conn.execute("INSERT INTO metrics VALUES (1, 'eigen', 'user', 'bevelen', ?, ?, '', '')", (label, label))
        conn.execute("INSERT INTO units VALUES (1, 'bevelen', 'count', 'verwijderbevelen', 'removal orders', 0)")
        conn.executemany("INSERT INTO observations (import_id, metric, year, half, value, approximate, source, "
                         "note) VALUES (1, ?, ?, 0, ?, 0, 'user-1', '')",
                         [("eigen", y, v) for y, v in values.items()] + [("hotline_reports", 2023, 420000.0)])
    conn.execute("PRAGMA user_version = 1")
    conn.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.integers(1990, 2100), st.floats(0, 1e12, allow_nan=False), min_size=1,
                              max_size=12),
       label=st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1,
                     max_size=30).filter(str.strip))
def test_a_version_1_store_that_already_has_a_units_table_is_brought_up_to_date_whole(
        tmp_path_factory, ds, values, label):
    """Bringing it up to date created the units table again and failed ('table units already
    exists'): the store could not be opened at all. Now it opens with every value, the unit and
    the import history as they were, and takes the next import."""
    folder = tmp_path_factory.mktemp("v1") / "data"
    _v1_store_with_units(folder, values, label)
    with UserStore.open(folder) as s:
        assert s.message is None
        assert [(r.id, r.file_name, r.added) for r in s.imports()] == [(1, "oud.csv", len(values) + 1)]
        over = s.overlay(ds)
        assert over.metrics["eigen"].label.nl in (label, label.strip())
        assert over.unit_of("eigen").label == ("verwijderbevelen", "removal orders")
        assert {p.year: over.shown("eigen", p).value for p in (Period(y) for y in values)} == values
        assert over.shown("hotline_reports", Period(2023)).value == 420000
        s.apply(result(over, b"metriek;periode;waarde\nhotline_reports;2024;1\n", "nieuw.csv"))
        assert len(s.imports()) == 2
    with sqlite3.connect(folder / STORE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM observations WHERE import_id = 1").fetchone()[0] == len(values) + 1
    conn.close()
    assert [p.name for p in folder.iterdir() if ".damaged-" in p.name] == []  # nothing moved aside


def test_imports_are_listed_in_order(ds, store):
    store.apply(result(ds, CSV, "a.csv"))
    store.apply(result(store.overlay(ds), b"metriek;periode;waarde\nhotline_reports;2024;1\n", "b.csv"))
    assert [(r.id, r.file_name) for r in store.imports()] == [(1, "a.csv"), (2, "b.csv")]
    assert set(store.imports()[0].as_json()) == {"id", "file", "sha256", "time", "added", "changed"}


@pytest.mark.parametrize("content", [b"\0" * 8192, b"this is not a database\n" * 100,
                                     b"SQLite format 3\0" + b"\xff" * 4080])
def test_a_damaged_store_is_kept_aside_and_a_fresh_one_starts(tmp_path, ds, content):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / STORE_NAME).write_bytes(content)
    with UserStore.open(folder) as s:
        assert s.message is not None
        assert "damaged" in s.message.en and "beschadigd" in s.message.nl
        assert s.imports() == []
        s.apply(result(ds))
    kept = [p for p in folder.iterdir() if p.name.startswith(STORE_NAME + ".damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert kept[0].name[len(STORE_NAME + ".damaged-"):][:8] == dt.date.today().strftime("%Y%m%d")
    with UserStore.open(folder) as again:
        assert again.message is None and len(again.imports()) == 1  # said once


def test_an_empty_file_is_a_fresh_store(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / STORE_NAME).write_bytes(b"")
    with UserStore.open(folder) as s:
        assert s.message is None and s.imports() == []
    assert [p.name for p in folder.iterdir()] == [STORE_NAME]


@pytest.mark.parametrize("setup", [
    "CREATE TABLE notes (x TEXT)",
    "CREATE TABLE imports (id INTEGER); PRAGMA user_version = 1",
])
def test_a_foreign_sqlite_file_is_set_aside(tmp_path, setup):
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / STORE_NAME) as conn:
        conn.executescript(setup)
    conn.close()
    with UserStore.open(folder) as s:
        assert s.message is not None and s.imports() == []
    assert len(list(folder.glob(STORE_NAME + ".damaged-*"))) == 1


def test_data_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        UserStore.open(blocker)
    assert info.value.code in ("no_folder", "unopenable")


def test_two_store_objects_writing_alternately_stay_consistent(tmp_path, ds):
    folder = tmp_path / "data"
    one, two = UserStore.open(folder), UserStore.open(folder)
    try:
        ids = []
        for i in range(6):
            s = (one, two)[i % 2]
            data = f"metriek;periode;waarde\nhotline_reports;{2030 + i};{i + 1}\n".encode()
            ids.append(s.apply(result(s.overlay(ds), data, f"{i}.csv")).id)
        assert ids == [1, 2, 3, 4, 5, 6]
        assert two.imports() == one.imports()
        one.undo(ids[3])
        two.undo(ids[0])
        assert [r.id for r in one.imports()] == [2, 3, 5, 6] == [r.id for r in two.imports()]
        assert snapshot(one.overlay(ds)) == snapshot(two.overlay(ds))
        years = sorted(p.year for p in one.overlay(ds).periods_with_data("hotline_reports") if p.year >= 2030)
        assert years == [2031, 2032, 2034, 2035]
    finally:
        one.close()
        two.close()


def test_concurrent_writers_in_threads(tmp_path, ds):
    folder = tmp_path / "data"
    UserStore.open(folder).close()
    errors: list[BaseException] = []

    def work(n):
        try:
            with UserStore.open(folder) as s:
                for i in range(10):
                    data = f"metriek;periode;waarde\nhotline_reports;{2030 + n};{i + 1}\n".encode()
                    s.apply(read_import_data(data, f"{n}-{i}.csv", ds))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with UserStore.open(folder) as s:
        assert len(s.imports()) == 40 and len({r.id for r in s.imports()}) == 40
        with sqlite3.connect(s.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == 40


def test_two_processes_writing_at_once(tmp_path):
    folder = tmp_path / "data"
    code = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from fixtures.sample_dataset import small_dataset\n"
        "from meldpunt_gui.imports.reader import read_import_data\n"
        "from meldpunt_gui.data.store import UserStore\n"
        "ds = small_dataset()\n"
        "with UserStore.open(sys.argv[1]) as s:\n"
        "    for i in range(15):\n"
        "        data = f'metriek;periode;waarde\\nhotline_reports;2040;{i + 1}\\n'.encode()\n"
        "        s.apply(read_import_data(data, f'p{i}.csv', ds))\n"
    )
    tests_dir = str(Path(__file__).resolve().parents[1])
    procs = [subprocess.Popen([sys.executable, "-c", code, str(folder), tests_dir], stderr=subprocess.PIPE)
             for _ in range(3)]
    for p in procs:
        _, stderr = p.communicate(timeout=120)
        assert p.returncode == 0, stderr.decode()
    with UserStore.open(folder) as s:
        assert len(s.imports()) == 45 and s.message is None


def test_a_store_held_by_another_window_gives_a_busy_message(tmp_path, ds, monkeypatch):
    from meldpunt_gui.data import store_schema

    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_MS", 100)
    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        other = sqlite3.connect(s.path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError) as info:
                s.apply(result(ds))
            assert info.value.code == "busy" and "another program or window" in info.value.message.en
            assert "nothing was changed" in info.value.message.en and "niets gewijzigd" in info.value.message.nl
            with pytest.raises(StoreError):
                s.imports()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert s.apply(result(ds)).id == 1 and len(s.imports()) == 1


class _Held:
    """A second connection holding the store as DB Browser with unsaved changes does: no other
    connection may read or write it until it lets go."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("BEGIN EXCLUSIVE")
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def test_a_store_held_by_another_program_is_said_to_be_busy_soon_and_kept_whole(tmp_path, ds):
    """The wait was ten seconds, in which the window seemed to hang, and the opening then said
    'unexpected SQLite error (database is locked)'. The wait is two seconds (SQLite's own busy
    timeout, on every connection), the message says the file is busy and untouched, and
    everything in it is there once the other program lets go."""
    from meldpunt_gui.data import store_schema

    assert store_schema.BUSY_TIMEOUT_MS == 2000
    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        s.apply(result(ds), "cijfers.csv")
        assert s._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2000
    path = folder / STORE_NAME
    before = path.read_bytes()
    with _Held(path):
        with pytest.raises(StoreError) as info:
            UserStore.open(folder)
    assert info.value.code == "busy"
    assert info.value.message.nl == ("Uw eigen gegevens in meldpunt.sqlite zijn nu bezet door een ander programma "
                                     "of venster (bijvoorbeeld een tweede viewer die importeert); het bestand is "
                                     "niet aangeraakt. Probeer het zo opnieuw.")
    assert "busy in another program or window" in info.value.message.en
    assert path.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == [STORE_NAME]
    with UserStore.open(folder) as s:
        assert s.message is None and [r.file_name for r in s.imports()] == ["cijfers.csv"]
        assert s.overlay(ds).shown("hotline_reports", Period(2023)).value == 420000


def test_the_window_starts_on_the_bundled_figures_while_the_store_is_held_and_says_why(tmp_path, ds):
    from meldpunt_gui.app import load_data

    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        s.apply(result(ds), "cijfers.csv")
    with _Held(folder / STORE_NAME):
        _, store, nl, en = load_data(folder)
    with store:
        assert nl.startswith("Uw eigen gegevens in meldpunt.sqlite zijn nu bezet") and "start hem opnieuw" in nl
        assert "start it again to see your own figures" in en and not store.writable
        with pytest.raises(StoreError) as info:  # an import now says why, not 'the folder is read-only'
            store.apply(result(ds))
    assert info.value.message.en.startswith("Nothing was changed. Your own data in meldpunt.sqlite is busy")
    with UserStore.open(folder) as s:
        assert [r.file_name for r in s.imports()] == ["cijfers.csv"]


def test_the_command_line_says_a_held_store_is_busy_and_imports_once_it_is_free(tmp_path):
    import io

    from meldpunt_gui.cli import main

    folder = tmp_path / "data"
    figures = tmp_path / "cijfers.csv"
    figures.write_text("metric;period;value\nreports_total;2031;1234\n", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(figures), "--yes", "--data-dir", str(folder)], out=out, err=err) == 0
    second = tmp_path / "meer.csv"
    second.write_text("metric;period;value\nreports_total;2032;99\n", "utf-8")
    with _Held(folder / STORE_NAME):
        out, err = io.StringIO(), io.StringIO()
        code = main(["import", str(second), "--yes", "--data-dir", str(folder)], out=out, err=err)
    assert code == 2 and err.getvalue().count("\n") == 1
    assert err.getvalue().startswith("Uw eigen gegevens in meldpunt.sqlite zijn nu bezet")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(second), "--yes", "--data-dir", str(folder)], out=out, err=err) == 0
    with UserStore.open(folder) as s:
        assert [r.file_name for r in s.imports()] == ["cijfers.csv", "meer.csv"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.integers(0, 10**9), min_size=1, max_size=20))
def test_an_import_refused_while_the_store_is_held_changes_nothing_and_goes_through_after(
        tmp_path_factory, monkeypatch, ds, values):
    from meldpunt_gui.data import store_schema

    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_MS", 20)  # the refusal, not the wait, is tested here
    folder = tmp_path_factory.mktemp("held") / "data"
    data = ("metriek;periode;waarde\n" + "".join(f"hotline_reports;{2000 + i};{v}\n"
                                                  for i, v in enumerate(values))).encode()
    with UserStore.open(folder) as s:
        first = s.apply(result(ds), "cijfers.csv")
        before = snapshot(s.overlay(ds))
        with _Held(s.path):
            with pytest.raises(StoreError) as info:
                s.apply(result(s.overlay(ds), data, "meer.csv"))
        assert info.value.code == "busy"
        assert snapshot(s.overlay(ds)) == before and [r.id for r in s.imports()] == [first.id]
        s.apply(result(s.overlay(ds), data, "meer.csv"))
        over = s.overlay(ds)
        assert [over.shown("hotline_reports", Period(2000 + i)).value for i in range(len(values))] == values


@pytest.mark.parametrize(("year", "half", "value"), [(5_000_000, 0, 1.0), (2026, 7, 1.0), (2026, 0, float("inf")),
                                                     (1850, 0, 1.0), (2026, 0, -1e300)])
def test_a_value_edited_into_the_store_that_no_import_writes_is_left_out(ds, tmp_path, year, half, value):
    """A store copied from a colleague or edited in DB Browser: a year of 5.000.000 made every
    start build millions of periods (killed at 4 GB); inf ended the chart's first draw. The
    value is left out on reading, the years shown stay 1990-2100, the rest shows, and the
    window's message names the import."""
    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        s.apply(result(ds), "cijfers.csv")
    conn = sqlite3.connect(folder / STORE_NAME)
    conn.execute("INSERT INTO observations (import_id, metric, year, half, value, approximate, source, note)"
                 " SELECT import_id, metric, ?, ?, ?, approximate, source, note FROM observations LIMIT 1",
                 (year, half, value))
    conn.execute("INSERT INTO value_spans VALUES (1, 'hotline_reports', ?, ?, ?, ?)", (half, half, year, year))
    conn.commit()
    conn.close()
    with UserStore.open(folder) as s:
        out = s.overlay(ds)
        shown = out.periods_with_data("hotline_reports")
        assert Period(2023) in shown and all(1990 <= p.year <= 2100 and p.half in (0, 1, 2) for p in shown)
        assert all(abs(o.value) < 1e15 for o in out.values_at("hotline_reports", Period(2026)))
        first, last = out.year_span()
        assert 1990 <= first <= last <= 2100
        if not (1990 <= year <= 2100) or half not in (0, 1, 2):
            assert s.message is not None and "in import 1" in s.message.nl and "in import 1" in s.message.en


def test_a_store_moved_or_replaced_under_an_open_window_says_so(ds, tmp_path):
    """SQLite refuses the write (READONLY_DBMOVED); the message said the folder was read-only."""
    import os
    import shutil

    folder = tmp_path / "data"
    with UserStore.open(folder) as s:
        res = result(ds)
        os.rename(folder / STORE_NAME, folder / "backup.sqlite")
        shutil.copy(folder / "backup.sqlite", folder / STORE_NAME)
        with pytest.raises(StoreError) as caught:
            s.apply(res, "cijfers.csv")
    assert caught.value.code == "moved"
    assert "verplaatst of vervangen terwijl de viewer open was" in caught.value.message.nl
    assert "alleen-lezen" not in caught.value.message.nl
