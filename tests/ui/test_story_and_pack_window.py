"""In the window: Bewaar als verhaal, and a colleague's pack imported, listed and undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from meldpunt_gui.app import build_window
from meldpunt_gui.exports import pack as packing
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui import pack_actions
from meldpunt_gui.ui.story_dialog import StoryDialog

FIGURES = ("metric;label;unit;period;value;approximate;source;url;published;note\n"
           "reports_total;Meldingen totaal;reports;2025;120000;yes;Offlimits jaarverslag 2025;"
           "https://offlimits.nl/;2026-06-01;\n")
STORY = b'''id = "van-anna"
metrics = ["reports_total"]
years = [2015, 2025]

[title]
nl = "Verhaal van <b>Anna</b>"
en = "Anna's story"

[text]
nl = "Tekst."
en = "Text."
'''


@pytest.fixture
def window(qapp, qtbot, tmp_path):
    _app, w, translators = build_window(tmp_path / "data", "nl",
                                        state=ViewState(metrics=("reports_total",), first_year=2015,
                                                        last_year=2024, mode="index", base_year=2016))
    w.persist = False
    w.show()
    qtbot.waitExposed(w)
    yield w
    translators.switch("en")
    w.close()


def story_titles(w) -> list[str]:
    return [a.text() for a in w.story_menu.actions() if a.text() and not a.isSeparator()]


def test_save_as_story_from_the_menu(window, qtbot, monkeypatch):
    def fill_in(dialog: StoryDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.title, "Na <i>2021</i>")
        qtbot.keyClicks(dialog.text, "Eigen uitleg.")
        dialog.highlight.clear()
        qtbot.keyClicks(dialog.highlight, "2022")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(StoryDialog, "exec", fill_in)
    assert window.act_save_story in window.story_menu.actions()
    window.act_save_story.trigger()
    saved = window.data_dir / "stories" / "na-i-2021-i.toml"
    assert saved.is_file()
    assert "Na <i>2021</i>" in story_titles(window)  # in the menu at once, as plain text
    story = window.story_by_id("na-i-2021-i")
    assert (story.mode, story.base_year, story.first_year, story.last_year) == ("index", 2016, 2015, 2024)
    assert [str(p) for p in story.highlight] == ["2022"]
    assert window.state.story == "na-i-2021-i" and window.story_text.textFormat() == Qt.TextFormat.PlainText


def test_a_bad_highlight_keeps_the_dialog_open_with_the_reason(window, qtbot):
    dialog = StoryDialog(window.data_dir, window.ds, window.state, (), set(), "nl", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Titel")
    qtbot.keyClicks(dialog.text, "Tekst")
    qtbot.keyClicks(dialog.highlight, "twintig")
    qtbot.keyClick(dialog.highlight, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.story is None
    assert "'twintig' is geen jaar of halfjaar" in dialog.error.text()
    assert not (window.data_dir / "stories").exists()


def test_import_a_pack_in_the_window_then_undo(window, tmp_path, monkeypatch):
    path = tmp_path / "anna.meldpunt"
    path.write_bytes(packing.build_pack({"observations.csv": FIGURES.encode(), "stories/van-anna.toml": STORY},
                                        "Anna", "2026-11-30T10:00:00+01:00"))
    shown: list[str] = []

    def confirm(box: QMessageBox) -> int:
        shown.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", confirm)
    assert pack_actions.import_pack(window, str(path))
    assert "Pakket van Anna, 2026-11-30." in shown[0] and "Nieuw verhaal: van-anna.toml" in shown[0]
    from meldpunt_gui.model.domain import Period

    obs = window.ds.shown("reports_total", Period(2025))
    assert obs.user and obs.value == 120000 and obs.note.nl == "via pakket van Anna, 2026-11-30"
    assert "Verhaal van <b>Anna</b>" in story_titles(window)
    records = window.store.imports()
    assert [r.file_name for r in records] == ["anna.meldpunt"]
    window.store.undo(records[0].id)
    window.reload_user_data()
    assert not window.ds.shown("reports_total", Period(2025))


def test_a_damaged_pack_in_the_window_says_why(window, tmp_path, monkeypatch):
    path = tmp_path / "kapot.meldpunt"
    path.write_bytes(b"PK\x03\x04 not really")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    assert not pack_actions.import_pack(window, str(path))
    assert said == ["kapot.meldpunt is beschadigd of geen pakket van deze viewer."]
    assert window.store.imports() == []
