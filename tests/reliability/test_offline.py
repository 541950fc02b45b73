"""Offline, proven: no network connection from the window, an import or any export, and no
network module loaded after every dialog has been opened (DESIGN §5)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import IMPORT_FIXTURES, run_python, subprocess_env

STRACE = shutil.which("strace")
EXPORTS = {"png": "png", "svg": "svg", "pdf": "pdf", "csv": "csv", "xlsx": "xlsx", "briefing": "pdf"}
# a connect() to an internet address; AF_UNIX (the X server, D-Bus, fontconfig) is fine
INET = re.compile(r"\b(?:connect|sendto|sendmsg)\(.*\b(?:AF_INET|AF_INET6)\b")


def _strace_args(log: Path) -> list[str]:
    args = [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log)]
    probe = subprocess.run([STRACE, "--seccomp-bpf", "-f", "-qq", "-e", "trace=connect", "-o", "/dev/null",
                            "true"], capture_output=True)
    if probe.returncode == 0:  # only the traced calls stop the process: much faster
        args.insert(1, "--seccomp-bpf")
    return args


@pytest.mark.skipif(STRACE is None, reason="strace is not installed (apt-get install strace); "
                                           ".ci/run installs it for CI")
def test_window_import_and_every_export_make_no_network_connection(tmp_path):
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    figures = tmp_path / "cijfers.csv"
    figures.write_text("metriek;periode;waarde;bron\nreports_total;2031;131.000;Offlimits\n", "utf-8")
    py = sys.executable
    app = [py, "-m", "meldpunt_gui"]
    commands = [
        # proves the trace works: an AF_UNIX connect must show up in the log (and is allowed)
        [py, "-c", "import socket; socket.socket(socket.AF_UNIX).connect_ex('/nonexistent-meldpunt')"],
        [*app, "screenshot", "--out", str(out / "venster.png"), "--size", "1000x700", "--data-dir", str(data)],
        [*app, "import", str(figures), "--yes", "--data-dir", str(data)],
        [*app, "check", str(IMPORT_FIXTURES / "long.xlsx"), "--data-dir", str(data)],
    ]
    for fmt, suffix in EXPORTS.items():
        commands.append([*app, "export", "--metrics", "reports_total,cloud_urls", "--years", "2015-2031",
                         "--format", fmt, "--out", str(out / f"export-{fmt}.{suffix}"), "--data-dir", str(data)])
    script = tmp_path / "run.sh"
    lines = []
    for command in commands:  # `check` exits 1 (long.xlsx is checked against the wrong data)
        line = " ".join(_quote(a) for a in command)
        lines.append(f"{line}; test $? -eq 1 || exit 91" if "check" in command else f"{line} || exit $?")
    script.write_text("\n".join(lines) + "\n")
    log = tmp_path / "strace.log"
    env = subprocess_env(tmp_path / "home")
    proc = subprocess.run([*_strace_args(log), "sh", str(script)], capture_output=True, text=True,
                          timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    trace = log.read_text(errors="replace")
    assert "/nonexistent-meldpunt" in trace, "strace recorded nothing: the check would prove nothing"
    inet = [line for line in trace.splitlines() if INET.search(line)]
    assert inet == [], "network connections:\n" + "\n".join(inet[:20])
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(["venster.png", *(f"export-{f}.{s}" for f, s in EXPORTS.items())])
    assert all((out / name).stat().st_size > 200 for name in made)
    assert "Import 1 opgeslagen: 1 nieuw, 0 gewijzigd." in proc.stdout


@pytest.mark.skipif(STRACE is None, reason="strace is not installed (apt-get install strace)")
def test_the_trace_would_see_an_internet_connection(tmp_path):
    """The check above is only worth something if it fails when a connection is made."""
    log = tmp_path / "strace.log"
    code = ("import socket\nsocket.socket().connect_ex(('127.0.0.1', 9))\n"
            "try:\n    socket.socket(socket.AF_INET6).connect_ex(('::1', 9))\nexcept OSError:\n"
            "    print('no IPv6')\n")
    proc = subprocess.run([*_strace_args(log), sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    inet = [line for line in log.read_text(errors="replace").splitlines() if INET.search(line)]
    assert "AF_INET," in inet[0] and "127.0.0.1" in inet[0]
    assert len(inet) == (1 if "no IPv6" in proc.stdout else 2)


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\"'\"'") + "'"


DIALOGS = r"""
import json, sys
from pathlib import Path
from meldpunt_gui.app import build_window
from meldpunt_gui.model.domain import Period

data_dir, fixture, out = (Path(a) for a in sys.argv[1:])
app, window, _ = build_window(data_dir, "nl")
window.show()
window.chart.ensure_loaded()
app.processEvents()

