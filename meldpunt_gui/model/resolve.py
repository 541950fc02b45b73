"""The one computed view of a selection: everything the window and the exports show.

A `ViewState` says what the user picked; `resolve()` works out once what follows from it: the
years and periods, the panels and what each draws, the title, the notes, the "Bron:" line, the
chart in words, the table and the explanation. Every widget and every export reads this object
instead of working the selection out again (ticking one series used to compute the year range
ten times and the hidden table's tooltips twenty times). What only a hidden part needs (the
table, the explanation) is computed the first time it is asked for and then kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from meldpunt_gui.model.changes import break_positions
from meldpunt_gui.model.domain import Dataset, Event, Observation, Period, Source, Text
from meldpunt_gui.model.events import view_events
from meldpunt_gui.model.transforms import ChartData, chart_data, has_gap
from meldpunt_gui.model.view import Panel, ViewState, panels, selected_periods, year_range
from meldpunt_gui.text.describe import CellScan, scan_cells, source_line, sources_of, summary_sentences
from meldpunt_gui.text.explanation import Section, explanation_sections, sections_html
from meldpunt_gui.text.formatting import format_date, format_year_range
from meldpunt_gui.text.headline import Headline, headlines
from meldpunt_gui.text.marks import key_entries
from meldpunt_gui.text.plain import shorten
from meldpunt_gui.text.series_memo import SeriesMemo
from meldpunt_gui.text.tabular import Table, build_table
from meldpunt_gui.text.why import WhySentence, why_sentences

if TYPE_CHECKING:
    from meldpunt_gui.data.stories import Story

LEAD_FIGURES = 4  # key figures in the headline strip; the rest are in the chart and the table
NO_METRIC = Text("Geen reeks gekozen", "No series selected")
TITLE_NAMES = 4  # series a title names; of more, the first three and how many others (two or more)
MORE_SERIES = Text("{names} en nog {n} reeksen", "{names} and {n} more series")
DATA_DATE = Text("Gegevens tot en met {date}", "Data up to and including {date}")


@dataclass(frozen=True, eq=False)
class ResolvedView:
    """A view worked out for one dataset, selection and language. Immutable: a change of any of
    the three makes a new one (compared by identity, so a widget can tell it has drawn it)."""

    ds: Dataset
    state: ViewState
    lang: str
    first_year: int
    last_year: int
    periods: tuple[Period, ...]  # every period in range, empty ones too (a gap, not a bridge)
    metrics: tuple[str, ...]  # the selected metrics the dataset knows, in selection order
    panels: tuple[Panel, ...]
    chart: ChartData
    # per selected metric its values in each period (shown one first): looked up once for the
    # chart, its status marks, the sources, the key to the marks and the explanation
    cells: tuple[tuple[list[Observation], ...], ...]
    story: Story | None = None
    events: tuple[Event, ...] = field(default=())  # the events drawn (none when switched off)
    listed_events: tuple[Event, ...] = field(default=())  # the events chosen for this view
    highlight: tuple[Period, ...] = ()  # the periods shaded (the open story's)
    memo: SeriesMemo | None = None  # the window's texts of earlier views (see text/series_memo.py)

    # ----- texts, from the data (never parsed back from another display string)
    @cached_property
    def series_names(self) -> tuple[str, ...]:
        """The selected series' names, in order (the title's tooltip lists them all)."""
        return tuple(shorten(self.ds.metrics[m].label.get(self.lang)) for m in self.metrics)

    @cached_property
    def title(self) -> str:
        """'Meldingen totaal, Cloud-URL's, 2019 t/m 2024': the window's, every export's. Past
        TITLE_NAMES series the rest are counted, not named (the legend names every one)."""
        names = self.series_names
        if not names:
            return NO_METRIC.get(self.lang)
        named = ", ".join(names)
        if len(names) > TITLE_NAMES:
            named = MORE_SERIES.get(self.lang).format(names=", ".join(names[:TITLE_NAMES - 1]),
                                                      n=len(names) - TITLE_NAMES + 1)
        return f"{named}, {format_year_range(self.first_year, self.last_year, self.lang)}"

    @cached_property
    def notes(self) -> tuple[str, ...]:
        """What the reader must know about this view (units side by side, log scale, index base)."""
        return tuple(n.get(self.lang) for n in self.chart.notes)

    @cached_property
    def data_date_line(self) -> str:
        """'Gegevens tot en met 13-07-2023': the newest source date (status bar, every export)."""
        if not self.ds.data_date:
            return ""
        return DATA_DATE.get(self.lang).format(date=format_date(self.ds.data_date, self.lang))

    @cached_property
    def sources_line(self) -> str:
        """'Bron: Offlimits (2023); NU.nl (2022)': the publishers of the values drawn."""
        return source_line(self.ds, self.state, self.lang,
                           sources_of(self.ds, self.scan.drawn_source_ids))

    @cached_property
    def summary(self) -> tuple[str, ...]:
        """The chart in words, one sentence per series (also what screen readers get)."""
        return tuple(summary_sentences(self.ds, self.state, self.lang, self.periods, self.cells,
                                       self.memo))

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """Every source of a value in view, alternatives included, in first-use order."""
        return tuple(sources_of(self.ds, self.scan.source_ids))

    # ----- parts that only a visible tab or an export needs
    @cached_property
    def table(self) -> Table:
        return build_table(self.ds, self.state, self.lang)

    @cached_property
    def why(self) -> tuple[WhySentence, ...]:
        """'Waarom': two to four sourced reasons for these series and years, best first."""
        return tuple(why_sentences(self.ds, self.metrics, self.first_year, self.last_year, self.lang))

    @cached_property
    def lead_headlines(self) -> tuple[Headline, ...]:
        """The key figures the headline strip shows: those of the first few series only, so a
        view of forty series does not work out forty figures on every change."""
        if "headlines" in self.__dict__:
            return self.headlines[:LEAD_FIGURES]
        return tuple(headlines(self.ds, self.state, self.lang, self.chart, limit=LEAD_FIGURES,
                               periods=self.periods))

    @cached_property
    def headlines(self) -> tuple[Headline, ...]:
        """One key figure per selected series with a value in view (the headline strip)."""
        return tuple(headlines(self.ds, self.state, self.lang, self.chart, periods=self.periods))

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """The explanation pane's parts: Waarom, Wat telt mee, background, events, sources."""
        return tuple(explanation_sections(self.ds, self.state, self.lang, self.listed_events,
                                          self.why, view=self))

    @cached_property
    def explanation(self) -> str:
        """The explanation pane's HTML, unfolded; every text from a file in it is escaped."""
        return sections_html(self.sections, self.lang)

    @cached_property
    def scan(self) -> CellScan:
        """The sources and marks of the values in view, from one pass over the cells."""
        return scan_cells(self.cells)

    @cached_property
    def chart_key(self) -> tuple[str, ...]:
        """The key to the marks drawn ('open symbool = afgerond', '→ verwachting', ...): only
        the marks some value in view carries."""
        scan = self.scan
        return tuple(key_entries(scan.statuses, scan.approximate, scan.alternatives,
                                 self.lang, chart=True, breaks=self.broken_at_breaks,
                                 gaps=self.has_gaps))

    @cached_property
    def has_gaps(self) -> bool:
        """Some line in view stops for a period without a figure and goes on after it."""
        return any(has_gap(ln.values) for panel in self.chart.panels if not panel.stacked
                   for ln in panel.lines)

    @cached_property
    def broken_at_breaks(self) -> bool:
        """Some line in view has drawn values either side of a break in its series, and the
        chart leaves the line out between them (the key says why)."""
        for panel in self.chart.panels:
            if panel.stacked:
                continue
            for ln in panel.lines:
                if any(not math.isnan(ln.values[k]) and not math.isnan(ln.values[k - 1])
                       for k in break_positions(self.ds, ln.metric, ln.periods)):
                    return True
        return False

    @cached_property
    def without_half_years(self) -> tuple[str, ...]:
        """In a half-year view: the selected series that have no half-year figures at all
        (they draw nothing; the window says why and offers years)."""
        if self.state.granularity != "half":
            return ()
        return tuple(m for m in self.metrics if "half" not in self.ds.granularities(m))

    @cached_property
    def periods_with_values(self) -> tuple[Period, ...]:
        """Periods in range that hold at least one shown value (table rows, export rows)."""
        return tuple(p for p in self.periods
                     if any(self.ds.shown(m, p) is not None for m in self.metrics))


