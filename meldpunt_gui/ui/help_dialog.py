"""F1: a short help page that works offline (what the marks mean, importing, the sources)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from meldpunt_gui.text.help_page import help_html, read_help


class HelpDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the page holds no links; nothing is ever loaded
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html(read_help(lang)))
        self.browser.setAccessibleName(self.tr("Help"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(640, 620)
