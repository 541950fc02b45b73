"""Text from files is data, never markup (DESIGN §5), in every widget of the window and its dialogs.

Hypothesis writes markup (`<img src=...>`, `<b>`, entities, `<qt>`, links, scripts) into every
field a user can supply: an imported metric name, source and note (through a real import into a
user store), `events.csv` titles and notes, a story's title and text, and the name of the imported
file. The window is built on that data and every surface is read back: labels, tooltips (widgets,
items, graphics items, actions, the chart's hover and keyboard readout), every DisplayRole and
ToolTipRole of every view, the explanation, the import preview and history, and message boxes.
Each text is interpreted the way Qt would draw it (plain where the widget is told so, else as
Qt's rich-text guess decides) and must show the user's characters literally and load no image.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QMouseEvent, QTextDocument, QTextImageFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.data.user_events import with_user_events
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.plain import shorten, tooltip_html

IMG = "/nonexistent-meldpunt/secret.png"
MARKUP = [f'<img src="{IMG}">', "<img src=//server/share/x.png>", "<b>", "</b>", "<i>x</i>",
          "<qt>", "<html>", '<a href="http://192.0.2.1/">', "</a>", "<script>x()</script>",
          "&amp;", "&lt;", "&#60;", "<br>", "<table><tr><td>", "<!--", "-->", "<p style='color:red'>",
          "'", '"', "&", "<", ">", "é", "€"]
WORDS = ["Meldingen", "bron", "x", "2023"]


@st.composite
def payloads(draw, field: str) -> str:
    """`Zq<field>` then a run of markup and words: the token finds the text on any surface."""
    parts = draw(st.lists(st.sampled_from(MARKUP + WORDS), min_size=1, max_size=6))
    if not any(p.startswith("<img") for p in parts):
        parts.insert(draw(st.integers(0, len(parts))), f'<img src="{IMG}">')
    return f"Zq{field}" + "".join(parts)


@dataclass
class Fields:
    label: str
    source: str
    note: str
    event_title: str
    event_note: str
    story_title: str
    story_text: str
    file_name: str

    def items(self) -> dict[str, str]:
        return dict(vars(self))


def fields() -> st.SearchStrategy[Fields]:
    names = ("label", "source", "note", "event_title", "event_note", "story_title", "story_text")
    file_names = st.sampled_from(["Zqfile<b>cijfers<b>.csv", "Zqfile<img src=x>.csv",
                                  "Zqfile&amp;.csv", "Zqfile<i>b.csv"])  # no "/": that would be a folder
    return st.builds(Fields, *(payloads(n) for n in names), file_name=file_names)


# ----- how Qt would draw a text

class _Document(QTextDocument):
    """A QTextDocument that notes every resource (image) it is asked for and loads none."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, url) -> object:
        self.asked.append(url.toString())
        return None


def drawn(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> tuple[str, list[str]]:
    """(the characters the reader sees, the images the text would load) for a text given to
    a widget with format `fmt` (AutoText: Qt decides with mightBeRichText, as tooltips do)."""
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)):
        return text, []
    doc = _Document()
    doc.setHtml(text)
    return doc.toPlainText(), _images(doc) + doc.asked


def _images(doc: QTextDocument) -> list[str]:
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return found


def _norm(text: str) -> str:
    """Line breaks and non-breaking spaces as a document gives them back, made plain."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\xa0", " ")


# ----- every surface of a window

def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str, Qt.TextFormat]]:
    model = view.model()
    if model is None:
        return
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        try:
            columns = max(model.columnCount(parent), 1)
        except TypeError:  # a list model: columnCount is private there, and one column
            columns = 1
        for r in range(model.rowCount(parent)):
            for c in range(columns):
                index = model.index(r, c, parent)
                if not index.isValid():
                    continue
                display = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(display, str):  # item delegates draw the display text as text
                    yield f"{type(view).__name__} display", display, Qt.TextFormat.PlainText
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield f"{type(view).__name__} tooltip", tip, Qt.TextFormat.AutoText
                if c == 0:
                    stack.append(index)


def _mnemonic(text: str) -> str:
    """A button or menu text as drawn: '&&' is one '&', a single '&' marks the shortcut key."""
    return re.sub(r"&(.)", r"\1", text)


def surfaces(root: QWidget) -> Iterator[tuple[str, str, Qt.TextFormat]]:
    """(where, text, how the widget takes it) for every text a widget under `root` shows."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip(), Qt.TextFormat.AutoText
        if w.windowTitle():
            yield f"{name} title", w.windowTitle(), Qt.TextFormat.PlainText
        if isinstance(w, QLabel):
            yield f"{name} text", w.text(), w.textFormat()
        if isinstance(w, QMessageBox):
            yield "QMessageBox text", w.text(), w.textFormat()
        if isinstance(w, QAbstractButton):
            yield f"{name} text", _mnemonic(w.text()), Qt.TextFormat.PlainText
        if isinstance(w, QTextEdit):
            yield f"{name} html", w.toHtml(), Qt.TextFormat.RichText
        if isinstance(w, QPlainTextEdit):
            yield f"{name} text", w.toPlainText(), Qt.TextFormat.PlainText
        if isinstance(w, QAbstractItemView):
            yield from _model_texts(w)
    for action in root.findChildren(QAction):
        yield "QAction text", _mnemonic(action.text()), Qt.TextFormat.PlainText
        if action.toolTip():
            yield "QAction tooltip", action.toolTip(), Qt.TextFormat.AutoText


