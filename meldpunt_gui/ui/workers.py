"""Worker threads that always have an owner.

Qt aborts the whole process when a QThread object is destroyed while its thread still runs. A
thread parented to a dialog dies with the dialog, and a dialog can go at any moment (closed,
replaced by the next import, deleted by a test). So no thread here has a QObject parent: the one
`Workers` owner keeps every thread until it has finished and been waited for, a widget that
started a job cancels it when it goes, and the owner waits for all threads before the program
(or the test run) ends.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

# A job's work: called in the worker thread with a progress callback that takes a fraction
# (0..1) and returns False once the job was cancelled.
Work = Callable[[Callable[[float], bool]], Any]


class Job(QObject):
    """One piece of work in its own thread; its result arrives through `done` (queued to the
    receiver's thread), its progress in percent through `progressed`."""

    done = Signal(object)
    progressed = Signal(int)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False

    def cancel(self) -> None:
        """Ask the work to stop at its next progress call; its result is then not wanted."""
        self.cancelled = True

    def _progress(self, fraction: float) -> bool:
        self.progressed.emit(int(fraction * 100))
        return not self.cancelled

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress)
            if not self.cancelled:
                self.done.emit(result)
        finally:
            self.thread().quit()  # the thread's event loop ends once the work has returned


class Workers(QObject):
    """The owner of every worker thread: starts jobs, keeps their threads until they have
    finished, and waits for all of them before it goes."""

    def __init__(self) -> None:
        super().__init__()
        self._running: dict[QThread, Job] = {}

    def start(self, work: Work, on_done: Callable[[Any], None] | None = None,
              on_progress: Callable[[int], None] | None = None) -> Job:
        """Run `work` in a new thread. The receivers are connected before the thread starts, so a
        job that ends at once cannot send its result to no one (queued to their own thread)."""
        thread = QThread()
        job = Job(work)
        if on_done is not None:
            job.done.connect(on_done, Qt.ConnectionType.QueuedConnection)
        if on_progress is not None:
            job.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        thread.finished.connect(self._finished)
        self._running[thread] = job
        thread.start()
        return job

    @Slot()
    def _finished(self) -> None:
        for thread in [t for t in self._running if t.isFinished()]:
            thread.wait()  # `finished` is sent just before the thread ends: let it end
            self._running.pop(thread).deleteLater()
            thread.deleteLater()

    def running(self) -> int:
        return sum(1 for t in self._running if not t.isFinished())

    def cancel(self, job: Job) -> None:
        """Cancel `job` and end its thread as soon as its work returns."""
        job.cancel()
        for thread, owned in self._running.items():
            if owned is job:
                thread.quit()

    def wait(self, job: Job | None = None) -> None:
        """Block until `job`'s thread (or every thread) has ended, then let them go."""
        for thread, owned in list(self._running.items()):
            if job is None or owned is job:
                thread.quit()
                thread.wait()
        self._finished()

    def shutdown(self) -> None:
        """Cancel every job and wait for all threads: the last call before the program ends."""
        for job in self._running.values():
            job.cancel()
        self.wait()


_OWNER: Workers | None = None


def workers() -> Workers:
    """The program's one owner of worker threads (made on first use, waited for at exit)."""
    global _OWNER
    if _OWNER is None:
        _OWNER = Workers()
        atexit.register(_OWNER.shutdown)
    return _OWNER
