"""What a chart needs next to it to be quoted right: mode, warnings, story, key, source, date.

Every chart export (PNG, SVG, PDF) and the briefing print these lines, so a chart that leaves the
window still says which year is 100, that an axis is logarithmic, that two lines count different
things, what a hollow marker means and where the numbers come from. Free of Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.model.transforms import ChartData, has_gap
from meldpunt_gui.model.view import index_base
from meldpunt_gui.model.vocabulary import DEFINITIONS, MARKED_STATUSES, STATUS_LABELS
from meldpunt_gui.text.formatting import format_period
from meldpunt_gui.text.marks import BREAK_KEY, GAP_KEY, STATUS_MARKS
from meldpunt_gui.text.plain import LONG, shorten

C = {
    "index": Text("Index: {year} = 100.", "Index: {year} = 100."),
    "parts": Text("Delen van het geheel, gestapeld; een kruis is het gepubliceerde totaal.",
                  "Parts of the whole, stacked; a cross is the published total."),
    "shares": Text("Aandelen van het totaal (%), gestapeld.", "Shares of the total (%), stacked."),
    "story": Text("Verhaal: {title}", "Story: {title}"),
    "highlight": Text("Grijs vlak: {periods}.", "Grey band: {periods}."),
    "hollow": Text("○ open punt = afgeronde waarde (ca.); ● gevuld punt = exacte waarde.",
                   "○ hollow marker = rounded value (approx.); ● filled marker = exact value."),
    "hatched": Text("Gearceerd = afgeronde waarde (ca.).", "Hatched = rounded value (approx.)."),
    "events": Text("Genummerde stippellijnen = gebeurtenissen (zie de lijst).",
                   "Numbered dotted lines = events (see the list)."),
}


@dataclass(frozen=True)
class ViewContext:
    """The lines around an exported chart, in reading order; each may be empty."""

    mode: str
    notes: tuple[str, ...]  # the unit warning, the log-scale note, a missing base year
    story: str
    highlight: str
    key: tuple[str, ...]  # what the marks in view mean
    source: str
    data_date: str
    # what each line counts, where lines that count different things share an axis (the note
    # sends the reader here); empty otherwise
    definitions: tuple[str, ...] = ()
    definitions_heading: str = ""

    def lines(self) -> list[str]:
        """Everything as plain lines, for a caption or an alt text."""
        defs = (self.definitions_heading, *self.definitions) if self.definitions else ()
        out = [self.story, self.highlight, self.mode, *self.notes, *defs, *self.key, self.source,
               self.data_date]
        return [line for line in out if line]


def definition_line(ds: Dataset, metric: str, lang: str) -> str:
    """'Meldingen totaal (meldingen): Alle meldingen die ...': what a series counts, one
    paragraph (a definition from a user's file is cut at LONG characters)."""
    m = ds.metrics[metric]
    return shorten(f"{m.label.get(lang)} ({ds.unit_of(metric).label.get(lang)}): "
                   f"{m.definition.get(lang)}", LONG)


def _sentence(text: str) -> str:
    """A key entry as the export's lines read: capital first, full stop last."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _key(data: ChartData, events: bool, lang: str, broken: bool,
         statuses: Iterable[str] = ()) -> tuple[str, ...]:
    out = []
    lines = [ln for p in data.panels if not p.stacked for ln in p.lines]
    stacked = [ln for p in data.panels if p.stacked for ln in p.lines]
    if any(a for ln in lines for a, v in zip(ln.approximate, ln.values) if not math.isnan(v)):
        out.append(C["hollow"].get(lang))
    if any(any(ln.approximate) for ln in stacked):
        out.append(C["hatched"].get(lang))
    present = set(statuses)  # the sign beside a marker (↺ secundaire bron), as the window's key says
    out += [f"{STATUS_MARKS[s]} = {STATUS_LABELS[s].get(lang)}." for s in MARKED_STATUSES if s in present]
    if any(has_gap(ln.values) for ln in lines):
        out.append(_sentence(GAP_KEY.get(lang)))
    if broken:
        out.append(_sentence(BREAK_KEY.get(lang)))
    if events:
        out.append(C["events"].get(lang))
    return tuple(out)


def view_context(view: ResolvedView) -> ViewContext:
    """The context of the chart drawn for `view`: its mode, story, marks, events and sources
    are the resolved view's, so an export says what its chart draws (the key once counted the
    events of every series while the chart drew those of the series in view)."""
    state, lang, story = view.state, view.lang, view.story
    mode = ""
    if state.mode == "index":
        mode = C["index"].get(lang).format(
            year=format_period(view.chart.index_base or index_base(view.ds, state), lang))
    elif state.mode in ("parts", "shares"):
        mode = C[state.mode].get(lang)
    highlight = ""
    if story is not None and story.highlight:
        highlight = C["highlight"].get(lang).format(
            periods=", ".join(format_period(p, lang) for p in story.highlight))
    return ViewContext(
        mode=mode,
        notes=view.notes,
        story=C["story"].get(lang).format(title=story.title.get(lang)) if story else "",
        highlight=highlight,
        key=_key(view.chart, bool(view.events), lang, view.broken_at_breaks, view.scan.statuses),
        source=view.sources_line,
        data_date=view.data_date_line,
        definitions=tuple(definition_line(view.ds, m, lang) for m in view.chart.compared
                          if m in view.ds.metrics),
        definitions_heading=DEFINITIONS.get(lang),
    )
