"""A freedesktop menu entry for the viewer: the `.desktop` file, AppStream metainfo and the icons.

`meldpunt install-desktop-entry` writes them into the user's own data folder
(`~/.local/share`, or $XDG_DATA_HOME), so the viewer shows up in the desktop's application menu
with its icon without root rights; `--prefix /usr/local/share` for a system-wide install.
"""

from __future__ import annotations

import os
import shutil
import sys
from html import escape  # xml.sax.saxutils would load urllib.request: the viewer loads no network module
from pathlib import Path

from meldpunt_gui import __version__
from meldpunt_gui.files.locations import APP_ID
from meldpunt_gui.files.resources import resource_root
from meldpunt_gui.files.safewrite import write_text_atomic

RELEASE_DATE = "2026-12-01"  # of __version__
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def window_command() -> list[str]:
    """How the menu starts the window: the bundle's or the installation's `meldpunt-gui`, else
    this Python with `-m meldpunt_gui`."""
    here = Path(sys.executable)
    if getattr(sys, "frozen", False):
        return [str(here.with_name("meldpunt-gui"))]
    beside = here.with_name("meldpunt-gui")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("meldpunt-gui")
    return [found] if found else [str(here), "-m", "meldpunt_gui"]


def exec_quote(arg: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry Specification asks."""
    arg = arg.replace("%", "%%")
    if not arg or any(c in _RESERVED for c in arg):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{inner}"'
    return arg


def _value(text: str) -> str:
    """A desktop-file string value: one line, escapes as the specification defines them."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_text(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Meldpunt viewer",
        "GenericName=Year figures viewer",
        "GenericName[nl]=Jaarcijfers bekijken",
        "Comment=" + _value("Public year figures of the Dutch hotline Meldpunt Kinderporno (Offlimits), offline"),
        "Comment[nl]=" + _value("Openbare jaarcijfers van het Meldpunt Kinderporno (Offlimits), offline"),
        "Exec=" + " ".join(exec_quote(a) for a in command),
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;Viewer;DataVisualization;",
        "Keywords=Offlimits;EOKM;INHOPE;IWF;statistics;cijfers;meldingen;",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def metainfo_text() -> str:
    summary_en = "Offline viewer of the public year figures of the Dutch hotline Meldpunt Kinderporno"
    summary_nl = "Offline viewer van de openbare jaarcijfers van het Meldpunt Kinderporno"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>Meldpunt viewer</name>
  <summary>{escape(summary_en, quote=False)}</summary>
  <summary xml:lang="nl">{escape(summary_nl, quote=False)}</summary>
  <description>
    <p>{escape("Pick series and years, see them plotted, read why the numbers moved and where every "
               "number comes from. Works without a network on the bundled figures; staff import each "
               "new year's figures themselves and share them as packs. Aggregate counts only.")}</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides>
    <binary>meldpunt</binary>
    <binary>meldpunt-gui</binary>
  </provides>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{escape(__version__)}" date="{RELEASE_DATE}"/>
  </releases>
</component>
"""


def install(prefix: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the entry, metainfo and icons under `prefix` (the user's data folder by default)."""
    base = Path(prefix) if prefix else data_home()
    icons = resource_root() / "icons" / "app"
    written: list[Path] = []

    def put(path: Path, text: str | None = None, source: Path | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is not None:
            write_text_atomic(path, text)
        elif source is not None:
            shutil.copyfile(source, path)
        written.append(path)

    put(base / "applications" / f"{APP_ID}.desktop", desktop_text(command or window_command()))
    put(base / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo_text())
    for size in ICON_SIZES:
        put(base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
            source=icons / f"meldpunt-{size}.png")
    put(base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg", source=icons / "meldpunt.svg")
    return written
