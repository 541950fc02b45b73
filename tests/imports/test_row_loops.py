"""The CSV row loop reads the common number shapes itself; what it gives (rows, problems, the
number style and its evidence) is what reading every value the general way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports import row_loops
from meldpunt_gui.imports.reader import read_import_data

DS = small_dataset()
METRICS = ("hotline_reports", "nl_share_pct", "reports_change_pct", "analyst_fte", "eigen reeks")
# the shapes the loop reads itself, their near misses, and values only the general way reads
VALUES = st.one_of(
    st.from_regex(r"[0-9]{1,17}", fullmatch=True),
    st.from_regex(r"[0-9]{1,8}[.,][0-9]{1,9}", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){1,4}(,[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){1,4}(\.[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["", "-", " 12 ", "ca. 1.234", "-5", "12%", "1.2.3", "1,2,3", "n.b.", "abc", "1e3",
                     "0.5", "1.000", "100,0", "101", "12.345,6", "１２"]),
)
ROWS = st.lists(st.tuples(st.sampled_from(METRICS), st.integers(2000, 2024), VALUES), min_size=1, max_size=40)


def _read(rows: list[tuple[str, int, str]]):
    lines = ["reeks;eenheid;periode;waarde"]
    lines += [f"{m};{'meldingen' if m == 'eigen reeks' else ''};{year};{value}" for m, year, value in rows]
    res = read_import_data("\n".join(lines).encode(), "cijfers.csv", DS)
    return (list(res.rows), [(p.line, p.column, p.severity, p.code, p.message) for p in res.problems],
            res.number_style, res.number_style_source, res.error_count, res.warning_count)


@settings(max_examples=300, deadline=None)
@given(ROWS)
def test_the_loop_reads_values_as_the_general_way_does(rows):
    quick = _read(rows)
    general = row_loops.FAST_MAX
    try:
        row_loops.FAST_MAX = -1  # no shape read in the loop: every value through add_text
        slow = _read(rows)
    finally:
        row_loops.FAST_MAX = general
    assert quick == slow
