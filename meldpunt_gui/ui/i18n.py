"""Qt translators: our own catalogue plus Qt's own (qtbase) so standard dialogs follow suit.

English is the source language; Dutch comes from resources/translations/meldpunt_nl.qm.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from meldpunt_gui.files.resources import resource_root


class QtGaps(QTranslator):
    """The few strings of Qt's own dialogs that its Dutch catalogue (qtbase_nl, as shipped with
    PySide6) lacks: Qt 6 gave them a mnemonic, the catalogue still has the old text, so the
    file dialog said "Look in:" and "Files of type:" in a Dutch window."""

    GAPS = {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestanden van &type:",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None reaches Qt as a null string: not ours, the next catalogue answers (an empty
        # string would be taken as the translation of everything)
        return self.GAPS.get((context, source))

    def isEmpty(self) -> bool:
        return False


class Translators:
    def __init__(self, app: QCoreApplication):
        self.app = app
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def switch(self, lang: str) -> bool:
        """Install the catalogues for lang; returns False when ours was not found."""
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang
        QLocale.setDefault(QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
                                   QLocale.Country.Netherlands if lang == "nl" else QLocale.Country.UnitedKingdom))
        if lang == "en":
            return True
        ok = True
        ours = QTranslator(self.app)
        if ours.load(str(resource_root() / "translations" / f"meldpunt_{lang}.qm")):
            self.app.installTranslator(ours)
            self._installed.append(ours)
        else:
            ok = False
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt)
            self._installed.append(qt)
        if lang == "nl":
            gaps = QtGaps(self.app)
            self.app.installTranslator(gaps)  # asked first: installed last
            self._installed.append(gaps)
        return ok
