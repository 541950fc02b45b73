"""What the briefing says, in the order it says it, for the PDF drawer and the Word writer.

One page: title with the period, the headline figures with their change, the chart (drawn by the
caller; its words are here as `chart_text`), the window's two to four "Waarom" sentences with numbered source
marks, the numbered sources, the data date and a footer. The extended briefing adds an appendix:
definitions, background, the full table with the alternatives written out, and the events.
Free of Qt, so both drawers show the same content and the tests read it without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from meldpunt_gui.data.stories import Story
from meldpunt_gui.exports.view_context import ViewContext, definition_line, view_context
from meldpunt_gui.model.domain import Dataset, Event, Source, Text
from meldpunt_gui.model.resolve import ResolvedView, resolve
from meldpunt_gui.model.view import ViewState, periods_with_values, year_range
from meldpunt_gui.model.vocabulary import DEFINITIONS
from meldpunt_gui.text.describe import shown_sources, source_date, source_short
from meldpunt_gui.text.formatting import format_date, format_period, format_value, format_year_range
from meldpunt_gui.text.headline import Headline
from meldpunt_gui.text.why import MIN_WHY

H = {
    "figures": Text("Kerncijfers", "Key figures"),
    "chart": Text("Grafiek", "Chart"),
    "why": Text("Waarom", "Why"),
    "sources": Text("Bronnen", "Sources"),
    "appendix": Text("Bijlage", "Appendix"),
    "definitions": DEFINITIONS,
    "background": Text("Achtergrond", "Background"),
    "table": Text("Alle waarden", "All values"),
    "more_sources": Text("Verdere bronnen", "Further sources"),
    "events": Text("Gebeurtenissen", "Events"),
    "note": Text("Noot", "Note"),
    "event_why": Text("{date}: {title}.", "{date}: {title}."),
    "footer": Text("Meldpunt-viewer {version} · gemaakt op {date}",
                   "Meldpunt viewer {version} · made on {date}"),
    "page": Text("pagina {n} van {total}", "page {n} of {total}"),
    "col_period": Text("Periode", "Period"),
    "col_series": Text("Reeks", "Series"),
    "col_value": Text("Waarde", "Value"),
    "col_source": Text("Bron", "Source"),
    "col_others": Text("Andere bronnen", "Other sources"),
}



@dataclass(frozen=True)
class Sentence:
    """A 'Waarom' sentence and the numbers of the sources it rests on."""

    text: str
    marks: tuple[int, ...]


@dataclass(frozen=True)
class SourceRef:
    number: int
    text: str  # 'Offlimits, Trend dalende cijfers (13-07-2023)'
    url: str


@dataclass(frozen=True)
class Section:
    """An appendix part: a heading and plain paragraphs (each may carry source marks)."""

    title: str
    paragraphs: tuple[str, ...]
    subtitle: bool = False  # a heading one level down (a background theme)


@dataclass(frozen=True)
class TableData:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass
class BriefingContent:
    title: str
    story_text: str
    figures: list[tuple[Headline, int]]  # each with its source mark
    context: ViewContext
    chart_text: str  # the chart in words: its alt text
    why: list[Sentence]
    sources: list[SourceRef]
    data_date: str
    footer: str
    view: ResolvedView = field(compare=False, repr=False)  # what the briefing's chart draws
    extended: bool = False
    appendix: list[Section] = field(default_factory=list)
    table: TableData | None = None
    appendix_sources: list[SourceRef] = field(default_factory=list)  # numbered after `sources`

    def heading(self, key: str, lang: str) -> str:
        return H[key].get(lang)


class _Marks:
    """Numbers sources in order of first use."""

    def __init__(self, ds: Dataset, lang: str):
        self.ds, self.lang = ds, lang
        self.refs: list[SourceRef] = []
        self._numbers: dict[str, int] = {}

    def mark(self, src: Source | None) -> int:
        if src is None:
            return 0
        if src.id not in self._numbers:
            self._numbers[src.id] = len(self.refs) + 1
            title = f", {src.title}" if src.title else ""
            # an undated page says what is known of its date, as the window does
            text = f"{src.publisher}{title} ({source_date(src, self.lang)})"
            self.refs.append(SourceRef(len(self.refs) + 1, text, src.url))
        return self._numbers[src.id]


def _why(view: ResolvedView, marks: _Marks) -> list[Sentence]:
    """The window's 'Waarom' sentences (text/why.py), each with its source numbers; where the
    data holds fewer than two, the latest events in view fill up."""
    ds, lang = view.ds, view.lang
    out = [Sentence(w.text, tuple(marks.mark(ds.sources[s]) for s in w.sources))
           for w in view.why]
    for ev in reversed(view.listed_events):  # about the selection, drawn or not
        if len(out) >= MIN_WHY:
            break
        text = H["event_why"].get(lang).format(date=format_date(ev.date, lang),
                                               title=ev.title.get(lang).rstrip("."))
        src = ds.sources.get(ev.source)
        out.append(Sentence(text, (marks.mark(src),) if src else ()))
    return out


def _table(ds: Dataset, state: ViewState, lang: str) -> TableData:
    """Every value in view, one row per period and series, the other sources written out."""
    rows = []
    for period in periods_with_values(ds, state):
        for mid in dict.fromkeys(state.metrics):
            if mid not in ds.metrics:
                continue
            values = ds.values_at(mid, period)
            if not values:
                continue
            unit = ds.unit_of(mid)
            shown, *alts = values
            rows.append((format_period(period, lang), ds.metrics[mid].label.get(lang),
                         format_value(shown.value, unit, lang, shown.approximate),
                         source_short(ds.source_of(shown), lang),
                         "; ".join(f"{format_value(a.value, unit, lang, a.approximate)} "
                                   f"({source_short(ds.source_of(a), lang)})" for a in alts)))
    headers = tuple(H[k].get(lang) for k in ("col_period", "col_series", "col_value",
                                             "col_source", "col_others"))
    return TableData(headers, tuple(rows))


def _appendix(ds: Dataset, state: ViewState, lang: str, marks: _Marks,
              events: tuple[Event, ...]) -> list[Section]:
    first, last = year_range(ds, state)
    defs = []
    for mid in dict.fromkeys(state.metrics):
        if mid not in ds.metrics:
            continue
        m = ds.metrics[mid]
        text = definition_line(ds, mid, lang)
        if m.note.get(lang):
            text += f" {H['note'].get(lang)}: {m.note.get(lang)}"
        defs.append(text)
    out = [Section(H["definitions"].get(lang), tuple(defs))]
    themes = ds.themes_for(state.metrics, first, last)
    if themes:
        out.append(Section(H["background"].get(lang), ()))
    for theme in themes:
        paras = [p.strip() for p in theme.body.get(lang).split("\n\n") if p.strip()]
        nums = [marks.mark(ds.sources[s]) for s in theme.sources if s in ds.sources]
        if nums:
            paras.append(f"{H['sources'].get(lang)}: " + ", ".join(f"[{n}]" for n in nums))
        out.append(Section(theme.title.get(lang), tuple(paras), subtitle=True))
    if events:
        items = []
        for number, ev in enumerate(events, start=1):
            n = marks.mark(ds.sources.get(ev.source))
            items.append(f"{number}. {format_date(ev.date, lang)}: {ev.title.get(lang)}"
                         + (f" [{n}]" if n else ""))
        out.append(Section(H["events"].get(lang), tuple(items)))
    return out


def briefing_state(state: ViewState, extended: bool) -> ViewState:
    """The view a briefing draws. The one page has no list of events, so its chart draws none:
    numbered lines there had nothing to look the numbers up in. The appendix lists them, numbered
    as the extended briefing's chart draws them."""
    return state if extended else state.with_(show_events=False)


