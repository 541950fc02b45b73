"""The program's words and bounds, each defined once.

View modes, tabs, granularities, statuses and the years a period may name are used by the
loader, the import, the stories, the settings, the window and the exports; they all read them
from here, so a new mode or a wider year range is one edit, and a status has one word in every
tooltip, table and export.
"""

from __future__ import annotations

from typing import Literal, TypeGuard

from meldpunt_gui.model.bilingual import Text

YEAR_MIN = 1990  # the first year a period may name (the hotline started in the mid-1990s)
YEAR_MAX = 2100
# The one rule for how large a value may be, in every file and every notation: below 10^15 in
# absolute value (15 digits, what a double holds exactly). Larger is a typing or formula accident,
# and pyqtgraph cannot label an axis that reaches 1e300.
MAX_MAGNITUDE = 1e15

Granularity = Literal["year", "half"]
GRANULARITIES: tuple[Granularity, ...] = ("year", "half")


def is_granularity(value: object) -> TypeGuard[Granularity]:
    """Whether a value read from a file names a granularity (and may be used as one)."""
    return isinstance(value, str) and value in GRANULARITIES

# How the chart shows the values; "parts" and "shares" stack the parts of a whole.
MODES = ("absolute", "index", "change", "log", "parts", "shares")
DEFAULT_MODE = "absolute"

TABS = ("chart", "table")

STATUSES = ("published", "secondary", "forecast", "partial", "draft", "user")
STATUS_LABELS: dict[str, Text] = {
    "published": Text("gepubliceerd", "published"),
    "secondary": Text("secundaire bron", "secondary source"),
    "forecast": Text("verwachting", "forecast"),
    "partial": Text("deel van het jaar", "part of the year"),
    "draft": Text("voorlopig", "draft"),
    "user": Text("eigen invoer", "own input"),
}
# An expectation, not a count: no change is worked out to or from it (model/changes.py).
FORECAST = "forecast"
# Statuses a reader must be told of next to the value (published needs no word).
MARKED_STATUSES = ("secondary", "forecast", "partial", "draft")


# The heading over what each series counts: the window's explanation, the briefing, an exported
# chart, and the note that sends a reader there when lines that count different things share a chart.
DEFINITIONS = Text("Wat telt mee", "What is counted")
# the unit of a series that gives, as a source published it, the change of a percentage in
# points ("11 procentpunt hoger dan in 2023"): kind "rate", so its values carry no % sign
PUBLISHED_POINTS_UNIT = "change_points"


def in_year_range(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


# The seed's series, first in the picker under "Kerncijfers": what a memo on the hotline's
# figures asks for before anything else.
KEY_METRICS = ("reports_total", "reports_national", "reports_international", "reports_h1",
               "cloud_urls", "share_hosted_nl_pct", "iwf_nl_hosting_share_pct", "police_reports")
