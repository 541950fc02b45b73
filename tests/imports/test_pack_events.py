"""A pack's events added to the user's events.csv arrive as the events reader reads them, and
the user's own events stay as they were, whatever the header's case, place or columns."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.data.user_events import event_rows
from meldpunt_gui.imports.pack_events import COLUMNS, EventsRefused, _read_back, events_bytes
from meldpunt_gui.imports.reader import read_import_data

SENT = [{"date": "2024-05", "title_nl": "Nieuw beleid", "title_en": "New policy",
         "url": "https://example.org/beleid", "note": "let op"},
        {"date": "2023", "title_nl": "Tweede", "title_en": "Second", "url": "", "note": ""}]
OWN = {"date": "2020", "title_nl": "Eigen", "title_en": "Own", "url": "", "note": ""}


@pytest.mark.parametrize(("existing", "added"), [
    ("Date;Title_NL;Title_EN;URL;Note\n2020;Eigen;Own;;\n", []),  # capitals: rows were ';;;;'
    ("DATUM;TITEL_NL;TITEL_EN;URL;TOELICHTING\r\n2020;Eigen;Own;;\r\n", []),
    ("\n\ndate;title_nl;title_en;url;note\n2020;Eigen;Own;;\n", []),  # blank lines: rows were blank
    ("\ufeffdate,title_nl,title_en\n2020,Eigen,Own\n", ["url", "note"]),
    ("date;title_nl\n2020;Eigen\n", ["title_en", "url", "note"]),  # the English title, link and note were lost
    ("note;title_en;title_nl;date\n;Own;Eigen;2020", ["url"]),
])
def test_the_packs_events_read_back_whole_beside_the_users_own(existing, added):
    own = dict(OWN, title_en="Own" if "_en" in existing.lower() else "Eigen")
    data, columns = events_bytes(existing.encode("utf-8"), SENT, "p.meldpunt")
    assert columns == added
    assert _read_back(data) == [own, *SENT]
    assert data.decode("utf-8-sig").startswith(existing.lstrip("\ufeff").split("\n")[0].rstrip("\r"))


def test_no_file_or_blank_lines_only_get_a_header_of_our_columns():
    for existing in (b"", b"\n\n"):
        data, columns = events_bytes(existing, SENT, "p.meldpunt")
        assert columns == [] and data.decode("utf-8").startswith("date;title_nl;title_en;url;note\n")
        assert _read_back(data) == SENT


def test_a_file_whose_header_the_reader_does_not_take_is_left_alone_with_a_reason():
    with pytest.raises(EventsRefused) as refused:
        events_bytes(b"wanneer;wat\n2020;Eigen\n", SENT, "p.meldpunt")
    assert refused.value.text.nl == (
        "events.csv in de gegevensmap heeft geen kopregel die de viewer leest "
        "(date;title_nl;title_en;url;note); de gebeurtenissen uit p.meldpunt zijn niet toegevoegd.")
    assert refused.value.text.en.startswith("events.csv in the data folder has no header row")


def test_a_file_read_otherwise_once_columns_are_added_is_left_alone():
    """A line with more cells than the old header was left out; with columns added it would be
    read as an event the user never saw: refused, not changed."""
    with pytest.raises(EventsRefused) as refused:
        events_bytes(b"date;title_nl\n2020;Eigen;Own;https://x.org\n", SENT, "p.meldpunt")
    assert "niet toegevoegd" in refused.value.text.nl and "Add them by hand" in refused.value.text.en


@settings(max_examples=150, deadline=None)
@given(st.permutations(range(5)), st.integers(2, 5), st.lists(st.integers(0, 2), min_size=5, max_size=5),
       st.sampled_from([";", ",", "\t"]), st.sampled_from(["\n", "\r\n"]), st.integers(0, 2), st.booleans())
def test_any_header_the_reader_takes_gets_the_events_whole(order, kept, spelling, sep, eol, blank, bom):
    spellings = [("date", "Date", "DATUM"), ("title_nl", "Title_NL", "Titel_nl"), ("title_en", "TITLE_EN", "titel_en"),
                 ("url", "URL", "Url"), ("note", "Note", "Toelichting")]
    columns = [i for i in order if i < 2] + [i for i in order if i >= 2][:kept - 2]
    header = sep.join(spellings[i][spelling[i]] for i in columns)
    own = {c: OWN[c] if i in columns else "" for i, c in enumerate(COLUMNS)}
    own["title_en"] = own["title_en"] or own["title_nl"]  # the reader's rule for a missing English title
    line = sep.join(OWN[COLUMNS[i]] for i in columns)
    text = eol * blank + header + eol + line + eol
    data, added = events_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"), SENT, "p.meldpunt")
    assert added == [c for i, c in enumerate(COLUMNS) if i not in columns]
    assert _read_back(data) == [own, *SENT]


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def _pack(tmp_path: Path) -> Path:
    sender = tmp_path / "from"
    with UserStore.open(sender) as store:
        res = read_import_data(b"reeks;periode;waarde\nreports_total;2025;120.000\n", "c.csv",
                               store.overlay(load_bundled()))
        store.apply(res, "c.csv")
    (sender / "events.csv").write_text(
        "date;title_nl;title_en;url;note\n2024-05;Nieuw beleid;New policy;https://example.org/beleid;let op\n",
        encoding="utf-8")
    target = tmp_path / "p.meldpunt"
    assert _run("pack", "export", "--out", str(target), "--data-dir", str(sender))[0] == 0
    return target


def test_pack_import_keeps_a_partial_header_files_events_and_says_what_it_adds(tmp_path):
    pack = _pack(tmp_path)
    receiver = tmp_path / "to"
    receiver.mkdir()
    (receiver / "events.csv").write_text("Date;Title_NL\n2020;Eigen\n", encoding="utf-8")
    code, out, err = _run("pack", "import", str(pack), "--yes", "--data-dir", str(receiver))
    assert code == 0, err
    assert ("events.csv in de gegevensmap krijgt de kolommen title_en, url, note erbij, voor de "
            "gebeurtenissen uit p.meldpunt.") in out
    assert out.rstrip().endswith("Toegevoegd aan de gegevensmap: 0 verhalen, 1 gebeurtenis.")
    rows, problems = event_rows(receiver)
    assert problems == []
    assert rows == [dict(OWN, title_en="Eigen"), SENT[0]]


def test_pack_import_into_an_unreadable_header_adds_no_events_and_says_so(tmp_path):
    pack = _pack(tmp_path)
    receiver = tmp_path / "to"
    receiver.mkdir()
    (receiver / "events.csv").write_bytes(b"wanneer;wat\n2020;Eigen\n")
    code, out, err = _run("pack", "import", str(pack), "--yes", "--data-dir", str(receiver))
    assert code == 1, err  # imported in part
    assert "de gebeurtenissen uit p.meldpunt zijn niet toegevoegd." in err
    assert "Nieuwe gebeurtenissen" not in out and "gebeurtenis" not in out.splitlines()[-1]
    assert (receiver / "events.csv").read_bytes() == b"wanneer;wat\n2020;Eigen\n"
