"""The message bar above the chart: what the data folder's files lost while the window started.

Not a dialog: the window has finished starting and works; the bar says which lines of events.csv,
which stories and what of the store or settings were left out, and why, and the user closes it
when read. Every text comes from a file, so it is shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.data.file_problems import Note, Reportable

MAX_LINES = 8  # the rest is counted, not listed; `meldpunt list-stories` and stderr list them all


class NoticeBar(QFrame):
    """A closable bar with a few sentences and a list of left-out lines."""

    def __init__(self, items: Sequence[Reportable], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.restyle()
        self.items = list(items)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_language(lang)
        self.setVisible(bool(self.items))

    def lines(self, lang: str) -> list[str]:
        """The bar's text, line by line: the notes first, then what was left out."""
        notes = [i.format(lang) for i in self.items if isinstance(i, Note)]
        left_out = [i.format(lang) for i in self.items if not isinstance(i, Note)]
        out = list(notes)
        if left_out:
            out.append(self.tr("Left out of your data folder (%n):", "", len(left_out)))
            out += [f"• {line}" for line in left_out[:MAX_LINES]]
            rest = len(left_out) - MAX_LINES
            if rest > 0:
                out.append(self.tr("… and %n more", "", rest))
        return out

    def set_language(self, lang: str) -> None:
        self.text.setText("\n".join(self.lines(lang)))
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.setAccessibleName(self.tr("Messages about your data folder"))

    def restyle(self) -> None:
        """Polish again with the application's current palette (after a theme switch)."""
        self.setStyleSheet("")
        self.setStyleSheet("#notice-bar { border-left: 4px solid #E69F00; }")

    def dismiss(self) -> None:
        self.hide()


def install_notice_bar(window: QMainWindow, items: Sequence[Reportable], lang: str) -> NoticeBar:
    """Put a bar above the window's central widget (kept as it is) and return it."""
    central = window.takeCentralWidget()
    holder = QWidget(window)
    lay = QVBoxLayout(holder)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    bar = NoticeBar(items, lang, holder)
    lay.addWidget(bar)
    if central is not None:
        lay.addWidget(central, 1)
    window.setCentralWidget(holder)
    return bar
