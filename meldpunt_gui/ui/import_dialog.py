"""File > Import: a preview of what a file would change, and the import history with undo.

The file is read in a worker thread (a busy bar and Cancel keep the window responsive); nothing is
written until the user confirms, and not at all while an error stands.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ..domain import Dataset
from ..formatting import format_number, format_period
from ..import_model import LAYOUT_LABELS, SEVERITY_LABELS, STATUS_LABELS, ImportResult

ENCODINGS = ("", "utf-8", "utf-16", "cp1252")
DELIMITERS = ("", ";", ",", "\t")
STYLES = ("", "nl", "en")


class _Reader(QObject):
    done = Signal(object)
    progressed = Signal(int)

    def __init__(self, path: Path, ds: Dataset, options: dict):
        super().__init__()
        self.path, self.ds, self.options = path, ds, options
        self.cancelled = False

    def _progress(self, fraction: float) -> bool:
        self.progressed.emit(int(fraction * 100))
        return not self.cancelled

    def run(self) -> None:
        from ..importers import read_import  # noqa: PLC0415

        self.done.emit(read_import(self.path, self.ds, progress=self._progress, **self.options))


class _Keeper(QObject):
    """Keeps a dialog alive while one of its reads still runs: a dialog whose last Python reference
    goes (garbage-collected before it was closed) would otherwise take a running QThread with it,
    and a QThread destroyed while it runs aborts the program."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[QThread, QObject]] = []

    def hold(self, thread: QThread, owner: QObject) -> None:
        self.held.append((thread, owner))
        thread.finished.connect(self.release)  # queued: runs here, once the thread has ended

    def release(self) -> None:
        # not here and now: this runs for the finished thread's own signal, and letting go of its
        # dialog may delete that thread. One turn of the event loop later nothing refers to it.
        QTimer.singleShot(0, self._forget)

    def _forget(self) -> None:
        self.held = [(t, o) for t, o in self.held if not t.isFinished()]


_KEEPER: _Keeper | None = None


def _keeper() -> _Keeper:
    global _KEEPER  # noqa: PLW0603 - one keeper for the application, made on first use
    if _KEEPER is None:
        _KEEPER = _Keeper()
    return _KEEPER


