"""The stories menu, the offline help (F1) and the About box of the main window.

Strings keep the MainWindow translation context they had when they lived there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from meldpunt_gui.ui.main_window import MainWindow


def fill_story_menu(window: MainWindow) -> None:
    """'Save as story', then one entry per story, titled in the window's language."""
    from meldpunt_gui.text.plain import shorten, tooltip_html

    menu = window.menus["story"]
    menu.clear()
    menu.addAction(window.actions_by_id["save_story"])
    menu.addSeparator()
    for story in window.stories:
        # '&' in a title would otherwise become a keyboard shortcut
        act = menu.addAction(shorten(story.title.get(window.lang)).replace("&", "&&"))
        act.setToolTip(tooltip_html(story.text.get(window.lang)))
        act.triggered.connect(lambda _=False, sid=story.id: window.open_story(sid))


def reload_stories(window: MainWindow) -> None:
    """Read the stories again (one was saved or came in a pack) and list them."""
    from meldpunt_gui.data.stories import load_stories, story_folders

    model = window.model_or_fail()
    stories, window.story_problems = load_stories(model.ds, story_folders(window.data_dir))
    model.set_stories(stories)
    fill_story_menu(window)


def show_help(window: MainWindow) -> None:
    """F1: the offline help page in the window's language."""
    from meldpunt_gui.ui.help_dialog import HelpDialog

    window.help_dialog = HelpDialog(window.lang, window)
    window.help_dialog.show()


def show_about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from meldpunt_gui import __version__
    from meldpunt_gui.text.formatting import format_date

    ds = window.model_or_fail().ds
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About"), QCoreApplication.translate(
        "MainWindow",
        "Meldpunt viewer %1\n\nPublic year figures of the Dutch hotline Meldpunt Kinderporno "
        "(Offlimits) and related series, with their sources.\nData up to: %2")
        .replace("%1", __version__).replace("%2", format_date(ds.data_date, window.lang))
        + _portable_line(window))


def _portable_line(window: MainWindow) -> str:
    if not window.portable or window.data_dir is None:
        return ""
    return "\n\n" + QCoreApplication.translate(
        "MainWindow", "Portable mode: data and settings are kept in %1.").replace("%1", str(window.data_dir))