from PySide6.QtWidgets import QFileDialog
from meldpunt_gui.ui.export.options import ChartExportOptions
from meldpunt_gui.ui.import_dialog import ImportDialog, ImportHistoryDialog

opened = []
preview = ImportDialog(fixture, window.ds, "nl", window)
preview.show()
import time
deadline = time.monotonic() + 30
while preview.import_result is None and time.monotonic() < deadline:  # the read runs in a worker thread
    app.processEvents()
    time.sleep(0.005)
opened.append(("ImportDialog", preview.import_result is not None and len(preview.import_result.rows)))
history = ImportHistoryDialog(window.store, "nl", window)
history.show()
opened.append(("ImportHistoryDialog", history.table.rowCount()))
options = ChartExportOptions(window.settings, window)
options.show()
opened.append(("ChartExportOptions", options.isVisible()))
files = QFileDialog(window, "Exporteren", str(out))
files.setOption(QFileDialog.Option.DontUseNativeDialog)
files.show()
opened.append(("QFileDialog", files.isVisible()))
for _ in range(5):
    app.processEvents()
# everything a user can do without a dialog too: tabs, hover, the exports
window.tabs.setCurrentIndex(1)
window.tabs.setCurrentIndex(0)
from meldpunt_gui.ui.export.briefing import export_briefing
from meldpunt_gui.ui.export.chart_export import export_chart
for fmt in ("png", "svg", "pdf"):
    export_chart(out / f"grafiek.{fmt}", fmt, window.ds, window.state, "nl", 600, 400)
export_briefing(out / "briefing.pdf", window.ds, window.state, "nl")
for dialog in (preview, history, options, files):
    dialog.close()
app.processEvents()

network = sorted(m for m in sys.modules
                 if m in ("PySide6.QtNetwork", "urllib.request", "http.client", "ssl", "socketserver")
                 or m.startswith(("PySide6.QtWebEngine", "PySide6.QtWebSockets", "requests", "urllib3")))
maps = Path("/proc/self/maps").read_text() if Path("/proc/self/maps").exists() else ""
libraries = sorted({name for name in ("libQt6Network", "libQt6WebEngineCore", "libQt6WebSockets")
                    if name in maps})
print(json.dumps({"opened": opened, "modules": network, "libraries": libraries}))
window.close()
window.store.close()
"""


def test_no_network_module_is_loaded_after_every_dialog(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    figures = tmp_path / "cijfers.csv"
    figures.write_text("metriek;periode;waarde;bron\nreports_total;2031;131.000;Offlimits\n"
                       "reports_total;2032;ca. 128.000;Offlimits\ncloud_urls;2031;4.100;Offlimits\n", "utf-8")
    proc = run_python(DIALOGS, tmp_path / "home", str(tmp_path / "data"), str(figures), str(out), timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert dict(report["opened"]) == {"ImportDialog": 3, "ImportHistoryDialog": 0,
                                      "ChartExportOptions": True, "QFileDialog": True}
    assert report["modules"] == []
    assert report["libraries"] == []
    assert sorted(p.name for p in out.iterdir()) == ["briefing.pdf", "grafiek.pdf", "grafiek.png", "grafiek.svg"]


def test_links_in_texts_are_not_fetched_while_rendering(tmp_path):
    """Explanations and notes are shown as text: an <img src=http...> in a note loads nothing."""
    code = r"""
import json, sys
from pathlib import Path
from meldpunt_gui.app import build_window
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.data.bundled import load_bundled

data_dir = Path(sys.argv[1])
note = '<img src="http://192.0.2.1/x.png"><a href="http://192.0.2.1/">klik</a><script>x()</script>'
data = f'metriek;periode;waarde;opmerking\nreports_total;2031;131.000;"{note}"\n'.encode()
with UserStore.open(data_dir) as store:
    store.apply(read_import_data(data, "notitie.csv", load_bundled()))
from meldpunt_gui.model.view import ViewState
app, window, _ = build_window(data_dir, "nl", state=ViewState(metrics=("reports_total",)))
window.show()
window.chart.ensure_loaded()
window.tabs.setCurrentIndex(1)
for _ in range(5):
    app.processEvents()
print(json.dumps({"network": "PySide6.QtNetwork" in sys.modules}))
window.close()
window.store.close()
"""
    if not STRACE:
        pytest.skip("strace is not installed (apt-get install strace)")
    log = tmp_path / "strace.log"
    proc = subprocess.run([*_strace_args(log), sys.executable, "-c", code, str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=180, env=subprocess_env(tmp_path / "home"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"network": False}
    inet = [line for line in log.read_text(errors="replace").splitlines() if INET.search(line)]
    assert inet == []