def chart_surfaces(chart) -> Iterator[tuple[str, str, Qt.TextFormat]]:
    """Tooltips of the chart's graphics items (event badges), pyqtgraph text items, axis labels."""
    scene = chart._glw.scene()
    for item in scene.items():
        if item.toolTip():
            yield f"{type(item).__name__} tooltip", item.toolTip(), Qt.TextFormat.AutoText
        if hasattr(item, "toHtml") and hasattr(item, "document"):  # QGraphicsTextItem: HTML
            yield f"{type(item).__name__} html", item.toHtml(), Qt.TextFormat.RichText
    for legend in chart.legends:
        for label in legend.labels:  # painted with drawText
            yield "legend", label, Qt.TextFormat.PlainText


def check(found: list[tuple[str, str, Qt.TextFormat]], supplied: dict[str, str]) -> set[str]:
    """Assert every surface shows the user's text literally and loads nothing; returns the
    fields seen somewhere."""
    seen: set[str] = set()
    for where, text, fmt in found:
        shown, images = drawn(text, fmt)
        assert images == [], f"{where} would load {images}: {text[:300]!r}"
        shown = _norm(shown)
        for key, value in supplied.items():
            token = f"Zq{key}"
            if token not in shown and token not in text:
                continue
            seen.add(key)
            start = shown.find(token)
            assert start >= 0, f"{where}: {key} vanished when drawn: {text[:300]!r}"
            rest = shown[start:]
            cut = rest.find("…")
            # shown literally, or literally up to where a narrow place shortened it
            assert rest.startswith(value) or (cut > len(token) and value.startswith(rest[:cut])), \
                f"{where}: {key} drawn as markup: {text[:300]!r} -> {rest[:200]!r}"
    return seen


# ----- building hostile data the way a user would

def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _hostile_data(folder: Path, f: Fields):
    """A data folder with an import of `f` in its store, events.csv and a story; returns
    (dataset, bundled, store, own metric id, import file)."""
    folder.mkdir(parents=True, exist_ok=True)
    bundled = _bundled()
    data = _csv([["metriek", "periode", "waarde", "eenheid", "bron", "url", "opmerking"],
                 [f.label, "2023", "1.500", "meldingen", f.source, "https://example.org/", f.note],
                 [f.label, "2024", "1.800", "meldingen", f.source, "https://example.org/", f.note]])
    path = folder / f.file_name
    path.write_bytes(data)
    result = read_import_data(data, path.name, bundled)
    assert not result.has_errors, [p.message.en for p in result.problems]
    store = UserStore.open(folder)
    store.apply(result, path)
    (folder / "events.csv").write_bytes(_csv([["date", "title_nl", "title_en", "url", "note"],
                                              ["2023-05", f.event_title, f.event_title,
                                               "https://example.org/e", f.event_note]]))
    ds, problems = with_user_events(store.overlay(bundled), folder)
    assert problems == []
    metric = next(m.id for m in ds.metrics.values() if m.label.nl == f.label)
    (folder / "stories").mkdir(exist_ok=True)
    (folder / "stories" / "eigen.toml").write_text(
        f'id = "eigen"\nmetrics = ["{metric}", "reports_total"]\nyears = [2019, 2024]\n'
        f"[title]\nnl = {json.dumps(f.story_title)}\nen = {json.dumps(f.story_title)}\n"
        f"[text]\nnl = {json.dumps(f.story_text)}\nen = {json.dumps(f.story_text)}\n", "utf-8")
    return ds, bundled, store, metric, path


_BUNDLED: list = []


def _bundled():
    if not _BUNDLED:
        _BUNDLED.append(load_bundled())
    return _BUNDLED[0]


