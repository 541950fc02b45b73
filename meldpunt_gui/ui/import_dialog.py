"""File > Import: a preview of what a file would change, and the import history with undo.

The file is read in a worker thread (a busy bar and Cancel keep the window responsive); nothing is
written until the user confirms, and not at all while an error stands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.imports.encoding import encoding_label
from meldpunt_gui.imports.model import LAYOUT_LABELS, SEVERITY_LABELS, STATUS_LABELS, ImportResult
from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.text.formatting import format_moment, format_number, format_period
from meldpunt_gui.text.plain import shorten, shown_name, tooltip_html
from meldpunt_gui.ui.messages import ask, warn
from meldpunt_gui.ui.preview_table import PreviewTable
from meldpunt_gui.ui.workers import Job, workers

if TYPE_CHECKING:
    from meldpunt_gui.data.store import UserStore

PREVIEW_ROWS = 5000  # rows the preview lists; the summary counts all of them
PROBLEM_CHARS = 400  # a problem's message in its cell; a long name from the file in it is cut here
ENCODINGS = ("", "utf-8", "utf-16", "cp1252")
DELIMITERS = ("", ";", ",", "\t")
STYLES = ("", "nl", "en")


class ImportDialog(QDialog):
    """Preview: detected encoding, separator and number style (changeable), rows, problems."""

    read_finished = Signal()  # the file has been read and the preview shows the result

    def __init__(self, path: Path, ds: Dataset, lang: str, parent: QWidget | None = None,
                 store: Callable[[ImportResult], bool] | None = None):
        super().__init__(parent)
        self.path, self.ds, self.lang = Path(path), ds, lang
        self.import_result: ImportResult | None = None
        self._store = store  # stores an accepted result; True once it is stored
        self.stored = False
        self._job: Job | None = None  # the read in progress; its thread belongs to workers()
        self._dropped: list[Job] = []  # reads stopped or replaced, still ending in their threads
        self.setWindowTitle(self.tr("Import %1").replace("%1", shown_name(self.path.name)))
        self.resize(900, 600)

        self.encoding = QComboBox(self)
        self.delimiter = QComboBox(self)
        self.number_style = QComboBox(self)
        self.sheet = QComboBox(self)
        auto = self.tr("detect")
        self.encoding.addItems([auto, "UTF-8", "UTF-16", "Windows-1252"])
        self.delimiter.addItems([auto, self.tr("semicolon ;"), self.tr("comma ,"), self.tr("tab")])
        self.number_style.addItems([auto, self.tr("Dutch (1.234,5)"), self.tr("English (1,234.5)")])
        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow(self.tr("&Separator:"), self.delimiter)
        form.addRow(self.tr("&Numbers:"), self.number_style)
        form.addRow(self.tr("S&heet:"), self.sheet)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.detected.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 100)
        self.cancel_read = QPushButton(self.tr("Stop reading"), self)
        self.cancel_read.clicked.connect(self._stop)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.cancel_read)

        # the first PREVIEW_ROWS rows, their cells made as they are shown (a million rows read)
        self.rows = PreviewTable([self.tr("Line"), self.tr("Series"), self.tr("Period"),
                                  self.tr("Value"), self.tr("What happens"), self.tr("Value now")], self)
        # a problem is read whole where the dialog is wide enough (and always in its tooltip)
        self.problems = PreviewTable([self.tr("Line"), self.tr("Column"), self.tr("Kind"),
                                      self.tr("Problem")], self, limit=PROBLEM_CHARS)
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
        for combo in (self.encoding, self.delimiter, self.number_style):
            combo.currentIndexChanged.connect(self.reload)
        self.sheet.currentIndexChanged.connect(self.reload)
        self.sheet.setEnabled(False)
        self.reload()

    # ----- reading
    def options(self) -> dict:
        opts = {"encoding": ENCODINGS[self.encoding.currentIndex()] or None,
                "delimiter": DELIMITERS[self.delimiter.currentIndex()] or None,
                "number_style": STYLES[self.number_style.currentIndex()] or None}
        if self.sheet.isEnabled() and self.sheet.currentText():
            opts["sheet"] = self.sheet.currentText()
        return opts

    def reload(self, *_args: object) -> None:
        self._stop()
        self.import_result = None  # a result of other options must not pass for this read
        self.import_button.setEnabled(False)
        self.busy.setVisible(True)
        self.cancel_read.setVisible(True)
        self.summary.setText(self.tr("Reading…"))
        path, ds, options = self.path, self.ds, self.options()

        def read(progress: Callable[[float], bool]) -> ImportResult:
            from meldpunt_gui.imports.reader import read_import

            return read_import(path, ds, progress=progress, **options)

        self.busy.setValue(0)
        self._job = workers().start(read, on_done=self._show, on_progress=self.busy.setValue)

    def _stop(self) -> None:
        """Drop a read in progress: it stops at its next progress call and its result is ignored."""
        if self._job is not None:
            self._job.done.disconnect(self._show)
            workers().cancel(self._job)
            self._dropped.append(self._job)
            self._job = None
        self.busy.setVisible(False)
        self.cancel_read.setVisible(False)
        self.summary.setText(self.tr("Reading stopped."))

    def _drop_read(self) -> None:
        """The dialog goes: stop its reads and wait for their threads, so none outlives it."""
        if self._job is not None:
            self._job.done.disconnect(self._show)
            self._dropped.append(self._job)
            self._job = None
        for job in self._dropped:
            workers().cancel(job)
            workers().wait(job)
        self._dropped.clear()

    def accept(self) -> None:
        """Store the figures while the dialog is still on screen, then close: a million rows
        take seconds on the window's thread, and a dialog closed first left its picture on
        screen for that long (the window below could not repaint where it had been)."""
        if self._store is None or self.import_result is None:
            super().accept()
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Storing…"))
        self.repaint()  # now: the event loop does not run until the figures are stored
        self.stored = self._store(self.import_result)
        if self.stored:
            super().accept()
        else:  # the window has said why; nothing was stored
            self.reject()

    def done(self, code: int) -> None:
        self._drop_read()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._drop_read()  # close() of a dialog never shown does not pass through done()
        super().closeEvent(event)

    def wait_until_read(self, timeout_ms: int = 30000) -> bool:
        """Wait for the read in progress and its preview; True once the result is shown.

        The reader hands its result over through this thread's event loop, so the wait runs
        that loop (blocking on the worker thread would hold back the very result it waits for).
        """
        if self._job is not None:
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
        return self._job is None and self.import_result is not None

    # ----- showing
    def _show(self, result: ImportResult) -> None:
        self.import_result = result
        self._job = None
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
            parts.append(self.tr("encoding %1").replace("%1", encoding_label(result.encoding, self.lang)))
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
            text = text.replace(f"%{i}", format_number(n, lang, 0))  # "1.000.000 nieuw"
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
        lang, rows, ds = self.lang, result.rows, self.ds

        def texts(r: int) -> list[str]:
            row = rows[r]
            metric = result.metrics.get(row.metric) or ds.metrics.get(row.metric)
            label = metric.label.get(lang) if metric else row.metric
            old = "" if row.old_value is None else (
                ("ca. " if row.old_approximate else "") + format_number(row.old_value, lang))
            return [row.where, label, format_period(row.period, lang),
                    ("ca. " if row.approximate else "") + format_number(row.value, lang),
                    STATUS_LABELS[row.status].get(lang), old]

        self.rows.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.rows.show_rows(min(len(rows), PREVIEW_ROWS), texts)

    def _fill_problems(self, result: ImportResult) -> None:
        lang, problems = self.lang, result.problems

        def texts(r: int) -> list[str]:
            p = problems[r]
            return [p.where, p.column, SEVERITY_LABELS[p.severity].get(lang), p.message.get(lang)]

        self.problems.show_rows(len(problems), texts)


def text_item(text: str, limit: int | None = None) -> QTableWidgetItem:
    """A table cell for text from a file: shortened on screen, whole in an escaped tooltip."""
    short = shorten(text, limit) if limit else shorten(text)
    item = QTableWidgetItem(short)
    if short != text:
        item.setToolTip(tooltip_html(text))
    return item

class ImportHistoryDialog(QDialog):
    """Data > Import history: every import with its counts; undo removes exactly its rows."""

    changed = Signal()

    def __init__(self, store: UserStore, lang: str, parent: QWidget | None = None) -> None:
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
        # not connected directly: `clicked` passes checked=False, which skipped the question
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.problem)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.fill()

    def fill(self) -> None:
        """The store's imports as they are now; where the store cannot be read, why, instead."""
        try:
            records = self.store.imports()
            problem = ""
        except StoreError as exc:
            records, problem = [], exc.message.get(self.lang)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.table.setRowCount(len(records))
        for r, rec in enumerate(records):
            for c, text in enumerate([str(rec.id), rec.file_name, format_moment(rec.time, self.lang),
                                      format_number(rec.added, self.lang, 0),
                                      format_number(rec.changed, self.lang, 0)]):
                item = text_item(text)
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
        if confirm and not ask(self, self.tr("Undo import"),
                               self.tr("Remove every value of import %1?").replace("%1", str(import_id))):
            return
        # removing a large import and reading the store back takes seconds on this thread
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        failure = ""
        try:
            try:
                self.store.undo(import_id)
            except StoreError as exc:  # undone elsewhere meanwhile, or the store busy or moved
                failure = exc.message.get(self.lang)
            else:
                self.changed.emit()
            self.fill()
        finally:
            QApplication.restoreOverrideCursor()
        if failure:
            warn(self, self.tr("Undo import"), failure)
