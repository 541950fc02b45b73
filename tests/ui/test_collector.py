"""Garbage is collected between events, never inside a Qt call (ui/collector.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

from PySide6.QtCore import QObject

from meldpunt_gui.data.gcpause import collect_if_due
from meldpunt_gui.ui.collector import EventLoopCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_is_off_and_a_timer_collects_between_events(qtbot):
    limits = gc.get_threshold()
    owner = QObject()
    try:
        gc.collect()  # no garbage left by the tests before: the cycles below start in gen 0
        gc.set_threshold(5, 10, 10)
        EventLoopCollector(owner, interval_ms=10)
        assert not gc.isenabled()
        cycles = [_Cycle() for _ in range(50)]
        watch = weakref.ref(cycles[0])
        del cycles
        assert watch() is not None  # held by its own cycle: the collector did not run inline

        def collected() -> bool:
            _Cycle()  # a little garbage per look, as a running window makes: collections stay due
            return watch() is None

        qtbot.waitUntil(collected, timeout=5000)  # the timer collected it
    finally:
        gc.set_threshold(*limits)
        owner.deleteLater()
        qtbot.waitUntil(gc.isenabled, timeout=5000)  # with its owner gone, Python collects again


def test_collect_if_due_does_what_the_automatic_collector_would():
    limits = gc.get_threshold()
    was_on = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        gc.set_threshold(100, 10, 10)
        watch = weakref.ref(_Cycle())
        assert collect_if_due() == 0 and watch() is not None  # under the threshold: nothing
        more = [_Cycle() for _ in range(200)]
        del more
        assert collect_if_due() > 0 and watch() is None
    finally:
        gc.set_threshold(*limits)
        if was_on:
            gc.enable()


def test_the_viewer_starts_with_the_collector_on_its_timer():
    code = ("import gc; from meldpunt_gui.app import application; app = application([]); "
            "print(gc.isenabled())")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
