"""Python's garbage collector runs between events only, in the GUI thread.

The cyclic collector normally runs whenever allocations pass a threshold: also inside a Qt call
that holds a lock (a signal's disconnect calls back into Python) or walks a list of widgets
(setStyle). pyqtgraph's plot items and their menus live in reference cycles, so a collection
there could delete a widget under Qt's feet: a deadlock in QObject's destructor, or freed memory
used. While the window runs the automatic collector is therefore off, and a timer collects
between events, generation by generation as the collector itself would (pyqtgraph's own
GarbageCollector does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from meldpunt_gui.data.gcpause import collect_if_due

INTERVAL_MS = 500


class EventLoopCollector(QObject):
    """Owned by the application: turns the automatic collector off and collects on a timer."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_if_due)
        gc.disable()
        self._timer.start(interval_ms)
        self.destroyed.connect(gc.enable)  # a later application collects as Python would
