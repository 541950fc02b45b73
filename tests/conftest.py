"""Shared fixtures: Qt offscreen, settings and user data in tmp_path, a small hand-made dataset."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import pytest

from meldpunt_gui.data.gcpause import collector_paused
from meldpunt_gui.model.domain import Category, Dataset, Event, Metric, Observation, Period, Source, Text, Theme, Unit


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the real user's settings or data."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    yield
    from meldpunt_gui.files.own_files import forget_data_folders

    forget_data_folders()  # the data folders a test's command or window guarded


@pytest.fixture(autouse=True)
def _no_collection_inside_qt(request):
    """A test with a QApplication collects garbage only after it, as the window collects only
    between events (meldpunt_gui/ui/collector.py): the windows of earlier tests live in
    reference cycles, and a collection inside a Qt call deleted them under Qt's feet (a
    deadlock in a signal's disconnect, a crash in setStyle)."""
    if "qapp" not in request.fixturenames:
        yield
        return
    with collector_paused():
        yield


@pytest.fixture
def deny_mkdir(monkeypatch):
    """`deny_mkdir(folder)`: making that one folder fails with EACCES, as on a locked-down profile
    (permission bits do not stop root, so the refusal is simulated)."""
    import errno
    from pathlib import Path

    def deny(folder: Path) -> None:
        real_mkdir = Path.mkdir

        def denied(self, *args, **kwargs):
            if self == folder:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", denied)

    return deny


@pytest.fixture
def data_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    return d


def _obs(metric, period, value, source="s1", approximate=False, status="published"):
    return Observation(metric, Period.parse(period), float(value), approximate, status, source)


@pytest.fixture
def tiny_ds() -> Dataset:
    return make_tiny_ds()


def make_tiny_ds() -> Dataset:
    """A dataset small enough to reason about in a test: two count metrics, one percentage,
    one half-year series, a disagreement, a gap, and one theme and event."""
    units = {
        "reports": Unit("reports", "count", Text("meldingen", "reports")),
        "urls": Unit("urls", "count", Text("URL's", "URLs")),
        "percent": Unit("percent", "percent", Text("%", "%"), 1),
    }
    cats = {"meldpunt": Category("meldpunt", Text("Meldpunt", "Hotline"), 1)}
    metrics = {
        "reports_total": Metric("reports_total", "meldpunt", "reports",
                                Text("Meldingen totaal", "Total reports"),
                                Text("Alle meldingen.", "All reports."), ("t1",)),
        "cloud_urls": Metric("cloud_urls", "meldpunt", "urls", Text("Cloud-URL's", "Cloud URLs"),
                             Text("URL's naar cloud.", "URLs to cloud."), ("t1",)),
        "share_nl": Metric("share_nl", "meldpunt", "percent", Text("Aandeel NL", "Share NL"),
                           Text("Aandeel in NL.", "Share in NL."), ()),
        "reports_h1": Metric("reports_h1", "meldpunt", "reports",
                             Text("Meldingen 1e halfjaar", "Reports H1"),
                             Text("Eerste halfjaar.", "First half."), ()),
    }
    sources = {
        "s1": Source("s1", "NU.nl", "Jaarcijfers", "https://example.org/nu", "2022-04", False),
        "s2": Source("s2", "Offlimits", "Trend", "https://example.org/off", "2023-07-13", True),
    }
    obs = [
        _obs("reports_total", "2019", 300000, approximate=True),
        _obs("reports_total", "2020", 307021),
        _obs("reports_total", "2021", 413262),
        _obs("reports_total", "2021", 414000, source="s2", approximate=True),
        _obs("reports_total", "2022", 145000, source="s2", approximate=True),
        # 2023 missing: a gap
        _obs("reports_total", "2024", 127000, source="s2", approximate=True),
        _obs("cloud_urls", "2021", 160000, source="s2"),
        _obs("cloud_urls", "2022", 4600, source="s2"),
        _obs("share_nl", "2021", 89, source="s2"),
        _obs("share_nl", "2022", 63, source="s2"),
        _obs("reports_h1", "2021-H1", 129000, approximate=True),
        _obs("reports_h1", "2022-H1", 8100, approximate=True),
    ]
    themes = {"t1": Theme("t1", Text("Druk op hosters", "Pressure on hosters"),
                          Text("Hosters <b>verhuizen</b>.\n\nTweede alinea.", "Hosters move.\n\nSecond."),
                          (2019, 2023), ("s2",))}
    events = [Event("e1", "2020-10-08", 2020, Text("Monitor gepubliceerd", "Monitor published"), "s2",
                    ("t1",))]
    return Dataset(units, cats, metrics, sources, obs, events, themes, "2023-07-13")


# ----------------------------------------------------------------------------- unprivileged tests

def pytest_configure(config):
    config.addinivalue_line(
        "markers", "unprivileged: permission bits must stop this test's process; as root (CI) it "
        "runs again in a child process as the user nobody (setpriv), elsewhere directly")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Permission bits do not stop root, and CI runs as root: a test marked `unprivileged` is
    then run in a child pytest under `setpriv --reuid=nobody`, with its files in a folder that
    user owns, and passes only when the child passed it. Not skipped: root without setpriv fails."""
    if pyfuncitem.get_closest_marker("unprivileged") is None:
        return None
    if os.name != "posix" or os.geteuid() != 0:
        return None  # an ordinary user: the bits apply, run it here
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root without setpriv: this permission test cannot run unprivileged"
    root = Path(__file__).resolve().parents[1]
    base = Path(tempfile.mkdtemp(prefix="meldpunt-nobody-"))
    try:
        os.chmod(base, 0o755)
        os.chown(base, 65534, 65534)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        env.update(HOME=str(base), PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=os.pathsep.join([str(root / "tests"), str(root)]))
        node = pyfuncitem.nodeid
        proc = subprocess.run(
            [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
             "pytest", "-q", "-p", "no:cacheprovider", node,
             f"--basetemp={base / 'tmp'}", "-o", "addopts="],
            cwd=root, env=env, capture_output=True, text=True, timeout=300)
        passed = proc.returncode == 0 and " passed" in proc.stdout and "skipped" not in proc.stdout
        assert passed, f"as the user nobody:\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return True
