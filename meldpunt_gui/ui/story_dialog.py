""""Bewaar als verhaal": a title and a text of the user's own for the view on screen.

The view itself (series, years, periods, mode, highlight) is taken as it is; the dialog asks only
for the words, and which periods to shade (prefilled from the story being shown, if any).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.data.stories import Story
from meldpunt_gui.data.story_file import MAX_TITLE, StorySaveError, parse_highlight, save_story
from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.files.safewrite import SaveError
from meldpunt_gui.model.domain import Dataset, Period
from meldpunt_gui.model.view import ViewState


class StoryDialog(QDialog):
    """Asks for a title, a text and highlighted periods; saves on OK and keeps the story."""

    def __init__(self, data_dir: Path, ds: Dataset, state: ViewState, highlight: tuple[Period, ...],
                 taken: set[str], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.ds, self.state, self.taken, self.lang = data_dir, ds, state, taken, lang
        self.story: Story | None = None
        self.setWindowTitle(self.tr("Save as story"))
        self.title = QLineEdit(self)
        self.title.setMaxLength(MAX_TITLE)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.highlight = QLineEdit(", ".join(str(p) for p in highlight), self)
        self.highlight.setPlaceholderText(self.tr("e.g. 2022, 2023-H1"))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        where = QLabel(self.tr("Saved in %1; it appears in the Stories menu and travels in data packs.")
                       .replace("%1", str(Path(data_dir) / "stories")), self)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Te&xt"), self.text)
        form.addRow(self.tr("&Highlight periods"), self.highlight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        try:
            periods = parse_highlight(self.highlight.text())
            self.story = save_story(self.data_dir, self.ds, self.state, self.title.text(),
                                    self.text.toPlainText(), periods, self.taken)
        except StorySaveError as exc:
            self._show(exc.message.get(self.lang))
            return
        except SaveError as exc:
            self._show(exc.text.get(self.lang))
            return
        except OSError as exc:
            self._show(self.tr("The story could not be saved: %1").replace("%1", os_reason(exc).get(self.lang)))
            return
        super().accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
