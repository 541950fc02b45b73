"""The readout in a real X11 window: Xvfb, a window manager, the pointer moved by xdotool.

Offscreen Qt sends no tooltip events, so it never showed that Qt's own tooltip event hid the
old QToolTip readout within a second while the pointer rested on a point. Here the pointer is
moved onto the 2021 point, left there for 2 s, and the screen is grabbed: the readout must
still be up, and on the screen. Skipped only where Xvfb or its helpers are not installed (CI
installs them, see .ci/run).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "openbox", "xdotool", "import")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason="needs Xvfb, openbox, xdotool and ImageMagick's import")


@pytest.fixture
def display(tmp_path):
    """A private X server, with openbox managing its windows: on display :18 (or
    $MELDPUNT_TEST_DISPLAY) when that is free, else on one Xvfb finds free."""
    wanted = os.environ.get("MELDPUNT_TEST_DISPLAY", "18").lstrip(":")
    chosen = [] if Path(f"/tmp/.X{wanted}-lock").exists() else [f":{wanted}"]
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", *chosen, "-displayfd", str(write), "-screen", "0",
                             "1600x1000x24", "-nolisten", "tcp"], pass_fds=(write,),
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    env = {**os.environ, "DISPLAY": f":{number}"}
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    yield env
    for proc in (wm, xvfb):
        proc.terminate()
        proc.wait(timeout=10)


def _ask(app: subprocess.Popen, line: str) -> dict:
    assert app.stdin is not None and app.stdout is not None
    app.stdin.write(line + "\n")
    app.stdin.flush()
    return json.loads(app.stdout.readline())


def test_readout_stays_on_a_real_screen(display, tmp_path):
    env = {**display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("QT_ACCESSIBILITY", None)
    app = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "real_window_app.py")],
                           env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True)
    try:
        assert app.stdout is not None
        line = app.stdout.readline()
        assert line.startswith("POINT"), line
        x, y = line.split()[1:]
        subprocess.run(["xdotool", "mousemove", x, y], env=display, check=True)
        time.sleep(2.0)  # what the user does: rest on the point and read
        shot = Path(os.environ.get("MELDPUNT_SCREEN_SHOT", tmp_path / "screen.png"))
        subprocess.run(["import", "-window", "root", str(shot)], env=display, check=True)
        report = _ask(app, "report")
        assert report["visible"], report
        assert report["text"].startswith("2021\nMeldingen totaal: 413.262 meldingen")
        _assert_box_on_screen(shot, report["rect"])
        # out of the plot (onto the toolbar): the readout goes
        subprocess.run(["xdotool", "mousemove", "5", "5"], env=display, check=True)
        deadline = time.monotonic() + 5
        while _ask(app, "report")["visible"] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _ask(app, "report")["visible"]
    finally:
        if app.poll() is None and app.stdin is not None:
            app.stdin.write("quit\n")
            app.stdin.flush()
        app.wait(timeout=10)


def _assert_box_on_screen(shot: Path, rect: list[int]) -> None:
    """The grabbed screen shows the box: its border is drawn in the theme's text colour."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(shot))
    assert not image.isNull()
    x, y, w, h = rect
    border = [image.pixelColor(x + w // 2, y), image.pixelColor(x, y + h // 2)]
    assert all(c == QColor("#202020") for c in border), [c.name() for c in border]
