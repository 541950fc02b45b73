"""The offline help page (F1): resources/help/<lang>.md as safe HTML.

The page is a short text in a tiny subset of Markdown ('# ' title, '## ' heading, '- ' item,
blank line between paragraphs). Every line is escaped before it becomes HTML, so the page can
hold no link, image or script, and it reads the same with no network. Free of Qt.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from meldpunt_gui.files.resources import resource_root

MAX_HELP_BYTES = 64 * 1024


def help_path(lang: str, root: Path | None = None) -> Path:
    return (root or resource_root()) / "help" / f"{'en' if lang == 'en' else 'nl'}.md"


def read_help(lang: str, root: Path | None = None) -> str:
    """The help text, read bounded; '' when the file is missing or not a regular file."""
    path = help_path(lang, root)
    try:
        if not path.is_file():
            return ""
        with path.open("rb") as fh:
            raw = fh.read(MAX_HELP_BYTES + 1)
    except OSError:
        return ""
    return raw[:MAX_HELP_BYTES].decode("utf-8", errors="replace")


def help_html(text: str) -> str:
    """The help text as HTML; every character of it escaped."""
    out: list[str] = []
    items: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(f"<p>{escape(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        line = line.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            out.append(f"<h3>{escape(line[3:])}</h3>")
        elif line.startswith("# "):
            flush()
            out.append(f"<h2>{escape(line[2:])}</h2>")
        elif line.startswith("- "):
            if para:
                flush()
            items.append(line[2:])
        else:
            para.append(line)
    flush()
    return "\n".join(out)
