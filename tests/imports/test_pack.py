"""Data packs: a round trip between two data folders, and every way a pack is refused."""

from __future__ import annotations

import functools
import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.exports import pack as packing
from meldpunt_gui.imports import pack as unpacking
from meldpunt_gui.imports.pack import PackError, read_pack, read_pack_bytes
from meldpunt_gui.imports.reader import read_import_data

FIGURES = ("metriek;periode;waarde;eenheid;bron;url;datum;opmerking\n"
           "reports_total;2025;ca. 120.000;;Offlimits jaarverslag 2025;https://offlimits.nl/;2026-06-01;eerste\n"
           "Mijn reeks;2024;12,5;%;Eigen telling;https://example.org/telling;2026;\n"
           "reports_h1;2025-H1;58.000;;Offlimits halfjaarcijfers;https://offlimits.nl/h1;2025-09;\n")
STORY = '''id = "mijn-verhaal"
metrics = ["reports_total", "mijn_reeks"]
years = [2020, 2025]
highlight = ["2025"]

[title]
nl = "Mijn <b>verhaal</b>"
en = "My story"

[text]
nl = "Eigen woorden & <i>geen</i> opmaak."
en = "Own words."
'''
EVENTS = "date;title_nl;title_en;url;note\n2025-03;Nieuwe wet;New law;https://example.org/wet;\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


@pytest.fixture
def folder_a(tmp_path, bundled) -> Path:
    """A data folder with imported figures (one of a series of its own), a story and an event."""
    a = tmp_path / "a"
    with UserStore.open(a) as store:
        res = read_import_data(FIGURES.encode("utf-8"), "cijfers.csv", store.overlay(bundled))
        assert not res.has_errors, [p.format("en") for p in res.problems]
        store.apply(res, "cijfers.csv")
    (a / "stories").mkdir()
    (a / "stories" / "mijn-verhaal.toml").write_text(STORY, encoding="utf-8")
    (a / "events.csv").write_text(EVENTS, encoding="utf-8")
    return a


def own_values(folder: Path, bundled) -> dict:
    with UserStore.open(folder) as store:
        ds = store.overlay(bundled)
    out = {}
    for obs in ds.observations:
        if obs.user:
            src = ds.sources[obs.source]
            out[(obs.metric, str(obs.period))] = (obs.value, obs.approximate, src.publisher, src.url,
                                                  src.published, obs.note.nl)
    return out


def test_round_trip_values_sources_stories_events_then_undo(folder_a, tmp_path, bundled):
    target = tmp_path / "van-anna.meldpunt"
    code, out, err = run("pack", "export", "--out", str(target), "--name", "Anna de Vries",
                         "--data-dir", str(folder_a))
    assert (code, err) == (0, "")
    assert "3 cijfers, 1 verhaal, met eigen gebeurtenissen" in out

    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert names[0] == "manifest.json"
    assert set(names) == {"manifest.json", "observations.csv", "events.csv", "stories/mijn-verhaal.toml"}
    assert manifest["format"] == "meldpunt-pack" and manifest["version"] == 1
    assert manifest["creator"] == "Anna de Vries" and manifest["created"][:4].isdigit()
    assert len(manifest["members"]["observations.csv"]["sha256"]) == 64

    fresh = tmp_path / "b"
    code, out, err = run("pack", "import", str(target), "--yes", "--data-dir", str(fresh))
    assert (code, err) == (0, ""), out
    assert "Import 1 opgeslagen: 3 nieuw, 0 gewijzigd" in out

    sent, received = own_values(folder_a, bundled), own_values(fresh, bundled)
    assert sent.keys() == received.keys()
    for key, (value, approx, publisher, url, published, note) in sent.items():
        got = received[key]
        assert got[:5] == (value, approx, publisher, url, published)
        via = "via pakket van Anna de Vries, " + manifest["created"][:10]
        assert got[5] == (f"{note}; {via}" if note else via)
    assert received[("reports_total", "2025")][:2] == (120000.0, True)
    assert received[("mijn_reeks", "2024")][0] == 12.5

    story = fresh / "stories" / "mijn-verhaal.toml"
    assert story.read_text(encoding="utf-8") == STORY  # copied byte for byte, never rewritten
    code, out, _ = run("list-stories", "--json", "--data-dir", str(fresh))
    listed = {s["id"]: s for s in json.loads(out)}
    assert listed["mijn-verhaal"]["title"] == "Mijn <b>verhaal</b>"  # text, not markup
    assert "Nieuwe wet" in (fresh / "events.csv").read_text(encoding="utf-8")

    code, out, _ = run("imports", "--json", "--data-dir", str(fresh))
    assert [r["file"] for r in json.loads(out)] == ["van-anna.meldpunt"]
    assert run("imports", "--undo", "1", "--data-dir", str(fresh))[0] == 0
    assert own_values(fresh, bundled) == {}


