"""Which file extension belongs to which export format, and when the two disagree.

One table for the command line and the window: a PNG written to `x.pdf` opens as a broken PDF
on a colleague's machine, so a name whose extension names another export format is refused
(command line) or completed (window) instead of being written silently.
"""

from __future__ import annotations

from pathlib import Path

from meldpunt_gui.model.domain import Text

# the extension each format is written with; briefing is a PDF
SUFFIX: dict[str, str] = {
    "png": ".png", "svg": ".svg", "pdf": ".pdf", "csv": ".csv", "xlsx": ".xlsx",
    "briefing": ".pdf", "docx": ".docx",
}
KNOWN_SUFFIXES = frozenset(SUFFIX.values())


def suffix_conflict(fmt: str, path: Path) -> Text | None:
    """A message when `path` ends in the extension of another export format, else None.

    A name without an extension, or with one no export format uses (`.dat`), is taken as the
    user wrote it: scripts may need such names.
    """
    suffix = Path(path).suffix.lower()
    wanted = SUFFIX.get(fmt)
    if wanted is None or suffix not in KNOWN_SUFFIXES or suffix == wanted:
        return None
    other = Path(path).with_suffix(wanted)
    return Text(
        f"--format {fmt} past niet bij de extensie {suffix} van {path}: gebruik --out {other} "
        f"of een --format dat bij {suffix} hoort.",
        f"--format {fmt} does not match the extension {suffix} of {path}: use --out {other} "
        f"or a --format that belongs to {suffix}.")


def with_suffix_for(fmt: str, path: Path) -> Path:
    """`path` with the extension of `fmt` added where it has no export extension of its own."""
    path = Path(path)
    if path.suffix.lower() in KNOWN_SUFFIXES:
        return path
    return path.with_name(path.name + SUFFIX[fmt])
