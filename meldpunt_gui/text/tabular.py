"""The Table tab as data: metrics as rows, periods as columns, with change columns.

Built from the Dataset so the window, the clipboard and the briefing show the same cells; the
clipboard gets plain numbers (no grouping, the language's decimal sign) so Excel reads numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meldpunt_gui.model.domain import Dataset, Period, Text
from meldpunt_gui.model.view import ViewState, periods_with_values
from meldpunt_gui.text.describe import source_short, tooltip_text
from meldpunt_gui.text.formatting import format_change, format_number, format_period, format_value

H = {
    "metric": Text("Metriek", "Metric"),
    "unit": Text("Eenheid", "Unit"),
    "change": Text("verandering", "change"),
    "sources": Text("Bronnen", "Sources"),
    "approx": Text("Afgerond (ca.)", "Rounded (approx.)"),
}


@dataclass
class Cell:
    text: str = ""
    value: float | None = None
    approximate: bool = False
    alternatives: int = 0
    tooltip: str = ""
    own: bool = False
    metric: str = ""  # the value's series and period, so a cell can be found for a point
    period: Period | None = None


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)

    def cell_of(self, metric: str, period: Period) -> tuple[int, int] | None:
        """(row, column) of the value of `metric` in `period`, or None when it is not shown."""
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.metric == metric and cell.period == period:
                    return r, c
        return None

    def to_tsv(self, lang: str) -> str:
        """Tab-separated text that pastes into Excel as numbers."""
        lines = ["\t".join(self.headers)]
        for row in self.rows:
            cells = []
            for cell in row:
                if cell.value is not None:
                    cells.append(format_number(cell.value, lang, group=False))
                else:
                    cells.append(cell.text.replace("\t", " ").replace("\n", " "))
            lines.append("\t".join(cells))
        return "\r\n".join(lines) + "\r\n"

    def to_html(self) -> str:
        """The table as shown (ca. marks included), for pasting into a document."""
        head = "".join(f"<th>{_html_escape(h)}</th>" for h in self.headers)
        rows = "".join("<tr>" + "".join(f"<td>{_html_escape(c.text)}</td>" for c in row) + "</tr>"
                       for row in self.rows)
        return f"<table border='1' cellspacing='0'><tr>{head}</tr>{rows}</table>"


def _html_escape(text: str) -> str:
    from html import escape

    return escape(text)


def build_table(ds: Dataset, state: ViewState, lang: str) -> Table:
    periods = periods_with_values(ds, state)
    headers = [H["metric"].get(lang), H["unit"].get(lang)]
    for i, p in enumerate(periods):
        headers.append(format_period(p, lang))
        if i > 0 or ds_has_base(ds, state, p):
            headers.append(f"{H['change'].get(lang)} {format_period(p, lang)}")
    headers += [H["approx"].get(lang), H["sources"].get(lang)]
    table = Table(headers, metrics=[m for m in state.metrics if m in ds.metrics], periods=periods)
    for mid in table.metrics:
        metric, unit = ds.metrics[mid], ds.unit_of(mid)
        row = [Cell(metric.label.get(lang)), Cell(unit.label.get(lang))]
        approx_periods, sources = [], []
        for i, p in enumerate(periods):
            obs = ds.shown(mid, p)
            alts = ds.alternatives(mid, p)
            if obs is None:
                row.append(Cell(""))
            else:
                mark = " *" if alts else ""
                row.append(Cell(format_value(obs.value, unit, lang, obs.approximate) + mark,
                                obs.value, obs.approximate, len(alts),
                                tooltip_text(ds, mid, p, lang), obs.user, mid, p))
                if obs.approximate:
                    approx_periods.append(format_period(p, lang))
                src = source_short(ds.source_of(obs), lang)
                if src not in sources:
                    sources.append(src)
            if i > 0 or ds_has_base(ds, state, p):
                change = ds.change(mid, p)
                text = format_change(change, unit, lang) if change else ""
                row.append(Cell(text.split(" t.o.v. ")[0].split(" vs ")[0]))
        row.append(Cell(", ".join(approx_periods)))
        row.append(Cell("; ".join(sources)))
        table.rows.append(row)
    return table


def ds_has_base(ds: Dataset, state: ViewState, period: Period) -> bool:
    """A first column still gets a change column when the year before it has data (out of range)."""
    base = period.comparable_before()
    return any(ds.shown(m, base) is not None for m in state.metrics if m in ds.metrics)