class ImportDialog(QDialog):
    """Preview: detected encoding, separator and number style (changeable), rows, problems."""

    read_finished = Signal()  # the file has been read and the preview shows the result

    def __init__(self, path: Path, ds: Dataset, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.ds, self.lang = Path(path), ds, lang
        self.result: ImportResult | None = None
        self._thread: QThread | None = None
        # every read started, until its thread has finished: the dialog waits for them before it
        # goes (a QThread destroyed with its dialog while still running aborts the program)
        self._readers: list[tuple[QThread, _Reader]] = []
        self.setWindowTitle(self.tr("Import %1").replace("%1", self.path.name))
        self.resize(900, 600)

        self.encoding = QComboBox(self)
        self.delimiter = QComboBox(self)
        self.style = QComboBox(self)
        self.sheet = QComboBox(self)
        auto = self.tr("detect")
        self.encoding.addItems([auto, "UTF-8", "UTF-16", "Windows-1252"])
        self.delimiter.addItems([auto, self.tr("semicolon ;"), self.tr("comma ,"), self.tr("tab")])
        self.style.addItems([auto, self.tr("Dutch (1.234,5)"), self.tr("English (1,234.5)")])
        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow(self.tr("&Separator:"), self.delimiter)
        form.addRow(self.tr("&Numbers:"), self.style)
        form.addRow(self.tr("S&heet:"), self.sheet)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 100)
        self.cancel_read = QPushButton(self.tr("Stop reading"), self)
        self.cancel_read.clicked.connect(self._stop)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.cancel_read)

        self.rows = QTableWidget(0, 6, self)
        self.rows.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Metric"), self.tr("Period"),
                                             self.tr("Value"), self.tr("What happens"),
                                             self.tr("Value now")])
        self.problems = QTableWidget(0, 4, self)
        self.problems.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"),
                                                 self.tr("Kind"), self.tr("Problem")])
        for table in (self.rows, self.problems):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rows, self.tr("Rows"))
        self.tabs.addTab(self.problems, self.tr("Problems"))
        self.rows.setAccessibleName(self.tr("Rows read from the file"))
        self.problems.setAccessibleName(self.tr("Problems found in the file"))

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.detected)
        lay.addLayout(busy_row)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.buttons)
        for combo in (self.encoding, self.delimiter, self.style):
            combo.currentIndexChanged.connect(self.reload)
        self.sheet.currentIndexChanged.connect(self.reload)
        self.sheet.setEnabled(False)
        self.reload()

    # ----- reading
    def options(self) -> dict:
        opts = {"encoding": ENCODINGS[self.encoding.currentIndex()] or None,
                "delimiter": DELIMITERS[self.delimiter.currentIndex()] or None,
                "number_style": STYLES[self.style.currentIndex()] or None}
        if self.sheet.isEnabled() and self.sheet.currentText():
            opts["sheet"] = self.sheet.currentText()
        return opts

    def reload(self, *_args) -> None:
        self._stop()
        self.result = None  # a result of other options must not pass for this read
        self.import_button.setEnabled(False)
        self.busy.setVisible(True)
        self.cancel_read.setVisible(True)
        self.summary.setText(self.tr("Reading…"))
        thread = QThread(self)
        _keeper().hold(thread, self)
        reader = _Reader(self.path, self.ds, self.options())
        reader.moveToThread(thread)
        thread.started.connect(reader.run)
        reader.done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        reader.progressed.connect(self.busy.setValue, Qt.ConnectionType.QueuedConnection)
        self.busy.setValue(0)
        reader.done.connect(thread.quit)
        thread.finished.connect(reader.deleteLater)
        self._thread, self._reader = thread, reader
        self._readers = [(t, r) for t, r in self._readers if not t.isFinished()] + [(thread, reader)]
        thread.start()

    def _stop(self) -> None:
        """Drop a read in progress: its result is ignored when it arrives."""
        if self._thread is not None:
            self._reader.cancelled = True  # the reader stops at its next progress call
            try:
                self._reader.done.disconnect(self._show)
            except (RuntimeError, TypeError):
                pass
            self._thread.quit()
            self._thread.wait(50)
            self._thread = None
        self.busy.setVisible(False)
        self.cancel_read.setVisible(False)
        self.summary.setText(self.tr("Reading stopped."))

    def _wait_for_readers(self) -> None:
        """Stop every read still running and wait for its thread: nothing outlives the dialog."""
        for thread, reader in self._readers:
            if not thread.isFinished():
                reader.cancelled = True
                thread.quit()
                thread.wait()
        self._readers = []

    def done(self, code: int) -> None:  # accept and reject end here
        self._wait_for_readers()
        super().done(code)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._wait_for_readers()
        super().closeEvent(event)

    def wait_until_read(self, timeout_ms: int = 30000) -> bool:
        """Wait for the read in progress and its preview; True once the result is shown.

        The reader hands its result over through this thread's event loop, so the wait runs
        that loop (blocking on the worker thread would hold back the very result it waits for).
        """
        if self._thread is not None:
            loop = QEventLoop(self)
            timer = QTimer(loop)
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            self.read_finished.connect(loop.quit)
            self.finished.connect(loop.quit)  # closing the dialog drops the read
            timer.start(timeout_ms)
            loop.exec()
            self.read_finished.disconnect(loop.quit)
            self.finished.disconnect(loop.quit)
            loop.deleteLater()
        return self._thread is None and self.result is not None

    # ----- showing
    def _show(self, result: ImportResult) -> None:
        self.result = result
        self._thread = None
        self.busy.setVisible(False)
        self.cancel_read.setVisible(False)
        lang = self.lang
        if result.sheets and not self.sheet.isEnabled():
            self.sheet.blockSignals(True)
            self.sheet.addItems(result.sheets)
            self.sheet.setEnabled(len(result.sheets) > 1)
            self.sheet.blockSignals(False)
        parts = []
        if result.encoding:
            parts.append(self.tr("encoding %1").replace("%1", result.encoding))
        if result.delimiter:
            names = {";": self.tr("semicolon ;"), ",": self.tr("comma ,"), "\t": self.tr("tab")}
            parts.append(self.tr("separator %1").replace("%1", names.get(result.delimiter, result.delimiter)))
        if result.number_style:
            parts.append(self.tr("numbers %1").replace(
                "%1", "1.234,5" if result.number_style == "nl" else "1,234.5"))
        if result.layout:
            parts.append(LAYOUT_LABELS[result.layout].get(lang))
        self.detected.setText(self.tr("Detected: %1").replace("%1", " · ".join(parts)) if parts else "")
        self._fill_rows(result)
        self._fill_problems(result)
        counts = result.counts()
        text = self.tr("%1 new, %2 changed, %3 unchanged")
        for i, n in enumerate((counts["new"], counts["changed"], counts["unchanged"]), start=1):
            text = text.replace(f"%{i}", str(n))
        # plurals through Qt's %n: "1 fout", "2 fouten"
        text += "; " + self.tr("%n error(s)", "", result.error_count) + ", " \
            + self.tr("%n warning(s)", "", result.warning_count) + "."
        if result.has_errors:
            text += " " + self.tr("Nothing can be imported while an error stands.")
            self.tabs.setCurrentIndex(1)
        elif not result.to_store:
            text += " " + self.tr("Nothing to import.")
        self.summary.setText(text)
        self.import_button.setEnabled(not result.has_errors and bool(result.to_store))
        self.read_finished.emit()

    def _fill_rows(self, result: ImportResult) -> None:
        lang = self.lang
        shown = result.rows[:5000]
        self.rows.setRowCount(len(shown))
        self.rows.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for r, row in enumerate(shown):
            metric = result.metrics.get(row.metric) or self.ds.metrics.get(row.metric)
            label = metric.label.get(lang) if metric else row.metric
            old = "" if row.old_value is None else (
                ("ca. " if row.old_approximate else "") + format_number(row.old_value, lang))
            cells = [row.where, label, format_period(row.period, lang),
                     ("ca. " if row.approximate else "") + format_number(row.value, lang),
                     STATUS_LABELS[row.status].get(lang), old]
            for c, text in enumerate(cells):
                self.rows.setItem(r, c, QTableWidgetItem(text))

    def _fill_problems(self, result: ImportResult) -> None:
        lang = self.lang
        self.problems.setRowCount(len(result.problems))
        for r, p in enumerate(result.problems):
            cells = [p.where, p.column, SEVERITY_LABELS[p.severity].get(lang), p.message.get(lang)]
            for c, text in enumerate(cells):
                self.problems.setItem(r, c, QTableWidgetItem(text))

    def reject(self) -> None:
        self._stop()
        super().reject()