def _window(qtbot, folder: Path, ds, bundled, store, metric: str):
    from meldpunt_gui.ui.main_window import MainWindow

    settings_file = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ds, settings_file, "nl", state=ViewState(metrics=(metric, "reports_total"),
                                                            first_year=2019, story="eigen"),
                   data_dir=folder, store=store, bundled=bundled)
    w.persist = False
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    w.chart.ensure_loaded()
    qtbot.waitExposed(w)
    return w


def _move_mouse(widget: QWidget, pos: QPoint) -> None:
    """A real mouse-move event (QTest.mouseMove sends none without a pressed button)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


class _Tips:
    """Every text handed to QToolTip.showText (the chart's hover and keyboard readout)."""

    def __init__(self, monkeypatch) -> None:
        self.shown: list[str] = []
        real = QToolTip.showText

        def capture(pos, text, *args, **kwargs):
            self.shown.append(text)
            return real(pos, text, *args, **kwargs)

        monkeypatch.setattr(QToolTip, "showText", capture)


# a window per example: few examples, and no shrinking (each step would build a window again)
HOSTILE = settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@HOSTILE
@given(f=fields())
def test_no_file_text_is_drawn_as_markup_anywhere_in_the_window(qtbot, tmp_path_factory, monkeypatch,
                                                               f: Fields) -> None:
    folder = tmp_path_factory.mktemp("data")
    ds, bundled, store, metric, _ = _hostile_data(folder, f)
    tips = _Tips(monkeypatch)
    try:
        w = _window(qtbot, folder, ds, bundled, store, metric)
        assert w.story_by_id("eigen") is not None
        # the chart: the keyboard walks every point (real key events), the mouse hovers one
        for _ in range(12):
            QTest.keyClick(w.chart._glw, Qt.Key.Key_Right)
        QTest.keyClick(w.chart._glw, Qt.Key.Key_Down)
        for _ in range(3):
            QTest.keyClick(w.chart._glw, Qt.Key.Key_Left)
        pos = w.chart.point_scene_pos(metric, next(s.periods[-1] for s in w.chart.series if s.metric == metric))
        assert pos is not None
        qtbot.waitUntil(lambda: w.chart.plots[0].getViewBox().width() > 100)
        pos = w.chart.point_scene_pos(metric, next(s.periods[-1] for s in w.chart.series if s.metric == metric))
        _move_mouse(w.chart._glw.viewport(), w.chart._glw.mapFromScene(pos))
        qtbot.waitUntil(lambda: "Zqlabel" in w.chart.hover_text)
        readout = w.chart.readout.label  # the crosshair's readout, drawn in the chart
        assert readout.textFormat() == Qt.TextFormat.PlainText and "Zqlabel" in readout.text()
        # a clicked event puts its text on top of the explanation
        badge = next(ids for ids, _ in w.chart._badges if any("user-" in i for i in ids))
        w.show_event(badge)
        found = [*surfaces(w), *chart_surfaces(w.chart),
                 ("readout", readout.text(), readout.textFormat()),
                 *(("QToolTip.showText", t, Qt.TextFormat.AutoText) for t in tips.shown)]
        seen = check(found, f.items())
        # every field reached the window somewhere (else the test would prove nothing)
        assert {"label", "source", "event_title", "event_note", "story_title", "story_text"} <= seen
        w.tabs.setCurrentIndex(1)
        assert check([*surfaces(w.table)], f.items()) >= {"label", "source"}
        w.close()
    finally:
        store.close()


@HOSTILE
@given(f=fields())
def test_the_import_preview_and_history_show_file_text_as_text(qtbot, tmp_path_factory, f: Fields) -> None:
    from meldpunt_gui.ui.import_dialog import ImportDialog, ImportHistoryDialog

    folder = tmp_path_factory.mktemp("data")
    ds, bundled, store, metric, path = _hostile_data(folder, f)
    try:
        # a file with a problem in it too: the message quotes the hostile text
        (folder / "second").mkdir()
        bad = folder / "second" / f.file_name
        bad.write_bytes(_csv([["metriek", "periode", "waarde", "bron"],
                              [f.label, "2025", "ca. 2.000", f.source],
                              [f.note, "2025", "veel", f.source]]))
        preview = ImportDialog(bad, ds, "nl")
        qtbot.addWidget(preview)
        assert preview.wait_until_read(), (preview.summary.text(), bad.read_bytes()[:300])
        history = ImportHistoryDialog(store, "nl")
        qtbot.addWidget(history)
        seen = check([*surfaces(preview), *surfaces(history)], {**f.items(), "file": f.file_name})
        assert {"label", "note", "file"} <= seen  # a row, a problem that quotes a cell, file names
        assert history.table.item(0, 1).text() == shorten(f.file_name)
        preview.close()
        history.close()
    finally:
        store.close()


@pytest.mark.parametrize("text", ["<b>x</b>", f'<img src="{IMG}">', "a\n<i>b</i>", "&amp;", "<qt>x"])
def test_a_message_box_shows_its_text_as_text(qtbot, monkeypatch, text: str) -> None:
    from meldpunt_gui.ui.messages import ask, warn

    boxes: list[QMessageBox] = []

    def capture(box: QMessageBox) -> int:
        boxes.append(box)
        return int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    warn(None, "t", f"Kan {text}.csv niet opslaan.")
    assert ask(None, "t", text)
    for box in boxes:
        shown, images = drawn(box.text(), box.textFormat())
        assert shown in (f"Kan {text}.csv niet opslaan.", text) and images == []


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.just("\n"),
               max_size=300)


@given(TEXT)
def test_tooltip_html_always_gives_back_the_text_and_never_an_image(text: str) -> None:
    html = tooltip_html(text)
    assert QtGui.Qt.mightBeRichText(html)  # so Qt never guesses about the user's part
    shown, images = drawn(html)
    assert images == []
    assert _norm(shown) == "\n".join(shorten(line, 1000) for line in text.split("\n")).replace("\xa0", " ")


STRACE_SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QToolTip
from meldpunt_gui.app import build_window
from meldpunt_gui.model.view import ViewState

data_dir, metric = Path(sys.argv[1]), sys.argv[2]
app, window, _ = build_window(data_dir, "nl", state=ViewState(metrics=(metric, "reports_total"),
                                                              first_year=2019))
window.show()
window.chart.ensure_loaded()
for _ in range(5):
    app.processEvents()
tips = []
for _ in window.chart.series[0].periods:  # the chart's readout, every period (all series)
    window.chart.readout.step(1)
    app.processEvents()
for _, badge in window.chart._badges:
    tips.append(badge.toolTip())
model = window.table.model()
for r in range(model.rowCount()):
    for c in range(model.columnCount()):
        tip = model.data(model.index(r, c), 3)
        if tip:
            tips.append(tip)
item = window.metric_picker.item_for(metric)
tips.append(item.toolTip())
for tip in tips:  # shown as Qt shows a tooltip: laid out and painted
    QToolTip.showText(window.mapToGlobal(QPoint(50, 50)), tip, window)
    for _ in range(3):
        app.processEvents()
window.show_event(next(ids for ids, _ in window.chart._badges if any("user-" in i for i in ids)))
window.tabs.setCurrentIndex(1)
for _ in range(5):
    app.processEvents()
window.explanation.viewport().repaint()
print("shown", len(tips))
window.close()
window.store.close()
"""


def test_no_file_named_by_an_img_and_no_socket_is_opened_while_tooltips_show(tmp_path) -> None:
    import shutil
    import subprocess
    import sys

    from reliability_support import subprocess_env

    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (apt-get install strace); .ci/run installs it for CI")
    img = tmp_path / "secret.png"  # exists, so a load would succeed and show in the trace
    img.write_bytes(b"\x89PNG\r\n\x1a\n")
    share = "//192.0.2.1/share/x.png"
    evil = f'Zq<img src="{img}"><img src="{share}"><img src="http://192.0.2.1/x.png">'
    f = Fields(evil + "label", evil + "src", evil, evil + "ev", evil, evil, evil, "Zqfile<b>x.csv")
    folder = tmp_path / "data"
    ds, bundled, store, metric, _ = _hostile_data(folder, f)
    store.close()
    (folder / "stories" / "eigen.toml").unlink()
    log = tmp_path / "strace.log"
    proc = subprocess.run([strace, "-f", "-qq", "-e", "trace=%file,%network", "-o", str(log),
                           sys.executable, "-c", STRACE_SCRIPT, str(folder), metric],
                          capture_output=True, text=True, timeout=240, env=subprocess_env(tmp_path / "home"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "shown" in proc.stdout and int(proc.stdout.split()[-1]) > 5
    trace = log.read_text(errors="replace")
    assert "events.csv" in trace, "the trace recorded no file access: it would prove nothing"
    assert str(img) not in trace and "secret.png" not in trace
    assert "192.0.2.1" not in trace
    inet = [line for line in trace.splitlines() if "AF_INET" in line]
    assert inet == [], "\n".join(inet[:10])
