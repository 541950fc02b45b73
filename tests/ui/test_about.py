"""The About box says when data and settings are kept beside the program."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def _about_text(window, monkeypatch) -> str:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: seen.append(text))
    window.act_about.trigger()
    assert len(seen) == 1
    return seen[0]


def test_about_names_the_portable_folder(make_window, monkeypatch, tmp_path, dutch):
    w = make_window()
    w.data_dir = tmp_path / "meldpunt-data"
    assert "Draagbare modus" not in _about_text(w, monkeypatch)
    w.portable = True
    text = _about_text(w, monkeypatch)
    assert f"Draagbare modus: gegevens en instellingen staan in {tmp_path / 'meldpunt-data'}." in text