def _pack_events(tmp_path: Path, name: str, events: bytes, receiver_events: bytes | None,
                 exit_code: int = 0) -> Path:
    """A pack of one figure and `events`, imported into a fresh folder holding `receiver_events`."""
    sender = tmp_path / f"{name}-from"
    with UserStore.open(sender) as store:
        res = read_import_data(FIGURES.encode("utf-8"), "cijfers.csv", store.overlay(load_bundled()))
        store.apply(res, "cijfers.csv")
    (sender / "events.csv").write_bytes(events)
    target = tmp_path / f"{name}.meldpunt"
    assert run("pack", "export", "--out", str(target), "--data-dir", str(sender))[0] == 0
    receiver = tmp_path / f"{name}-to"
    receiver.mkdir()
    if receiver_events is not None:
        (receiver / "events.csv").write_bytes(receiver_events)
    code, out, err = run("pack", "import", str(target), "--yes", "--data-dir", str(receiver))
    assert code == exit_code, (out, err)
    return receiver


OWN = "date;title_nl;title_en;url;note\n2021;Café gesloten – €5;Café closed;;Daniël\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_adding_a_packs_events_keeps_every_character_of_the_receivers_file(tmp_path, encoding):
    """The receiver's events.csv in Windows-1252 or UTF-16 (both read by the viewer) was decoded
    as UTF-8 and written back: 'Café' became 'Caf\ufffd', and a UTF-16 file lost every event."""
    from meldpunt_gui.data.user_events import event_rows

    folder = _pack_events(tmp_path, encoding, EVENTS.encode("utf-8"), OWN.encode(encoding))
    rows, problems = event_rows(folder)
    assert problems == []
    assert [(r["date"], r["title_nl"], r["note"]) for r in rows] == [
        ("2021", "Café gesloten – €5", "Daniël"), ("2025-03", "Nieuwe wet", "")]


def test_a_packs_events_are_the_ones_its_reader_accepts(tmp_path):
    """A blank line and a title over two lines in the pack's events.csv: the good events arrive
    whole, the bad one stays out (the row count drifted from the reader's line numbers)."""
    from meldpunt_gui.data.user_events import event_rows

    sent = ("date;title_nl;title_en;url;note\n\n2099-13-45;Fout;Bad;;\n"
            '2020;"Twee\nregels";Two lines;;\n2022;Goed;Good;;\n')
    folder = _pack_events(tmp_path, "rows", sent.encode("utf-8"), None, exit_code=1)  # imported in part
    rows, problems = event_rows(folder)
    assert problems == []  # nothing bad was copied in
    assert [(r["date"], r["title_nl"]) for r in rows] == [("2020", "Twee\nregels"), ("2022", "Goed")]


def test_a_pack_made_from_a_windows_1252_events_file_brings_its_events(tmp_path):
    from meldpunt_gui.data.user_events import event_rows

    folder = _pack_events(tmp_path, "sent1252", OWN.encode("cp1252"), None)
    assert [r["title_nl"] for r in event_rows(folder)[0]] == ["Café gesloten – €5"]


def test_importing_twice_adds_nothing(folder_a, tmp_path):
    target = tmp_path / "p.meldpunt"
    assert run("pack", "export", "--out", str(target), "--name", "A", "--data-dir", str(folder_a))[0] == 0
    fresh = tmp_path / "b"
    assert run("pack", "import", str(target), "--yes", "--data-dir", str(fresh))[0] == 0
    code, out, _ = run("pack", "import", str(target), "--yes", "--lang", "en", "--data-dir", str(fresh))
    assert code == 0 and "Nothing to import: everything in the pack is here already." in out
    assert (fresh / "events.csv").read_text(encoding="utf-8").count("Nieuwe wet") == 1


def test_a_story_of_the_same_name_is_not_overwritten(folder_a, tmp_path):
    target = tmp_path / "p.meldpunt"
    run("pack", "export", "--out", str(target), "--name", "A", "--data-dir", str(folder_a))
    fresh = tmp_path / "b"
    (fresh / "stories").mkdir(parents=True)
    mine = STORY.replace("Own words.", "Mine.")
    (fresh / "stories" / "mijn-verhaal.toml").write_text(mine, encoding="utf-8")
    code, _, err = run("pack", "import", str(target), "--yes", "--data-dir", str(fresh))
    assert code == 1 and ("waarschuwing: p.meldpunt/stories/mijn-verhaal.toml: er is al een verhaal "
                          "'mijn-verhaal'; niet overschreven") in err
    assert (fresh / "stories" / "mijn-verhaal.toml").read_text(encoding="utf-8") == mine


def test_nothing_of_ones_own_to_pack(tmp_path):
    code, _, err = run("pack", "export", "--out", str(tmp_path / "x.meldpunt"), "--lang", "en",
                       "--data-dir", str(tmp_path / "empty"))
    assert code == 2 and err == "There is nothing to pack: no own figures, events or stories yet.\n"
    assert not (tmp_path / "x.meldpunt").exists()


def test_a_pack_with_bad_figures_imports_nothing(tmp_path):
    bad = "metric;label;unit;period;value;approximate;source;url;published;note\nreports_total;;;2025;-5;no;;;;\n"
    data = packing.build_pack({"observations.csv": bad.encode()}, "B")
    (tmp_path / "bad.meldpunt").write_bytes(data)
    code, out, _ = run("pack", "import", str(tmp_path / "bad.meldpunt"), "--yes", "--lang", "en",
                       "--data-dir", str(tmp_path / "b"))
    assert code == 1 and "bad.meldpunt/observations.csv:2" in out
    assert "Nothing imported: the pack has errors." in out


# ----- refused packs

def good_members() -> dict[str, bytes]:
    return {"observations.csv": b"metric;label;unit;period;value;approximate;source;url;published;note\n"
                                b"reports_total;x;reports;2025;1;no;;;;\n",
            "stories/a.toml": STORY.encode()}


