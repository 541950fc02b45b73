"""Build the one-folder desktop bundle with PyInstaller, and smoke-test it.

    .venv/bin/python scripts/build_bundle.py            build dist/meldpunt/ (Linux, Windows)
    python3 scripts/build_bundle.py --smoke-only        test an existing dist/meldpunt/

The smoke test copies the bundle to a fresh folder and runs it with an empty environment and a
PATH holding no Python (so it proves the bundle needs nothing of the build machine): `--version`,
`export --format csv` and `screenshot` (offscreen), each with its own `--data-dir`, and checks what
they wrote. It uses the standard library only, so it also runs after the virtual environment is
gone. Prints the bundle's size and how long each step took.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "meldpunt.spec"
WINDOWS = sys.platform == "win32"


def build(dist: Path, work: Path) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    return time.monotonic() - started


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _run(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> str:
    proc = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=180)
    if proc.returncode != 0:
        raise SystemExit(f"smoke test failed: {exe.name} {' '.join(args)} -> exit {proc.returncode}\n"
                         f"{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def smoke(bundle: Path) -> float:
    """Run the copied bundle with nothing of the build environment; raise SystemExit on failure."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="meldpunt-smoke-") as tmp:
        base = Path(tmp)
        copy = base / "meldpunt"
        shutil.copytree(bundle, copy, symlinks=True)
        empty_bin = base / "bin"  # a PATH with no python on it
        empty_bin.mkdir()
        env = {"PATH": str(empty_bin), "HOME": str(base), "QT_QPA_PLATFORM": "offscreen",
               "LANG": "C.UTF-8"}
        if WINDOWS:
            env.update({"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"),
                        "APPDATA": str(base / "AppData")})
        exe = copy / ("meldpunt.exe" if WINDOWS else "meldpunt")
        data = base / "data"
        version = _run(exe, ["--version"], env, base)
        if not version.startswith("meldpunt "):
            raise SystemExit(f"smoke test failed: --version printed {version!r}")
        out_csv = base / "reports.csv"
        _run(exe, ["export", "--metrics", "reports_total", "--years", "2019-2023", "--format", "csv",
                   "--out", str(out_csv), "--data-dir", str(data)], env, base)
        text = out_csv.read_text(encoding="utf-8-sig")
        if "reports_total;" not in text or "2021;413262;" not in text:
            raise SystemExit(f"smoke test failed: the CSV export holds\n{text[:400]}")
        out_png = base / "window.png"
        _run(exe, ["screenshot", "--out", str(out_png), "--size", "1000x700", "--data-dir", str(data)],
             env, base)
        if out_png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n" or out_png.stat().st_size < 20_000:
            raise SystemExit("smoke test failed: the screenshot is not a full PNG")
        print(f"smoke test passed: {version.strip()}; CSV export {len(text.splitlines())} lines; "
              f"screenshot {out_png.stat().st_size // 1024} KB")
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--smoke-only", action="store_true", help="test an existing bundle")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args()
    bundle = args.dist / "meldpunt"
    if not args.smoke_only:
        took = build(args.dist, args.work)
        print(f"bundle built in {took:.0f} s: {bundle} ({size_mb(bundle):.0f} MB)")
    if not args.no_smoke:
        took = smoke(bundle)
        print(f"smoke test took {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