def resolve(ds: Dataset, state: ViewState, lang: str, story: Story | None = None,
            highlight: tuple[Period, ...] = (), memo: SeriesMemo | None = None) -> ResolvedView:
    """Work out the view of `state` on `ds` in `lang`: once per change, read by everyone. The
    shaded periods are the story's, or `highlight` for a view without one (an export); `memo`:
    the window's per-series texts of earlier views, reused where a series' figures are the same."""
    first, last = year_range(ds, state)
    metrics = tuple(m for m in state.metrics if m in ds.metrics)
    story_periods = tuple(story.highlight) if story is not None else tuple(highlight)
    listed = tuple(view_events(ds, metrics, first, last, story_periods, state.all_events))
    events = listed if state.show_events else ()
    periods = tuple(selected_periods(ds, state))
    cells = tuple(tuple(ds.values_in(m, periods)) for m in metrics)
    shown = {m: [c[0] if c else None for c in column] for m, column in zip(metrics, cells)}
    return ResolvedView(
        ds=ds, state=state, lang=lang, first_year=first, last_year=last,
        periods=periods, metrics=metrics, panels=tuple(panels(ds, metrics)),
        chart=chart_data(ds, state, shown), cells=cells, story=story,
        events=events, listed_events=listed, highlight=story_periods, memo=memo)