class ImportHistoryDialog(QDialog):
    """Data > Import history: every import with its counts; undo removes exactly its rows."""

    changed = Signal()

    def __init__(self, store, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.lang = store, lang
        self.setWindowTitle(self.tr("Import history"))
        self.resize(720, 360)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("File"), self.tr("Time"),
                                              self.tr("Added"), self.tr("Changed")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Imports"))
        self.undo_button = QPushButton(self.tr("&Undo selected import"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.fill()

    def fill(self) -> None:
        records = self.store.imports()
        self.table.setRowCount(len(records))
        for r, rec in enumerate(records):
            for c, text in enumerate([str(rec.id), rec.file_name, rec.time, str(rec.added),
                                      str(rec.changed)]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rec.id)
                self.table.setItem(r, c, item)
        self.undo_button.setEnabled(bool(records))
        if records:
            self.table.selectRow(len(records) - 1)

    def undo_selected(self, confirm: bool = True) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        import_id = item.data(Qt.ItemDataRole.UserRole)
        if confirm and QMessageBox.question(
                self, self.tr("Undo import"),
                self.tr("Remove every value of import %1?").replace("%1", str(import_id))
        ) != QMessageBox.StandardButton.Yes:
            return
        self.store.undo(import_id)
        self.fill()
        self.changed.emit()