def zip_of(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return buf.getvalue()


def manifest_for(members: dict[str, bytes], **over) -> bytes:
    doc = packing.manifest(members, "Anna", "2026-01-02T03:04:05+01:00")
    doc.update(over)
    return json.dumps(doc).encode()


def refused(data: bytes) -> PackError:
    with pytest.raises(PackError) as caught:
        read_pack_bytes(data, "p.meldpunt")
    assert caught.value.message.nl.startswith("p.meldpunt ")
    assert caught.value.message.en.startswith("p.meldpunt ")
    return caught.value


def test_a_good_pack_reads():
    pack = read_pack_bytes(packing.build_pack(good_members(), "Anna"), "p.meldpunt")
    assert pack.members == good_members() and pack.creator == "Anna"


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04" + b"\0" * 40])
def test_damaged_files_are_refused(data):
    assert refused(data).code == "damaged"


def test_a_truncated_pack_is_refused():
    data = packing.build_pack(good_members(), "Anna")
    assert refused(data[: len(data) // 2]).code == "damaged"


def test_a_flipped_byte_is_refused():
    members = {"observations.csv": b"x" * 5000}
    data = bytearray(packing.build_pack(members, "Anna"))
    at = bytes(data).index(b"observations.csv", 100) + 40  # inside the compressed member
    data[at] ^= 0xFF
    assert refused(bytes(data)).code in ("damaged", "tampered")


def test_a_changed_member_is_refused():
    members = good_members()
    changed = {**members, "observations.csv": members["observations.csv"].replace(b";1;", b";9;")}
    data = zip_of([("manifest.json", manifest_for(members)), *changed.items()])
    err = refused(data)
    assert err.code == "tampered" and "observations.csv" in err.message.en


@pytest.mark.parametrize("name", ["../evil.toml", "stories/../../evil.toml", "/etc/evil.toml",
                                  "stories/sub/a.toml", "stories\\..\\evil.toml", "run.py",
                                  "stories/a.toml.exe", "stories/.toml", "stories/"])
def test_names_outside_the_pack_layout_are_refused(name):
    members = {**good_members(), name: b"x"}
    data = zip_of([("manifest.json", manifest_for(members)), *members.items()])
    assert refused(data).code == "tampered"


def test_a_member_the_manifest_does_not_list_is_refused():
    members = good_members()
    data = zip_of([("manifest.json", manifest_for({"stories/a.toml": members["stories/a.toml"]})),
                   *members.items()])
    assert "not in its manifest" in refused(data).message.en


def test_a_member_the_manifest_lists_but_is_missing_is_refused():
    members = good_members()
    data = zip_of([("manifest.json", manifest_for(members)), ("stories/a.toml", members["stories/a.toml"])])
    assert "missing" in refused(data).message.en


def test_a_link_member_is_refused():
    link = zipfile.ZipInfo("stories/a.toml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    members = {"stories/a.toml": b"/etc/passwd"}
    data = zip_of([("manifest.json", manifest_for(members)), (link, b"/etc/passwd")])
    assert "link" in refused(data).message.en


def test_a_newer_pack_version_says_so():
    members = good_members()
    data = zip_of([("manifest.json", manifest_for(members, version=99)), *members.items()])
    err = refused(data)
    assert err.code == "newer" and "newer version" in err.message.en


def test_a_wrong_manifest_is_refused():
    members = good_members()
    for head in (b"{", b"[]", json.dumps({"format": "other"}).encode(), manifest_for(members, version="1")):
        assert refused(zip_of([("manifest.json", head), *members.items()])).code == "damaged"


def test_an_oversized_file_is_refused_before_it_is_unzipped(monkeypatch):
    monkeypatch.setattr(unpacking, "MAX_PACK_BYTES", 100)
    err = refused(packing.build_pack(good_members(), "Anna"))
    assert err.code == "too_big" and "larger than" in err.message.en


def test_a_zip_bomb_is_refused_by_its_declared_size():
    members = {"observations.csv": b"0" * (unpacking.MAX_OBSERVATIONS_BYTES + 1)}
    data = packing.build_pack(members, "Anna")
    assert len(data) < 200_000  # a small file that would inflate to more than the limit
    assert refused(data).code == "too_big"


def test_a_zip_bomb_that_lies_about_its_size_stops_at_the_declared_size():
    body = b"0" * 2_000_000
    data = bytearray(packing.build_pack({"observations.csv": body}, "Anna"))
    real = len(body).to_bytes(4, "little")
    lie = (1000).to_bytes(4, "little")
    assert bytes(data).count(real) == 2  # the local header and the central directory
    data = bytearray(bytes(data).replace(real, lie))
    err = refused(bytes(data))
    assert err.code in ("damaged", "tampered", "too_big")


def test_a_story_file_over_its_limit_is_refused():
    members = {"stories/a.toml": b"#" * (packing.MAX_STORY_BYTES + 1)}
    assert refused(packing.build_pack(members, "Anna")).code == "too_big"


def test_the_manifest_text_is_one_plain_line():
    members = good_members()
    head = manifest_for(members, creator="Anna\n<script>x</script>\x1b[31m" + "y" * 500)
    pack = read_pack_bytes(zip_of([("manifest.json", head), *members.items()]), "p.meldpunt")
    assert "\n" not in pack.creator and "\x1b" not in pack.creator and len(pack.creator) <= 100
    assert pack.creator.startswith("Anna <script>x</script>")  # kept as text, shown as text


def test_the_command_line_refuses_in_one_sentence(tmp_path):
    (tmp_path / "x.meldpunt").write_bytes(b"garbage")
    code, out, err = run("pack", "import", str(tmp_path / "x.meldpunt"), "--lang", "en",
                         "--data-dir", str(tmp_path / "b"))
    assert code == 2 and out == ""
    assert err == "x.meldpunt is damaged or not a pack of this viewer.\n"
    code, _, err = run("pack", "import", str(tmp_path / "none.meldpunt"), "--data-dir", str(tmp_path / "b"))
    assert code == 2 and err.startswith("none.meldpunt bestaat niet")
    assert not (tmp_path / "b" / "meldpunt.sqlite").exists() or run(
        "imports", "--json", "--data-dir", str(tmp_path / "b"))[1].strip() == "[]"


def test_a_folder_is_not_a_pack(tmp_path):
    with pytest.raises(PackError) as caught:
        read_pack(tmp_path)
    assert caught.value.code == "unreadable"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_are_a_pack_or_a_clear_refusal(data):
    try:
        read_pack_bytes(data, "p.meldpunt")
    except PackError as exc:
        assert exc.message.nl and exc.message.en


@functools.cache
def _good_pack() -> bytes:
    """One good pack, built once: its zip entries carry the time they were written."""
    return packing.build_pack(good_members(), "Anna", created="2026-01-01T00:00:00+01:00")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_a_damaged_good_pack_is_refused_or_reads_what_was_packed(data):
    good = _good_pack()  # the same bytes for every example, so hypothesis can replay one
    at = data.draw(st.integers(0, len(good) - 1))
    byte = data.draw(st.integers(0, 255))
    mutated = good[:at] + bytes([byte]) + good[at + 1:]
    try:
        pack = read_pack_bytes(mutated, "p.meldpunt")
    except PackError:
        return
    assert pack.members == good_members()  # whatever got through is exactly what the hashes vouch for


def test_pack_commands_load_no_qt(folder_a, tmp_path):
    """Data commands run on a machine without a display: no Qt, no pyqtgraph (DESIGN §1)."""
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from meldpunt_gui.cli import main\n"
        f"assert main(['pack', 'export', '--out', {str(tmp_path / 'p.meldpunt')!r}, '--name', 'A',"
        f" '--data-dir', {str(folder_a)!r}], out=io.StringIO(), err=io.StringIO()) == 0\n"
        f"assert main(['pack', 'import', {str(tmp_path / 'p.meldpunt')!r}, '--yes',"
        f" '--data-dir', {str(tmp_path / 'b')!r}], out=io.StringIO(), err=io.StringIO()) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_story_whose_file_name_windows_cannot_hold_is_left_out_with_a_reason(folder_a, tmp_path):
    (folder_a / "stories" / "con.toml").write_text(STORY.replace("mijn-verhaal", "con"), encoding="utf-8")
    target = tmp_path / "p.meldpunt"
    run("pack", "export", "--out", str(target), "--name", "A", "--data-dir", str(folder_a))
    fresh = tmp_path / "b"
    code, _, err = run("pack", "import", str(target), "--yes", "--data-dir", str(fresh))
    assert code == 1
    assert "stories/con.toml: Windows kan geen bestand met deze naam bewaren; niet overgenomen" in err
    assert sorted(p.name for p in (fresh / "stories").iterdir()) == ["mijn-verhaal.toml"]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_as_a_pack_or_in_the_data_folder(folder_a, tmp_path):
    """A plain open() of a named pipe waits for a writer for ever: `pack import` of one, and
    `pack export`/`pack import` with one as events.csv or a story, hung."""
    import os

    fifo = tmp_path / "p.meldpunt"
    os.mkfifo(fifo)
    with pytest.raises(PackError) as caught:
        read_pack(fifo)
    assert caught.value.code == "unreadable" and "named pipe" in caught.value.message.nl
    (folder_a / "events.csv").unlink()
    os.mkfifo(folder_a / "events.csv")
    os.mkfifo(folder_a / "stories" / "pijp.toml")
    target = tmp_path / "uit.meldpunt"
    code, out, _ = run("pack", "export", "--out", str(target), "--name", "A", "--data-dir", str(folder_a))
    assert code == 0 and target.is_file()
    names = set(zipfile.ZipFile(target).namelist())
    assert "stories/mijn-verhaal.toml" in names and "stories/pijp.toml" not in names and "events.csv" not in names
    receiver = tmp_path / "b"
    (receiver / "stories").mkdir(parents=True)
    os.mkfifo(receiver / "events.csv")
    os.mkfifo(receiver / "stories" / "mijn-verhaal.toml")
    code, out, _ = run("pack", "import", str(target), "--yes", "--data-dir", str(receiver))
    assert code in (0, 1) and stat.S_ISFIFO((receiver / "events.csv").stat().st_mode)


def test_a_packs_story_left_out_is_said_in_the_window_language(folder_a, tmp_path):
    (folder_a / "stories" / "fout.toml").write_text(STORY.replace("mijn-verhaal", "fout").replace(
        '"mijn_reeks"', '"bestaat_niet"'), encoding="utf-8")
    target = tmp_path / "p.meldpunt"
    run("pack", "export", "--out", str(target), "--name", "A", "--data-dir", str(folder_a))
    code, out, err = run("pack", "import", str(target), "--yes", "--data-dir", str(tmp_path / "b"))
    assert code == 1 and "Import 1 opgeslagen" in out  # the figures are in, the story is not
    assert err.splitlines()[0].startswith("waarschuwing: p.meldpunt/stories/fout.toml:")
    assert "metrics: onbekende reeks bestaat_niet; het verhaal is niet overgenomen." in err
    assert err.splitlines()[-1] == ("Waarschuwing: p.meldpunt is maar voor een deel geïmporteerd; wat hierboven "
                                    "genoemd is, is niet overgenomen.")
    code, out, err = run("pack", "import", str(target), "--yes", "--lang", "en", "--data-dir", str(tmp_path / "c"))
    assert code == 1 and "metrics: unknown metric bestaat_niet; the story was not taken in." in err
    assert err.splitlines()[-1].startswith("Warning: p.meldpunt was imported in part only")
    # the same pack again: the figures are there, the story still cannot be taken in
    code, out, err = run("pack", "import", str(target), "--yes", "--data-dir", str(tmp_path / "b"))
    assert code == 1 and "fout.toml" in err and err.splitlines()[-1].startswith("Niets geïmporteerd uit p.meldpunt")


def test_a_new_units_axis_labels_travel_with_the_pack(tmp_path, bundled):
    """'verwijderbevelen' / 'removal orders' arrived as 'bevelen' in both languages, and the
    summary said the series arrived as it was."""
    sender, receiver = tmp_path / "van", tmp_path / "naar"
    with UserStore.open(sender) as store:
        res = read_import_data(b"reeks;periode;waarde;eenheid;eenheid nl;eenheid en\n"
                               b"Verwijderbevelen ATKM;2025;12;bevelen;verwijderbevelen;removal orders\n",
                               "unit.csv", store.overlay(bundled))
        assert not res.has_errors
        store.apply(res, "unit.csv")
    target = tmp_path / "u.meldpunt"
    assert run("pack", "export", "--out", str(target), "--data-dir", str(sender))[0] == 0
    assert run("pack", "import", str(target), "--yes", "--data-dir", str(receiver))[0] == 0
    with UserStore.open(receiver) as store:
        ds = store.overlay(bundled)
    unit = ds.units[ds.metrics["verwijderbevelen_atkm"].unit]
    assert (unit.id, unit.label.nl, unit.label.en) == ("bevelen", "verwijderbevelen", "removal orders")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story=st.one_of(st.binary(max_size=200),
                       st.lists(st.text(max_size=30), min_size=1, max_size=20).map(
                           lambda names: ("metrics = [" + ", ".join(json.dumps(n) for n in names)
                                          + "]\nyears = [2019, 2022]\n").encode("utf-8"))))
def test_whatever_a_packs_story_holds_it_is_taken_in_or_named_as_left_out(tmp_path, bundled, story):
    """A story the receiver cannot take in is never dropped in silence: it is named, with the
    pack, and the pack counts as imported in part (the command line's exit code 1)."""
    from meldpunt_gui.imports.pack import Pack
    from meldpunt_gui.imports.pack_apply import plan_extras

    pack = Pack("van-anna.meldpunt", "", "Anna", "2026-01-01", {"stories/verhaal.toml": story})
    res = unpacking.preview_pack(pack, bundled, "nl")
    extras = plan_extras(pack, bundled, res, tmp_path / "leeg")
    if extras.stories:
        assert extras.stories == [("verhaal.toml", story)] and not extras.partly
    else:
        assert extras.partly and len(extras.skipped) == 1
        said = extras.skipped[0]
        assert said.nl.startswith("van-anna.meldpunt/stories/verhaal.toml") and "niet overgenomen" in said.nl
        assert said.en.startswith("van-anna.meldpunt/stories/verhaal.toml") and "not taken in" in said.en
