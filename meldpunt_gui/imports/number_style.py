"""The file's number style, decided once its last row is read.

'12.345' is twelve thousand in Dutch notation and twelve in English, and a file keeps to one
style. So the rows are read first: a value the two styles read differently waits (`Waiting`,
`StyleVote.two_readings`) and says what it can of the style (`StyleVote.evidence_of`). After
the last row the style is the one given, the one the values show, or the one the column names
suggest (`StyleVote.decide`), and the waiting rows get their value in it or are dropped
(`StyleVote.settle`).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence

from meldpunt_gui.imports.header import Header
from meldpunt_gui.imports.model import MAX_LISTED_PROBLEMS, ImportResult
from meldpunt_gui.imports.numbers import NumberError, parse_number
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import Text, Unit

_UNLISTED = Text("", "")  # a problem past MAX_LISTED_PROBLEMS: counted, its message never shown


class Waiting:
    """Rows waiting for the file's number style: their indices, and for as many as can ever be
    listed as problems also the text and column (a million texts would cost 60 MB)."""

    def __init__(self) -> None:
        self.rows = array("i")
        self.details: list[tuple[str, int]] = []

    def add(self, row: int, text: str, col: int) -> None:
        self.rows.append(row)
        if len(self.details) < MAX_LISTED_PROBLEMS:
            self.details.append((text, col))

    def listed(self) -> Iterator[tuple[int, str, int]]:
        return ((row, text, col) for row, (text, col) in zip(self.rows, self.details))

    def clear(self) -> None:
        """Let go of the rows (in place: the row loops hold these arrays under their own names)."""
        del self.rows[:]
        self.details.clear()

    def __len__(self) -> int:
        return len(self.rows)


class StyleVote:
    """What the values of one table say of its number style, and the rows waiting for it.

    A row that only Dutch notation reads is in `dutch_only`, one only English reads in
    `english_only` (each holding its one reading meanwhile); a row both read differently holds
    its Dutch reading, is in `two_readings` with its English one in `two_en`, and counts in
    `evidence`. The row loops add to these directly, so they are plain containers.
    """

    def __init__(self, res: ImportResult, header: Header, names: Sequence[str],
                 where: Callable[[int, int], str]) -> None:
        self.res, self.h, self.names, self.where = res, header, names, where
        self.dutch_only = Waiting()
        self.english_only = Waiting()
        self.two_readings = array("i")
        self.two_en = array("d")
        self.evidence = {"nl": 0, "en": 0, "ambiguous": 0}  # for two_readings; see totals()
        self.first_ambiguous: tuple[int, str, str, str] | None = None

    def evidence_of(self, unit: Unit, nl: float, en: float, line: int, col: int, text: str) -> str:
        """What a value both styles read differently says of the file's style: 'nl', 'en' or
        'ambiguous' (the first such value is kept to name in a message)."""
        if unit.kind == "count" and unit.decimals == 0:
            return "nl" if abs(nl) > abs(en) else "en"  # 413.262 reports: counts have no three decimals
        if unit.kind == "percent" and (0 <= nl <= 100) != (0 <= en <= 100):
            return "nl" if 0 <= nl <= 100 else "en"  # 41.500%: only one reading is a percentage
        if self.first_ambiguous is None:
            self.first_ambiguous = (line, self.names[col], text, self.where(line, col))
        return "ambiguous"

    def totals(self) -> dict[str, int]:
        """How many values only Dutch notation reads, only English, or both differently."""
        ev = self.evidence
        return {"nl": ev["nl"] + len(self.dutch_only), "en": ev["en"] + len(self.english_only),
                "ambiguous": ev["ambiguous"]}

    def decide(self, given: str | None) -> str | None:
        """The file's style ('nl' or 'en'), noted in `res` with how it was found; None (and an
        error asking for it) when the values cannot tell."""
        res, ev = self.res, self.totals()
        if given:
            res.number_style, res.number_style_source = given, "given"
            return given
        if ev["nl"] != ev["en"]:
            style = "nl" if ev["nl"] > ev["en"] else "en"
            res.number_style, res.number_style_source = style, "detected"
            return style
        header_style = self.h.language if self.h.language == "nl" or res.delimiter == "," else None
        if ev["ambiguous"] and not ev["nl"] and header_style:
            # Dutch column names (or English ones in a comma-separated file) settle it, visibly
            line, column, text, cell = self.first_ambiguous or (None, "", "", "")
            res.number_style, res.number_style_source = header_style, "header"
            reading = Text("Nederlands", "Dutch") if header_style == "nl" else Text("Engels", "English")
            res.warning(line, column, Text(
                f"Getalnotatie {reading.nl} afgeleid uit de kolomnamen; controleer waarden als '{text}'.",
                f"Number style {reading.en} taken from the column names; check values such as '{text}'."),
                "number_style_from_header", cell)
            return header_style
        if ev["nl"]:  # as many Dutch-only as English-only values
            res.needs.add("number_style")
            res.number_style_source = "ambiguous"
            res.error(None, "", Text(
                f"Het bestand mengt Nederlandse ({ev['nl']}x, zoals 55,5) en Engelse ({ev['en']}x, "
                "zoals 55.5) getalnotatie; kies de getalnotatie.",
                f"The file mixes Dutch ({ev['nl']}x, such as 55,5) and English ({ev['en']}x, "
                "such as 55.5) number notation; choose the number style."), "number_style_mixed")
            return None
        if ev["ambiguous"]:
            res.needs.add("number_style")
            res.number_style_source = "ambiguous"
            line, column, text, cell = self.first_ambiguous or (None, "", "", "")
            example = f" '{text}'" if text else ""
            res.error(line, column, Text(
                f"Niet te zien of getallen als{example} Nederlands (1.234 = duizend tweehonderdvierendertig) "
                "of Engels (1.234 = een komma twee drie vier) geschreven zijn; kies de getalnotatie.",
                f"Cannot tell whether numbers such as{example} are Dutch (1.234 = one thousand two hundred "
                "thirty-four) or English (1.234 = one point two three four); choose the number style."),
                "number_style_ambiguous", cell)
            return None
        res.number_style, res.number_style_source = "nl", "default"
        return "nl"

    def settle(self, given_style: str | None, rows: Rows) -> bytearray | None:
        """Give the waiting rows of `rows` their value in the file's style; the rows to keep (1)
        and to drop (0) when some cannot be read, else None. The waiting rows are let go."""
        style = self.decide(given_style)
        keep: bytearray | None = None
        if style is None:  # nothing undecided can be read
            dropped = [self.dutch_only.rows, self.english_only.rows, self.two_readings]
        else:
            if style == "en":
                values = rows.value
                for row, en in zip(self.two_readings, self.two_en):
                    values[row] = en
            losing = self.english_only if style == "nl" else self.dutch_only
            dropped = [losing.rows]
            for row, text, col in losing.listed():
                try:
                    parse_number(text, style)
                except NumberError as exc:
                    self.res.error(rows.line[row], self.names[col], exc.message, exc.code, rows.cell(row))
            for _ in range(len(losing.rows) - len(losing.details)):  # counted, never listed
                self.res.error(None, "", _UNLISTED, "wrong_style")
        if any(dropped):
            keep = bytearray(b"\x01") * len(rows)
            for indices in dropped:
                for row in indices:
                    keep[row] = 0
        self.dutch_only.clear()
        self.english_only.clear()
        del self.two_readings[:]
        del self.two_en[:]
        return keep
