"""Helpers of the reliability suite: paths, child processes, a tiny tmpfs (root only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures" / "reliability"
IMPORT_FIXTURES = TESTS / "fixtures" / "import"


def subprocess_env(home: Path) -> dict[str, str]:
    """The environment for a child process: offscreen Qt, HOME in the test's folder, the tests
    folder importable (for fixtures.*), and never the user's real settings."""
    env = dict(os.environ)
    env.update({
        "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"), "QT_QPA_PLATFORM": "offscreen",
        "QT_ACCESSIBILITY": "0", "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    env.pop("PYTHONSTARTUP", None)
    return env


def run_python(code: str, home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, env=subprocess_env(home))


def can_mount() -> str | None:
    """None when a tmpfs can be mounted here, else the reason it cannot."""
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if not shutil.which("mount") or not shutil.which("umount"):
        return "mount/umount not installed"
    return None


class Tmpfs:
    """A tmpfs of `size` bytes mounted at `path` (root only); unmounted by the fixture."""

    def __init__(self, path: Path, size: int) -> None:
        self.path, self.size = path, size
        path.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                             capture_output=True, text=True)
        self.mounted = out.returncode == 0
        self.error = out.stderr.strip()

    def fill(self) -> Path:
        """Fill the file system to the last byte; returns the filler file."""
        filler = self.path / "filler.bin"
        block = b"\xa5" * 4096
        with open(filler, "ab", buffering=0) as fh:
            while True:
                try:
                    if fh.write(block) < len(block):
                        break
                except OSError:
                    break
        return filler

    def remount(self, *options: str) -> None:
        subprocess.run(["mount", "-o", ",".join(("remount", *options)), str(self.path)], check=True,
                       capture_output=True)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
            self.mounted = False
