"""What reading an import file produces: rows, problems and what was detected.

Kept apart from the readers so the store, the CLI and the preview dialog depend only on these
plain types.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from meldpunt_gui.model.domain import Metric, Period, Text, Unit
from meldpunt_gui.text.plain import shown_name

Severity = Literal["error", "warning"]
RowStatus = Literal["new", "changed", "unchanged"]

Message = Text | Callable[[], Text]
MAX_LISTED_PROBLEMS = 5000  # a broken million-row file must not build a million messages

STATUS_LABELS: dict[str, Text] = {
    "new": Text("nieuw", "new"),
    "changed": Text("gewijzigd", "changed"),
    "unchanged": Text("ongewijzigd", "unchanged"),
}
LAYOUT_LABELS: dict[str, Text] = {
    "long": Text("lang (reeks, periode, waarde)", "long (series, period, value)"),
    "wide": Text("breed (een kolom per periode)", "wide (a column per period)"),
}
SEVERITY_LABELS: dict[str, Text] = {
    "error": Text("fout", "error"),
    "warning": Text("waarschuwing", "warning"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file, located as precisely as the file allows."""

    file: str
    line: int | None  # physical line (CSV) or sheet row (XLSX); None for the whole file
    column: str  # header text of the column, "" when not tied to one
    severity: Severity
    message: Text
    code: str = ""  # stable id for tests and the dialog, e.g. "negative_count"
    cell: str = ""  # spreadsheet address such as "C7" (XLSX only)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def where(self) -> str:
        if self.cell:
            return self.cell
        return "" if self.line is None else str(self.line)

    def format(self, lang: str) -> str:
        """'file:line: column: message', warnings marked as such."""
        head = self.file + (f":{self.where}" if self.where else "")
        parts = [head]
        if self.column:
            parts.append(self.column)
        msg = self.message.get(lang)
        if self.severity == "warning":
            msg = f"{SEVERITY_LABELS['warning'].get(lang)}: {msg}"
        parts.append(msg)
        return ": ".join(parts)


@dataclass(slots=True)
class ImportRow:
    """One value read from the file and what importing it would do."""

    line: int
    cell: str
    metric: str
    period: Period
    value: float
    approximate: bool
    publisher: str = ""
    url: str = ""
    published: str = ""
    note: str = ""
    status: str = "new"
    old_value: float | None = None
    old_approximate: bool | None = None

    @property
    def where(self) -> str:
        return self.cell or str(self.line)


@dataclass
class ImportResult:
    """Everything the preview, `check` and the store need from one read of a file."""

    file: str
    path: str = ""
    kind: str = ""  # "csv", "xlsx", "ods" or "" when the file could not be read at all
    rows: Sequence[ImportRow] = field(default_factory=list)  # imports.rowset.Rows once read
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    number_style: str | None = None
    number_style_source: str = ""  # "given", "detected", "default" or "ambiguous"
    layout: str | None = None  # "long" or "wide"
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    metrics: dict[str, Metric] = field(default_factory=dict)  # user metrics the rows use
    new_metrics: set[str] = field(default_factory=set)  # ids of user metrics this file creates
    units: dict[str, Unit] = field(default_factory=dict)  # units new to the viewer that those metrics bring
    sha256: str = ""
    unusable: bool = False  # no table could be read: exit code 2, one sentence
    needs: set[str] = field(default_factory=set)  # choices to ask for: "delimiter", "number_style"
    error_count: int = 0
    warning_count: int = 0
    omitted: int = 0
    listed_errors: int = 0

    def __post_init__(self) -> None:
        # the file's name goes into every message and the import history: never a control
        # character or a direction override from the name a file was given
        self.file = shown_name(self.file)

    def add(self, line: int | None, column: str, severity: Severity, message: Message,
            code: str = "", cell: str = "", always: bool = False) -> None:
        """Record a problem; `message` may be a function so unlisted problems cost no formatting.
        Errors and warnings are listed up to MAX_LISTED_PROBLEMS each, so thousands of warnings
        never hide the error that blocks the import; `always`: listed whatever the count (why
        the whole file is unusable)."""
        if severity == "error":
            self.error_count += 1
            listed = self.listed_errors
        else:
            self.warning_count += 1
            listed = len(self.problems) - self.listed_errors
        if always or listed < MAX_LISTED_PROBLEMS:
            text = message if isinstance(message, Text) else message()
            self.problems.append(Problem(self.file, line, column, severity, text, code, cell))
            if severity == "error":
                self.listed_errors += 1
        else:
            self.omitted += 1

    def error(self, line: int | None, column: str, message: Message, code: str = "",
              cell: str = "") -> None:
        self.add(line, column, "error", message, code, cell)

    def warning(self, line: int | None, column: str, message: Message, code: str = "",
                cell: str = "") -> None:
        self.add(line, column, "warning", message, code, cell)

    def fail(self, message: Text, code: str, line: int | None = None) -> None:
        """Mark the whole file unusable with one clear sentence (returns None for `return`).

        `line` names where the file stops being readable, when there is such a place.
        """
        self.unusable = True
        self.add(line, "", "error", message, code, always=True)

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def counts(self) -> dict[str, int]:
        quick = getattr(self.rows, "counts", None)  # Rows counts its column of statuses
        if quick is not None:
            return quick()
        out = {"new": 0, "changed": 0, "unchanged": 0}
        for row in self.rows:
            out[row.status] += 1
        return out

    @property
    def to_store(self) -> Collection[ImportRow]:
        """The rows an import writes: new and changed values only (walked, not listed, for Rows)."""
        stored = getattr(self.rows, "stored", None)
        if stored is not None:
            return stored()
        return [r for r in self.rows if r.status != "unchanged"]

    def omitted_note(self) -> Text | None:
        if not self.omitted:
            return None
        if self.omitted == 1:
            return Text("... en nog 1 probleem dat niet afzonderlijk getoond wordt.",
                        "... and 1 more problem not listed one by one.")
        return Text(f"... en nog {self.omitted} problemen die niet afzonderlijk getoond worden.",
                    f"... and {self.omitted} more problems not listed one by one.")
