"""Names from a file are bounded: a long or unknown series name costs bounded time and memory,
and is quoted cut short in its message."""

from __future__ import annotations

import csv
import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports import row_metrics
from meldpunt_gui.imports.files import TableError, _plain_rows
from meldpunt_gui.imports.model import MAX_LISTED_PROBLEMS
from meldpunt_gui.imports.reader import read_import_data

DS = small_dataset()
LIMIT = csv.field_size_limit()


def _read(text: str):
    return read_import_data(text.encode(), "namen.csv", DS)


def test_an_unquoted_cell_past_the_csv_bound_stops_the_reading_at_its_line():
    res = _read("reeks;periode;waarde\nhotline_reports;2023;5\n" + "y" * (LIMIT + 1) + ";2024;6\n")
    p = next(p for p in res.problems if p.code == "unreadable")
    assert p.line == 3
    assert p.message.nl == "Het bestand is vanaf hier niet leesbaar: een cel is langer dan 131.072 tekens."
    assert p.message.en == "The file is unreadable from here on: a cell is longer than 131,072 characters."
    assert [(r.metric, str(r.period), r.value) for r in res.rows] == [("hotline_reports", "2023", 5)]
    assert all(len(m) < 300 for q in res.problems for m in (q.message.nl, q.message.en))


def test_a_long_line_of_short_cells_is_still_read():
    wide = ";".join(["x"] * (LIMIT // 2))  # a line longer than the bound, every cell short
    rows = list(_plain_rows(iter(["a;b\n" + wide + "\nc;d\n"]), ";", 0))
    assert [line for line, _ in rows] == [1, 2, 3]
    assert rows[1][1] == ["x"] * (LIMIT // 2) and rows[2][1] == ["c", "d"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 5, LIMIT, LIMIT + 1]), min_size=1, max_size=3),
                min_size=1, max_size=5))
def test_plain_rows_are_the_lines_up_to_the_first_cell_past_the_bound(shape):
    lines = [";".join("a" * n for n in cells) for cells in shape]
    first_long = next((i for i, cells in enumerate(shape) if max(cells) > LIMIT), None)
    got: list[tuple[int, list[str]]] = []
    try:
        got.extend(_plain_rows(iter(["".join(line + "\n" for line in lines)]), ";", 0))
    except TableError as exc:
        assert first_long is not None and exc.line == first_long + 1
    else:
        assert first_long is None
    end = len(lines) if first_long is None else first_long
    assert got == [(i + 1, line.split(";")) for i, line in enumerate(lines[:end])]


def test_a_long_unknown_name_is_quoted_cut_short_and_not_matched(monkeypatch):
    calls: list[str] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(row_metrics.difflib, "get_close_matches",
                        lambda word, *a: calls.append(word) or real(word, *a))
    name = "hotline_reports" + "z" * 5000
    res = _read(f"reeks;periode;waarde\n{name};2023;5\n")
    (p,) = res.problems
    assert p.code == "unknown_metric" and p.line == 2 and p.column == "reeks"
    assert p.message.nl.startswith("Onbekende reeks 'hotline_reports" + "z" * 40)
    assert "…'" in p.message.nl and "…'" in p.message.en and len(p.message.en) < 300
    assert calls == []  # a name past MAX_MATCHED_NAME is never compared


def test_a_short_unknown_name_still_gets_its_guess():
    (p,) = _read("reeks;periode;waarde\nhotline_reprots;2023;5\n").problems
    assert p.message.en.endswith("Did you mean hotline_reports?")
    assert p.message.nl.endswith("Bedoeld: hotline_reports?")


@pytest.mark.parametrize("extra", [1, 300])
def test_only_listed_unknown_names_are_matched(monkeypatch, extra):
    calls: list[str] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(row_metrics.difflib, "get_close_matches",
                        lambda word, *a: calls.append(word) or real(word, *a))
    n = MAX_LISTED_PROBLEMS + extra
    res = _read("reeks;periode;waarde\n" + "".join(f"onbekend {i};2020;5\n" for i in range(n)))
    assert res.error_count == n and res.omitted == extra
    assert len(calls) == MAX_LISTED_PROBLEMS
    assert res.errors[-1].message.en.startswith(f"Unknown series 'onbekend {MAX_LISTED_PROBLEMS - 1}'")


# ----- a new series' name, label and unit labels are kept bounded (they were stored whole)

def test_a_long_label_and_unit_labels_of_a_new_series_are_cut_with_a_warning():
    res = _read("reeks;naam;periode;waarde;eenheid;eenheid nl;eenheid en\n"
                f"eigen;{'n' * 5000};2025;5;bevelen;{'u' * 3000};{'e' * 2500}\n")
    assert not res.has_errors
    cuts = [(p.line, p.column, p.message.nl) for p in res.warnings if p.code == "text_cut"]
    assert cuts == [
        (2, "eenheid nl", "De tekst in kolom eenheid nl is 3.000 tekens lang; de eerste 2.000 worden bewaard."),
        (2, "eenheid en", "De tekst in kolom eenheid en is 2.500 tekens lang; de eerste 2.000 worden bewaard."),
        (2, "naam", "De tekst in kolom naam is 5.000 tekens lang; de eerste 2.000 worden bewaard."),
    ]
    (metric,) = res.metrics.values()
    assert metric.id == "eigen" and metric.label.nl == metric.label.en == "n" * 2000
    (unit,) = res.units.values()
    assert (unit.label.nl, unit.label.en) == ("u" * 2000, "e" * 2000)


@pytest.mark.parametrize(("header", "row", "column", "what"), [
    ("reeks;periode;waarde;eenheid", "{long};2025;5;bevelen", "reeks", ("een nieuwe reeks", "a new series")),
    ("reeks;periode;waarde;eenheid", "eigen;2025;5;{long}", "eenheid", ("een nieuwe eenheid", "a new unit")),
])
def test_a_name_that_would_become_a_new_id_is_refused_past_the_bound(header, row, column, what):
    res = _read(f"{header}\n{row.format(long='n' * 3000)}\n")
    (p,) = res.errors
    assert (p.line, p.column, p.code) == (2, column, "name_too_long")
    assert p.message.nl == (f"De naam van {what[0]} in kolom {column} is 3.000 tekens lang; "
                            "hoogstens 2.000 mogen het zijn.")
    assert p.message.en == (f"The name of {what[1]} in column {column} is 3,000 characters long; "
                            "at most 2,000 are allowed.")
    assert not res.rows and not res.metrics and not res.units