def briefing_content(ds: Dataset, state: ViewState, lang: str, story: Story | None = None,
                     extended: bool = False, today: dt.date | None = None,
                     version: str = "") -> BriefingContent:
    """The briefing for a view; `story` gives its title and text when the view came from it."""
    if story is not None and story.id != state.story:
        story = None
    view = resolve(ds, state, lang, story)
    period = format_year_range(view.first_year, view.last_year, lang)
    title = f"{story.title.get(lang)}, {period}" if story else view.title
    marks = _Marks(ds, lang)
    figures = [(h, marks.mark(ds.sources.get(h.source_id))) for h in view.headlines]
    for h in view.headlines:  # a key figure also quotes its earlier value and other sources' values
        change = ds.change(h.metric, h.period)
        for obs in ([change.base] if change is not None else []) + ds.alternatives(h.metric, h.period):
            marks.mark(ds.sources.get(obs.source))
    why = _why(view, marks)
    on_page = len(marks.refs)
    context = view_context(view)
    appendix = _appendix(ds, state, lang, marks, view.events) if extended else []
    if extended:  # the appendix names the source of every value in its table
        for src in shown_sources(ds, state):
            marks.mark(src)
    today = today or dt.date.today()
    return BriefingContent(
        view=view,
        title=title,
        story_text=story.text.get(lang) if story else "",
        figures=figures,
        context=context,
        chart_text=" ".join(view.summary),
        why=why,
        sources=marks.refs[:on_page],
        data_date=context.data_date,
        footer=H["footer"].get(lang).format(version=version, date=format_date(today.isoformat(), lang)),
        extended=extended,
        appendix=appendix,
        table=_table(ds, state, lang) if extended else None,
        appendix_sources=marks.refs[on_page:],
    )


def page_label(n: int, total: int, lang: str) -> str:
    return H["page"].get(lang).format(n=n, total=total)
