"""The Table tab as data: periods as rows, one column per series, the change under each value.

Built from the Dataset so the window, the clipboard and the table export show the same cells.
Columns are typed (a column knows whether it holds periods or a series, and which), so nothing
finds a column by its header text. A cell holds its value text with its marks (ca., status,
other sources) and the change against the comparable earlier period as a figure of its own;
its tooltip is worked out only when asked for. The clipboard gets plain numbers (no grouping,
the language's decimal sign) so Excel reads numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Literal

from meldpunt_gui.model.domain import Dataset, Period, Text
from meldpunt_gui.model.view import ViewState, periods_with_values
from meldpunt_gui.model.vocabulary import MARKED_STATUSES, STATUS_LABELS
from meldpunt_gui.text.describe import tooltip_text
from meldpunt_gui.text.formatting import APPROX, format_change, format_number, format_period, format_value
from meldpunt_gui.text.marks import KEY, cell_marks, key_entries

H = {
    "period": Text("Periode", "Period"),
    "change": Text("verandering", "change"),
    "remarks": Text("opmerking", "remark"),
}

ColumnKind = Literal["period", "series"]


@dataclass(frozen=True)
class Column:
    """One column: the periods, or one series (its metric id, label and unit label)."""

    kind: ColumnKind
    label: str
    metric: str = ""
    unit: str = ""

    @property
    def header(self) -> str:
        """The header as shown: the label, the unit on a line of its own."""
        return f"{self.label}\n({self.unit})" if self.unit else self.label


@dataclass(frozen=True)
class Cell:
    """One cell as shown. `text` is the value with its marks; `change` the change figure alone."""

    text: str = ""
    change: str = ""
    value: float | None = None
    approximate: bool = False
    status: str = ""
    alternatives: int = 0
    own: bool = False
    metric: str = ""  # the value's series and period, so a cell can be found for a point
    period: Period | None = None


def _remarks(cell: Cell, lang: str) -> str:
    """'ca.; secundaire bron': what the marks of a shown cell say, in words."""
    said = [APPROX[lang]] if cell.value is not None and cell.approximate else []
    if cell.status in MARKED_STATUSES:
        said.append(STATUS_LABELS[cell.status].get(lang))
    return "; ".join(said)


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    key: list[str] = field(default_factory=list)  # the marks in view, explained
    # the key on screen: `key`, and what bold cells (own figures) mean where any are in view;
    # copied or exported text has no bold, so its key does not speak of it
    screen_key: list[str] = field(default_factory=list)
    lang: str = "nl"
    ds: Dataset | None = field(default=None, repr=False)

    @property
    def headers(self) -> list[str]:
        """Header texts on one line each (for the clipboard and exports)."""
        return [c.header.replace("\n", " ") for c in self.columns]

    def column_of(self, metric: str) -> int:
        """The column index of a series (-1 when it is not in the table)."""
        return next((i for i, c in enumerate(self.columns) if c.kind == "series"
                     and c.metric == metric), -1)

    def row_of(self, period: Period) -> int:
        return self.periods.index(period) if period in self.periods else -1

    def tooltip(self, row: int, column: int) -> str:
        """The full story of one cell (value, change, source, other sources), made on demand."""
        cell = self.rows[row][column]
        if self.ds is None or not cell.metric or cell.period is None:
            return ""
        return tooltip_text(self.ds, cell.metric, cell.period, self.lang)

    def cell_of(self, metric: str, period: Period) -> tuple[int, int] | None:
        """(row, column) of the value of `metric` in `period`, or None when it is not shown."""
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.metric == metric and cell.period == period:
                    return r, c
        return None

    def to_tsv(self, lang: str) -> str:
        """Tab-separated text that pastes into Excel as numbers; per series a change column and
        a remark column, so a rounded or re-published figure does not arrive looking exact
        ('ca.', 'secundaire bron'), and a change from a rounded value keeps its 'ca.'."""
        headers = []
        for col, header in zip(self.columns, self.headers):
            headers.append(header)
            if col.kind == "series":
                headers += [f"{H['change'].get(lang)} {col.label}", f"{H['remarks'].get(lang)} {col.label}"]
        lines = ["\t".join(_plain(h) for h in headers)]
        for row in self.rows:
            cells = []
            for col, cell in zip(self.columns, row):
                if cell.value is not None:
                    cells.append(format_number(cell.value, lang, group=False))
                else:
                    cells.append(_plain(cell.text))
                if col.kind == "series":
                    cells.append(_plain(cell.change))
                    cells.append(_plain(_remarks(cell, lang)))
            lines.append("\t".join(cells))
        return "\r\n".join(lines) + "\r\n"

    def shown_rows(self) -> list[list[str]]:
        """The table as the reader sees it: headers, then per period each value with its marks
        and its change; what the table export writes."""
        out = [self._flat_headers()]
        for row in self.rows:
            cells = []
            for col, cell in zip(self.columns, row):
                cells.append(cell.text)
                if col.kind == "series":
                    cells.append(cell.change)
            out.append(cells)
        return out

    def _flat_headers(self) -> list[str]:
        out = []
        for col, header in zip(self.columns, self.headers):
            out.append(header)
            if col.kind == "series":
                out.append(f"{H['change'].get(self.lang)} {col.label}")
        return out

    def to_html(self) -> str:
        """The table as shown (marks and changes included), for pasting into a document."""
        head, *body = self.shown_rows()
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in body)
        key = "".join(f"<p>{escape(k)}</p>" for k in self.key)
        return ("<table border='1' cellspacing='0'><tr>"
                + "".join(f"<th>{escape(h)}</th>" for h in head) + f"</tr>{rows}</table>{key}")


def _plain(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def build_table(ds: Dataset, state: ViewState, lang: str) -> Table:
    """Periods with a value as rows, the selected series as columns."""
    periods = periods_with_values(ds, state)
    metrics = [m for m in dict.fromkeys(state.metrics) if m in ds.metrics]
    columns = [Column("period", H["period"].get(lang))]
    columns += [Column("series", ds.metrics[m].label.get(lang), m, ds.unit_of(m).label.get(lang))
                for m in metrics]
    table = Table(columns, metrics=metrics, periods=periods, lang=lang, ds=ds)
    statuses: set[str] = set()
    approx = alts_seen = own_seen = False
    for period in periods:
        row = [Cell(format_period(period, lang), period=period)]
        for mid in metrics:
            obs = ds.shown(mid, period)
            if obs is None:
                row.append(Cell(metric=mid, period=period))
                continue
            unit = ds.unit_of(mid)
            alts = len(ds.alternatives(mid, period))
            change = ds.change(mid, period)
            row.append(Cell(
                format_value(obs.value, unit, lang, obs.approximate) + cell_marks(obs, alts),
                format_change(change, unit, lang, base=False) if change else "",
                obs.value, obs.approximate, obs.status, alts, obs.user, mid, period))
            statuses.add(obs.status)
            approx = approx or obs.approximate
            alts_seen = alts_seen or bool(alts)
            own_seen = own_seen or obs.user
        table.rows.append(row)
    table.key = key_entries(statuses, approx, alts_seen, lang)
    table.screen_key = [*table.key, KEY["own"].get(lang)] if own_seen else list(table.key)
    return table
