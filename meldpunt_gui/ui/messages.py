"""Message boxes that show their text as text.

QMessageBox.warning() guesses whether its text is rich text; a message that names a file or
quotes a cell (`Kan <b>x</b>.csv niet opslaan`) would then be drawn as markup. Every message
box of the window goes through here, with the format fixed to plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

MessageButton = QMessageBox.StandardButton


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
              buttons: MessageButton = MessageButton.Ok) -> QMessageBox:
    """A message box whose text is never taken for HTML."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning, shown as plain text."""
    box = plain_box(parent, QMessageBox.Icon.Warning, title, text)
    box.exec()
    box.deleteLater()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question, shown as plain text; True for Yes."""
    box = plain_box(parent, QMessageBox.Icon.Question, title, text,
                    MessageButton.Yes | MessageButton.No)
    answer = box.exec()
    box.deleteLater()
    return answer == MessageButton.Yes
