"""The desktop entry, metainfo and icons a Linux desktop needs to list the viewer in its menu."""

from __future__ import annotations

import configparser
import io
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.cli import main
from meldpunt_gui.files import desktop_entry
from meldpunt_gui.files.resources import resource_root


def test_install_writes_entry_metainfo_and_icons(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["install-desktop-entry", "--prefix", str(tmp_path), "--lang", "en"], out=out, err=err)
    assert code == 0 and out.getvalue().startswith("Menu entry installed: ")
    app_id = desktop_entry.APP_ID
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(tmp_path / "applications" / f"{app_id}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == app_id
    assert section["Terminal"] == "false" and "meldpunt" in section["Exec"]
    info = ET.parse(tmp_path / "metainfo" / f"{app_id}.metainfo.xml").getroot()
    assert info.findtext("id") == app_id and info.findtext("launchable") == f"{app_id}.desktop"
    for size in desktop_entry.ICON_SIZES:
        png = (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)  # IHDR width and height
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg").is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_entry_passes_the_freedesktop_validator(tmp_path):
    desktop_entry.install(tmp_path, ["/opt/Meldpunt viewer/meldpunt-gui"])
    path = tmp_path / "applications" / f"{desktop_entry.APP_ID}.desktop"
    proc = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0 and "error" not in proc.stdout


def test_the_ico_holds_every_size():
    data = (resource_root() / "icons" / "app" / "meldpunt.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


@given(st.text(max_size=40))
def test_exec_arguments_are_quoted_as_the_specification_asks(arg):
    """Unquoting the way the Desktop Entry Specification describes gives the argument back."""
    quoted = desktop_entry.exec_quote(arg)
    assert "\n" not in quoted or quoted.startswith('"')
    if quoted.startswith('"'):
        inner, out, i = quoted[1:-1], "", 0
        while i < len(inner):
            if inner[i] == "\\":
                i += 1
            out += inner[i]
            i += 1
    else:
        out = quoted
    assert out.replace("%%", "%") == arg


def test_the_window_has_the_app_icon(qapp):
    from meldpunt_gui.app import application

    app = application()
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
