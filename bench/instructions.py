"""Instructions, not seconds: a whole-window change and the start-up, counted by callgrind.

Wall times on a shared 2-core machine move by a third between hours; valgrind's callgrind counts
the instructions a run executes, which stay the same whatever else the machine does (timers aside:
a slower run can fire a timer once more). Each figure is a difference of two runs, so Python's
start, the imports and the warm-up cancel out:

  window   instructions per selection change at 40 series: the window of window_change.py (the
           program's style and garbage collection), 4 + 20 changes against 4, divided by 20
  start    instructions to the viewer's first paint and to its chart painted (started as
           startup.py's c starts it), beside a bare PySide6 window (a) and a bare pyqtgraph
           window (b), as the ratios c/a and c/b of startup.py

Checkouts to compare are folders holding a `meldpunt_gui` package (a `git worktree` or `git
archive` of an older commit); this bench's own checkout when none is given. About 90 s per
window figure and 60 s per start-up row.

Run: .venv/bin/python bench/instructions.py window|start [CHECKOUT ...]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent
CHANGES = 20


def _window_child(root: str, changes: int) -> None:
    """The window of window_change.py, 4 warm-up changes and `changes` more, at 40 series."""
    sys.path[:0] = [root, str(HERE.parent)]
    import meldpunt_gui  # from `root`: window_change.py puts this checkout first on the path

    assert Path(meldpunt_gui.__file__).parent.parent == Path(root), meldpunt_gui.__file__
    import window_change as bench
    from redraw import synthetic_dataset

    from meldpunt_gui.model.view import ViewState

    app = bench.make_app()
    from PySide6.QtCore import QSettings

    from meldpunt_gui.ui import theme as themes
    from meldpunt_gui.ui.collector import EventLoopCollector
    from meldpunt_gui.ui.main_window import MainWindow

    ds, ids = synthetic_dataset()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ds, settings, "nl", state=ViewState(metrics=tuple(ids[:10])), data_dir=Path(tmp))
        window.persist = False
        themes.apply(app, window.theme)
        EventLoopCollector(app)
        window.resize(*bench.WINDOW_SIZE)
        window.show()
        window.chart.ensure_loaded()
        for _ in range(10):
            app.processEvents()
        sets = [tuple(ids[:40]), tuple(ids[40:80])]
        assert window.model is not None
        for i in range(4 + changes):
            window.model.select_metrics(sets[i % 2])
            for _ in range(8):
                app.processEvents()
        window.close()


def _start_child(kind: str, root: str, data_dir: str) -> None:
    """Start as startup.py's a, b or c does and leave at the first paint (a, "c-first") or at the
    chart's (b, "c-chart")."""
    if kind.startswith("c"):
        sys.path.insert(0, root)
        import meldpunt_gui

        assert Path(meldpunt_gui.__file__).parent.parent == Path(root), meldpunt_gui.__file__
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    paint = QEvent.Type.Paint
    target: dict[str, object] = {}

    class App(QApplication):
        depth = 0
        hit = False

        def notify(self, obj, event):  # type: ignore[no-untyped-def]  # Qt's own signature
            if event.type() == paint and obj.isWidgetType():
                if kind == "a" or (kind == "b" and obj is target.get("viewport")):
                    self.hit = True
                elif kind.startswith("c") and type(obj.window()).__name__ == "MainWindow":
                    win = obj.window()
                    chart = getattr(win, "chart", None)
                    if kind == "c-first" or (chart is not None and chart.is_loaded()
                                             and obj is chart._glw.viewport()):
                        self.hit = True
            self.depth += 1
            try:
                return super().notify(obj, event)
            finally:
                self.depth -= 1
                if self.depth == 0 and self.hit:
                    os._exit(0)

    if kind.startswith("c"):
        from meldpunt_gui import app as app_module
        from meldpunt_gui import cli

        app_module.QApplication = App  # type: ignore[misc]  # the same start, notify() hooked
        cli.main(["--data-dir", data_dir, "--lang", "nl"])
        os._exit(4)
    if kind == "b":
        import pyqtgraph as pg
    app = App(sys.argv[:1])
    win = QMainWindow()
    if kind == "a":
        win.setCentralWidget(QLabel("Meldingen totaal, 2003-2024", win))
    else:
        plot = pg.PlotWidget(win)
        plot.plot([2019.0, 2020.0, 2021.0, 2022.0, 2023.0], [6e4, 9e4, 1.4e5, 1.45e5, 2.1e5])
        win.setCentralWidget(plot)
        target["viewport"] = plot.viewport()
    win.resize(1000, 640)
    win.show()
    app.exec()
    os._exit(4)


def _count(args: list[str]) -> int:
    """Instructions of one run of this script with `args`, under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        from startup import desktop_platform  # the viewer at its first size, as startup.py

        env = dict(os.environ, QT_QPA_PLATFORM=desktop_platform(tmp), QT_ACCESSIBILITY="0",
                   HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, OPENBLAS_NUM_THREADS="1")
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
                               sys.executable, str(HERE), "--child", *args, tmp],
                              env=env, capture_output=True, text=True, timeout=1800, check=False)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if not found:
            raise SystemExit(f"callgrind gave no count for {args}:\n{done.stderr[-2000:]}")
        return int(found.group(1))


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        what, rest = sys.argv[2], sys.argv[3:]
        if what == "window":
            _window_child(rest[0], int(rest[1]))
        else:
            _start_child(what, rest[0] if what.startswith("c") else "", rest[-1])
        return
    if len(sys.argv) < 2 or sys.argv[1] not in ("window", "start"):
        raise SystemExit(__doc__.splitlines()[-1])
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (apt install valgrind)")
    roots = [str(Path(r).resolve()) for r in sys.argv[2:]] or [str(ROOT)]
    if sys.argv[1] == "window":
        print(f"instructions per change at 40 series ({CHANGES} changes after 4, minus 4)")
        for root in roots:
            per = (_count(["window", root, str(CHANGES)]) - _count(["window", root, "0"])) / CHANGES
            print(f"  {root}: {per / 1e6:.1f} M")
        return
    a, b = _count(["a", ""]), _count(["b", ""])
    print(f"instructions to the first paint: bare PySide6 window (a) {a / 1e6:.0f} M; "
          f"to the chart: bare pyqtgraph window (b) {b / 1e6:.0f} M")
    for root in roots:
        first, chart = _count(["c-first", root]), _count(["c-chart", root])
        print(f"  {root}: first paint {first / 1e6:.0f} M (c/a {first / a:.2f}), "
              f"chart {chart / 1e6:.0f} M (c/b {chart / b:.2f})")


if __name__ == "__main__":
    main()
