"""The two programs an installation gives: `meldpunt` (console) and `meldpunt-gui` (window)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import tomllib

from meldpunt_gui import cli

ROOT = Path(__file__).resolve().parents[1]


def test_console_and_window_entries_are_declared_apart():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"meldpunt": "meldpunt_gui.cli:main"}
    assert project["gui-scripts"] == {"meldpunt-gui": "meldpunt_gui.cli:gui_main"}


def test_window_entry_without_a_console_still_runs_subcommands(monkeypatch, data_dir):
    """A Windows gui-script has no console: sys.stdout and sys.stderr are None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["meldpunt-gui", "list-metrics", "--data-dir", str(data_dir)])
    assert cli.gui_main() == 0
    monkeypatch.setattr(sys, "argv", ["meldpunt-gui", "export", "--bogus"])
    assert cli.gui_main() == 2


def test_window_entry_names_itself_in_messages(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["meldpunt-gui", "--version"])
    try:
        cli.gui_main()
    except SystemExit as stop:
        assert stop.code == 0
    assert capsys.readouterr().out.startswith("meldpunt-gui 0.")
    err = io.StringIO()
    assert cli.main(["export", "--bogus"], out=io.StringIO(), err=err) == 2
    assert err.getvalue().startswith("meldpunt: ")


def test_python_dash_m_runs_the_command_line(data_dir):
    proc = subprocess.run([sys.executable, "-m", "meldpunt_gui", "list-stories", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "daling" in proc.stdout.lower()
