"""The window's side of data packs and own stories: Bestand > Pakket exporteren / importeren,
Verhalen > Bewaar als verhaal.

Functions on the main window rather than methods, so main_window.py only wires three actions.
A pack import shows what it would do (the import's own summary, problems with file, line and
column) and asks before anything is stored; it then is one entry in the import history, undone
there like a CSV import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


def save_as_story(window: Any) -> None:
    """Ask for a title and a text, save the current view as a story and show it at once."""
    from meldpunt_gui.ui.story_dialog import StoryDialog

    shown = window.story_by_id(window.state.story)
    dialog = StoryDialog(Path(window.data_dir), window.ds, window.state, shown.highlight if shown else (),
                         {s.id for s in window.stories}, window.lang, window)
    if dialog.exec() == StoryDialog.DialogCode.Accepted and dialog.story is not None:
        window.reload_stories()
        window.set_state(dialog.story.state())
        saved = QCoreApplication.translate("PackActions", "Story saved: %1")
        window.statusBar().showMessage(saved.replace("%1", dialog.story.title.get(window.lang)), 8000)
    dialog.deleteLater()


def export_pack(window: Any) -> None:
    from meldpunt_gui.exports.pack import SUFFIX, PackExportError
    from meldpunt_gui.exports.pack import export_pack as write_pack
    from meldpunt_gui.files.portable_names import portable_stem
    from meldpunt_gui.files.safewrite import SaveError
    from meldpunt_gui.imports.pack_commands import default_creator

    title = QCoreApplication.translate("PackActions", "Export pack")
    name, ok = QInputDialog.getText(window, title, QCoreApplication.translate(
                                        "PackActions", "Your name, shown to colleagues who import the pack:"),
                                    text=str(window.settings.value("pack/name", default_creator())))
    if not ok:
        return
    window.settings.setValue("pack/name", name)
    folder = str(window.settings.value("export/folder", str(Path.home())))
    kinds = QCoreApplication.translate("PackActions", "Data packs (*%1)").replace("%1", SUFFIX)
    stem = portable_stem(QCoreApplication.translate(  # in the window's language, as every export
        "PackActions", "figures", "a file name: letters, digits and - only"), "figures")
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path(folder) / f"{stem}{SUFFIX}"), kinds)
    if not path:
        return
    try:
        write_pack(path, window.data_dir, window.bundled, name)
    except (PackExportError, SaveError) as exc:
        QMessageBox.warning(window, title, exc.message.get(window.lang))
        return
    window.settings.setValue("export/folder", str(Path(path).parent))
    window.statusBar().showMessage(QCoreApplication.translate("PackActions", "Saved %1").replace("%1", path), 8000)


def import_pack(window: Any, path: str | None = None) -> bool:
    from meldpunt_gui.data.store import StoreError
    from meldpunt_gui.exports.pack import SUFFIX
    from meldpunt_gui.files.os_reason import os_reason
    from meldpunt_gui.files.safewrite import SaveError
    from meldpunt_gui.imports.pack import PackError, preview_pack, read_pack
    from meldpunt_gui.imports.pack_apply import apply_pack, plan_extras
    from meldpunt_gui.imports.pack_commands import pack_summary

    if window.store is None:
        return False
    title = QCoreApplication.translate("PackActions", "Import pack")
    if not path:
        folder = str(window.settings.value("import/folder", str(Path.home())))
        kinds = QCoreApplication.translate("PackActions", "Data packs (*%1);;All files (*)").replace("%1", SUFFIX)
        path, _ = QFileDialog.getOpenFileName(window, title, folder, kinds)
        if not path:
            return False
    window.settings.setValue("import/folder", str(Path(path).parent))
    try:
        pack = read_pack(path)
    except PackError as exc:
        QMessageBox.warning(window, title, exc.message.get(window.lang))
        return False
    res = preview_pack(pack, window.ds, window.lang)
    extras = plan_extras(pack, window.ds, res, Path(window.data_dir))
    box = QMessageBox(window)
    box.setWindowTitle(title)
    box.setTextFormat(_plain())  # every line quotes the pack: text, never markup
    box.setText("\n".join([pack.file, "", *pack_summary(pack, res, extras, window.lang)]))
    if res.has_errors or res.unusable:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    if not (res.to_store or extras.stories or extras.events):
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("PackActions", "&Import"))
    if box.exec() != QMessageBox.StandardButton.Ok:
        return False
    try:
        apply_pack(pack, res, extras, window.store, Path(window.data_dir))
    except (StoreError, SaveError) as exc:
        QMessageBox.warning(window, title, exc.message.get(window.lang))
        return False
    except OSError as exc:
        failed = QCoreApplication.translate("PackActions", "The pack could not be imported: %1")
        QMessageBox.warning(window, title, failed.replace("%1", os_reason(exc).get(window.lang)))
        return False
    window.reload_user_data()
    window.reload_stories()
    done = QCoreApplication.translate("PackActions", "Imported %1")
    window.statusBar().showMessage(done.replace("%1", pack.file), 10000)
    return True


def _plain() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText
