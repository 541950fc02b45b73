"""The explanation pane as sections: "Waarom" first, then "Wat telt mee", the background texts,
the events and the numbered sources.

The reader asks "why did it move?" first, so the reasons open the pane, each with the number of
its source in the list at the bottom; the definitions and the long background follow and can be
folded. Every section is HTML with all file text escaped; the window adds the fold links, an
export prints them unfolded. Free of Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol

from meldpunt_gui.model.domain import Dataset, Event, Observation, Period, Source, Text
from meldpunt_gui.model.view import ViewState, selected_periods, year_range
from meldpunt_gui.text.describe import link_html, shown_sources, t
from meldpunt_gui.text.formatting import format_date, format_period, format_year_range
from meldpunt_gui.text.why import WhySentence, why_sentences

E = {
    "why": Text("Waarom", "Why"),
    "fold": Text("Inklappen", "Fold"),
    "unfold": Text("Uitklappen", "Unfold"),
    "no_why": Text("Voor deze reeksen en jaren geeft geen van de bronnen een verklaring. Wat elke reeks "
                   "telt en de achtergrond staan hieronder.",
                   "None of the sources gives a reason for these series and years. What each series "
                   "counts and the background follow below."),
}


class ViewParts(Protocol):
    """What explanation_sections reuses of a resolved view (model/resolve.py)."""

    @property
    def first_year(self) -> int: ...
    @property
    def last_year(self) -> int: ...
    @property
    def periods(self) -> Sequence[Period]: ...
    @property
    def sources(self) -> Sequence[Source]: ...
    @property
    def cells(self) -> Sequence[Sequence[Sequence[Observation]]]: ...


@dataclass(frozen=True)
class Section:
    """One part of the pane; `key` names it for folding ('why', 'definitions', 'theme:<id>',
    'events', 'own', 'sources'); a section without a title cannot be folded."""

    key: str
    title: str
    html: str

    @property
    def foldable(self) -> bool:
        return bool(self.title)


def numbered_sources(ds: Dataset, state: ViewState, why: Sequence[WhySentence],
                     shown: Sequence[Source] | None = None) -> list[Source]:
    """The pane's numbered source list: the sources of every value in view (`shown`, where the
    caller has them), then those of the reasons that are not among them (so every "[n]" points
    into this one list)."""
    out = {s.id: s for s in (shown_sources(ds, state) if shown is None else shown)}
    for sentence in why:
        for sid in sentence.sources:
            if sid not in out and sid in ds.sources:
                out[sid] = ds.sources[sid]
    return list(out.values())


def _why_html(why: Sequence[WhySentence], numbers: dict[str, int]) -> str:
    parts = []
    for sentence in why:
        marks = "".join(f"[{numbers[s]}]" for s in sentence.sources if s in numbers)
        parts.append(f"<p>{escape(sentence.text)}" + (f" <small>{marks}</small>" if marks else "")
                     + "</p>")
    return "".join(parts)


def explanation_sections(ds: Dataset, state: ViewState, lang: str, events: Sequence[Event] | None = None,
                         why: Sequence[WhySentence] | None = None,
                         print_urls: bool = False, view: ViewParts | None = None) -> list[Section]:
    """The pane's sections for a view. `events` are the events the view lists (numbered as the
    chart's badges; all in range when None), `why` its reasons (picked here when None); `view`
    the years, periods and sources the resolved view has worked out already."""
    metrics = [ds.metrics[m] for m in state.metrics if m in ds.metrics]
    if not metrics:
        return [Section("nothing", "", f"<p>{escape(t('nothing', lang))}</p>")]
    first, last = (view.first_year, view.last_year) if view is not None else year_range(ds, state)
    periods = view.periods if view is not None else selected_periods(ds, state)
    if why is None:
        why = why_sentences(ds, state.metrics, first, last, lang)
    if events is None:
        events = ds.events_between(first, last)
    sources = numbered_sources(ds, state, why, view.sources if view is not None else None)
    numbers = {s.id: i for i, s in enumerate(sources, start=1)}
    out: list[Section] = []
    # said, not left out: a missing "Waarom" reads as a pane that failed, or sends the reader to
    # the background texts for a reason they do not give
    out.append(Section("why", E["why"].get(lang),
                       _why_html(why, numbers) if why else f"<p>{escape(E['no_why'].get(lang))}</p>"))
    defs = []
    for m in metrics:
        unit = ds.units[m.unit]
        defs.append(f"<p><b>{escape(m.label.get(lang))}</b> <i>({escape(unit.label.get(lang))})</i>"
                    f"<br>{escape(m.definition.get(lang))}")
        if m.note.get(lang):
            defs.append(f"<br><i>{escape(t('note', lang))}:</i> {escape(m.note.get(lang))}")
        defs.append("</p>")
    out.append(Section("definitions", f"{t('definitions', lang)} "
                       f"({format_year_range(first, last, lang)})", "".join(defs)))
    for theme in ds.themes_for(state.metrics, first, last):
        body = [f"<p>{escape(p.strip())}</p>" for p in theme.body.get(lang).split("\n\n") if p.strip()]
        srcs = [ds.sources[s] for s in theme.sources if s in ds.sources]
        if srcs:
            body.append(f"<p style='font-size:small'>{escape(t('sources', lang))}: "
                        + "; ".join(link_html(s, lang) for s in srcs) + "</p>")
        out.append(Section(f"theme:{theme.id}", f"{t('background', lang)}: {theme.title.get(lang)}",
                           "".join(body)))
    if events:
        items = []
        # numbered like the badges on the chart's event strip; numbered paragraphs, not <ol>:
        # Qt lays out list items in quadratic time (20,000 own events took 40 s), paragraphs
        # in linear time
        for number, ev in enumerate(events, start=1):
            src = ds.sources.get(ev.source)
            tail = f" — {link_html(src, lang)}" if src else ""
            items.append(f"<p style='margin:0 0 0 1em'>{number}. "
                         f"<b>{escape(format_date(ev.date, lang))}</b> "
                         f"{escape(ev.title.get(lang))}{tail}</p>")
        out.append(Section("events", t("events", lang), "".join(items)))
    cells = view.cells if view is not None else [ds.values_in(m, periods) for m in state.metrics
                                                 if m in ds.metrics]
    own = [column[i][0] for i in range(len(periods)) for column in cells
           if column[i] and column[i][0].user]
    if own:
        items_text = ", ".join(f"{ds.metrics[o.metric].label.get(lang)} {format_period(o.period, lang)}"
                               for o in own)
        out.append(Section("own", "", f"<p><b>{escape(t('own_title', lang))}</b> "
                                      f"{escape(items_text)}. {escape(t('own_hint', lang))}</p>"))
    if sources:
        rows = "".join(f"<li>{link_html(s, lang)}" + (f"<br>{escape(s.url)}" if print_urls else "")
                       + "</li>" for s in sources)
        out.append(Section("sources", t("sources", lang),
                           f"<ol style='font-size:small'>{rows}</ol>"
                           f"<p style='font-size:small'><i>{escape(t('rule', lang))}</i></p>"))
    return out


def sections_html(sections: Sequence[Section], lang: str, folded: Collection[str] = (),
                  fold_links: bool = False) -> str:
    """The sections as one HTML page; with `fold_links` each title is a 'fold:<key>' link with
    a ▾/▸ mark and a folded section shows its title only."""
    out = []
    for sec in sections:
        if not sec.title:
            out.append(sec.html)
            continue
        shut = sec.foldable and sec.key in folded
        title = escape(sec.title)
        if fold_links:
            hint = escape(E["unfold" if shut else "fold"].get(lang), quote=True)
            mark = "▸" if shut else "▾"
            title = (f"<a href=\"fold:{escape(sec.key, quote=True)}\" title=\"{hint}\" "
                     f"style='text-decoration:none'>{mark} {title}</a>")
        out.append(f"<h3>{title}</h3>")
        if not shut:
            out.append(sec.html)
    return "\n".join(out)
