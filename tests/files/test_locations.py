"""The data folder: one Qt-free answer, the same as Qt's, and portable mode beside the program."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from meldpunt_gui.cli import main
from meldpunt_gui.files import locations
from meldpunt_gui.files.locations import data_location

ROOT = Path(__file__).resolve().parents[2]


def test_standard_folder_is_qt_app_data_location():
    from meldpunt_gui.app import qt_app_data_dir

    assert locations.standard_folder() == qt_app_data_dir()


def test_standard_folder_follows_xdg_data_home(tmp_path, monkeypatch):
    from meldpunt_gui.app import qt_app_data_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert locations.standard_folder() == tmp_path / "xdg" / "Meldpunt viewer" / "meldpunt-gui"
    assert locations.standard_folder() == qt_app_data_dir()


def test_standard_folder_without_xdg_data_home(monkeypatch):
    from meldpunt_gui.app import qt_app_data_dir

    monkeypatch.delenv("XDG_DATA_HOME")
    expected = Path(os.environ["HOME"]) / ".local" / "share" / "Meldpunt viewer" / "meldpunt-gui"
    assert locations.standard_folder() == expected == qt_app_data_dir()


def test_data_dir_given_wins_over_portable(tmp_path):
    (tmp_path / "portable.txt").write_text("")
    loc = data_location(tmp_path / "mine", portable=True, program=tmp_path)
    assert loc.folder == tmp_path / "mine" and loc.given and not loc.portable


def test_portable_marker_puts_data_beside_the_program(tmp_path):
    assert data_location(program=tmp_path).portable is False
    (tmp_path / "portable.txt").write_text("")
    loc = data_location(program=tmp_path)
    assert loc.portable and loc.folder == tmp_path / "meldpunt-data"


def test_portable_option_without_marker(tmp_path):
    loc = data_location(portable=True, program=tmp_path)
    assert loc.portable and loc.folder == tmp_path / "meldpunt-data"


def test_frozen_program_folder_is_the_executables(tmp_path, monkeypatch):
    exe = tmp_path / "bundle" / "meldpunt-gui.exe"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert locations.program_folder() == tmp_path / "bundle"


def test_installed_script_program_folder(tmp_path, monkeypatch):
    script = tmp_path / "bin" / "meldpunt-gui"
    script.parent.mkdir()
    script.write_text("#!python\n")
    monkeypatch.setattr(sys, "argv", [str(script)])
    assert locations.program_folder() == tmp_path / "bin"


def test_cli_portable_imports_into_the_folder_beside_the_program(tmp_path, monkeypatch):
    script = tmp_path / "stick" / "meldpunt"
    script.parent.mkdir()
    script.write_text("#!python\n")
    monkeypatch.setattr(sys, "argv", [str(script)])
    out, err = io.StringIO(), io.StringIO()
    fixture = ROOT / "tests" / "fixtures" / "import" / "user_metric.csv"
    assert main(["import", str(fixture), "--yes", "--portable"], out=out, err=err) == 0, err.getvalue()
    assert (tmp_path / "stick" / "meldpunt-data" / "meldpunt.sqlite").is_file()
    out = io.StringIO()
    (tmp_path / "stick" / "portable.txt").write_text("")
    assert main(["imports", "--json"], out=out, err=err) == 0
    assert [r["file"] for r in json.loads(out.getvalue())] == ["user_metric.csv"]
    assert not locations.standard_folder().exists()


_WRAPPER = """
import sys
from meldpunt_gui import cli
code = cli.main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print('QT-MODULES:' + ','.join(loaded), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize("command", [
    ["list-metrics", "--json"],
    ["export", "--metrics", "reports_total", "--format", "csv", "--out", "{tmp}/a.csv"],
    ["export", "--metrics", "reports_total", "--format", "xlsx", "--out", "{tmp}/a.xlsx"],
    ["check", "{fixture}"],
    ["import", "{fixture}", "--yes"],
    ["imports", "--json"],
], ids=lambda c: " ".join(c[:3]))
def test_data_commands_load_no_qt(command, tmp_path):
    """Without --data-dir: the data folder itself must be found without Qt."""
    fixture = ROOT / "tests" / "fixtures" / "import" / "user_metric.csv"
    argv = [a.format(tmp=tmp_path, fixture=fixture) for a in command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *argv], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "QT-MODULES:\n" in proc.stderr, proc.stderr
    if command[0] == "import":  # into the folder the window uses
        store = Path(os.environ["XDG_DATA_HOME"]) / "Meldpunt viewer" / "meldpunt-gui" / "meldpunt.sqlite"
        assert store.is_file()
