"""The marks a value carries besides its number: ca., its status, other sources.

One mark per status, used by the chart (a glyph beside the point), the table (after the value)
and the keys under both, so a reader learns one sign once. The status words themselves come
from `model.vocabulary`; this module only pairs them with a sign.
"""

from __future__ import annotations

from collections.abc import Iterable

from meldpunt_gui.model.bilingual import Text
from meldpunt_gui.model.domain import Observation
from meldpunt_gui.model.vocabulary import MARKED_STATUSES, STATUS_LABELS

# A sign per status a reader must be told of; each also in common system fonts.
STATUS_MARKS: dict[str, str] = {
    "forecast": "→",
    "partial": "½",
    "secondary": "↺",
    "draft": "✎",
}
assert set(STATUS_MARKS) == set(MARKED_STATUSES)

ALTERNATIVES_MARK = "*"

KEY = {
    "approx": Text("ca. = afgerond", "approx. = rounded"),
    "hollow": Text("open symbool = afgerond", "hollow = rounded"),
    "alternatives": Text("* = andere bronnen geven een andere waarde",
                         "* = other sources give another value"),
    "title": Text("Tekens", "Marks"),
    # the table shows the user's own (imported) figures in bold; only the screen can say so
    "own": Text("vet = eigen cijfer (door u geïmporteerd)", "bold = own figure (imported by you)"),
}
# The chart draws no line across a break in a series (it counts differently from there on) but
# the break sign between the two points, so a break never looks like a year without a figure
BREAK_MARK = "‖"
GAP_KEY = Text("geen lijn tussen twee punten = geen cijfer voor de periode ertussen",
               "no line between two points = no figure for the period between")
BREAK_KEY = Text(f"{BREAK_MARK} = breuk: de reeks telt vanaf daar anders (geen lijn, geen verandering)",
                 f"{BREAK_MARK} = break: the series counts differently from there (no line, no change)")


def status_mark(obs: Observation) -> str:
    """The sign of the value's status ('' for a published figure or own input)."""
    return STATUS_MARKS.get(obs.status, "")


def cell_marks(obs: Observation, alternatives: int) -> str:
    """What follows the value in a table cell: ' →*' for a forecast other sources disagree with."""
    marks = status_mark(obs) + (ALTERNATIVES_MARK if alternatives else "")
    return f" {marks}" if marks else ""


def key_entries(statuses: Iterable[str], approximate: bool, alternatives: bool, lang: str,
                chart: bool = False, breaks: bool = False, gaps: bool = False) -> list[str]:
    """The key for the marks in view, in a fixed order: rounded, the statuses, other sources,
    and (the chart only) a line that stops for a period without a figure (`gaps`) and the sign
    of a break in a series (`breaks`).

    `chart` names the hollow marker for rounded values (the table says 'ca.')."""
    present = set(statuses)
    out = []
    if approximate:
        out.append(KEY["hollow" if chart else "approx"].get(lang))
    for status in MARKED_STATUSES:
        if status in present:
            out.append(f"{STATUS_MARKS[status]} {STATUS_LABELS[status].get(lang)}")
    if alternatives and not chart:  # the chart names other sources in its readout
        out.append(KEY["alternatives"].get(lang))
    if gaps and chart:
        out.append(GAP_KEY.get(lang))
    if breaks and chart:
        out.append(BREAK_KEY.get(lang))
    return out
