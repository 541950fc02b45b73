"""Every chart export read back: PNG by size, SVG parsed, PDF and briefing by pages and text."""

import io
import re
import unicodedata
import xml.etree.ElementTree as ET

import pypdf
import pytest
from PySide6.QtGui import QImage

from meldpunt_gui.files.safewrite import SaveError
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.export.briefing import briefing_pdf
from meldpunt_gui.ui.export.chart_export import export_chart, render_pdf, render_svg

STATE = ViewState(metrics=("reports_total", "share_nl"))


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = unicodedata.normalize("NFKC", text)  # the PDF uses ligatures (ﬀ, ﬁ)
    return len(reader.pages), re.sub(r"[ \t]+", " ", text)


def test_png_at_chosen_size_and_hidpi(qtbot, tiny_ds, tmp_path):
    out = tmp_path / "chart.png"
    export_chart(out, "png", tiny_ds, STATE, "nl", 900, 500, scale=2.0)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1800, 1000)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # light, whatever the window theme


def test_svg_has_background_axes_series_and_text(qtbot, tiny_ds):
    svg = render_svg(tiny_ds, STATE, "nl", 900, 560).decode("utf-8")
    root = ET.fromstring(svg)
    assert root.get("width").startswith("900") or "900" in root.get("viewBox", "")
    texts = [t.text.strip() for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text]
    assert "Meldingen totaal, Aandeel NL, 2019 t/m 2024" in texts
    assert "400.000" in texts and "80%" in texts and "2021" in texts
    assert any(t.startswith("Bron:") for t in texts)
    assert "meldingen" in texts  # the unit as axis label
    paths = list(root.iter("{http://www.w3.org/2000/svg}path")) + \
        list(root.iter("{http://www.w3.org/2000/svg}polyline"))
    assert len(paths) >= 4  # axes and both series
    assert 'fill="#ffffff"' in svg


def test_vector_pdf_chart(qtbot, tiny_ds):
    pages, text = pdf_text(render_pdf(tiny_ds, STATE, "en", 900, 560))
    assert pages == 1
    assert "Total reports, Share NL, 2019-2024" in text
    assert "400,000" in text and "Source:" in text


def test_briefing_pdf(qtbot, tiny_ds):
    pages, text = pdf_text(briefing_pdf(tiny_ds, STATE, "nl", extended=True))
    assert pages >= 2
    assert "Meldingen totaal, Aandeel NL, 2019 t/m 2024" in text
    assert "ca. 127.000" in text and "413.262" in text
    assert "26 procentpunt lager dan in 2021" in text
    assert "Bronnen" in text and "https://example.org/off" in text
    assert "Wat telt mee" in text and "Druk op hosters" in text


def test_svg_and_pdf_markers_are_vectors(qtbot, tiny_ds):
    svg = render_svg(tiny_ds, STATE, "nl", 900, 560).decode("utf-8")
    assert "<image" not in svg
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(tiny_ds, STATE, "nl", 900, 560)))
    assert not reader.pages[0]["/Resources"].get("/XObject")


def test_chart_export_carries_the_view(qtbot, tiny_ds):
    from meldpunt_gui.data.stories import Story
    from meldpunt_gui.model.domain import Period, Text

    story = Story("fall", Text("De daling", "The fall"), Text("Tekst.", "Text."),
                  ("reports_total", "cloud_urls"), 2019, 2022, mode="index", base_year=2021,
                  highlight=(Period(2022),))
    svg = render_svg(tiny_ds, story.state(), "nl", 1000, 700, story=story).decode("utf-8")
    texts = " ".join(t.text.strip() for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
                     if t.text)
    for part in ("Verhaal: De daling", "Grijs vlak: 2022.", "Index: 2021 = 100.", "Let op: deze lijnen",
                 "open punt = afgeronde waarde", "Bron:", "Gegevens tot en met 13-07-2023",
                 # lines that count different things: what each counts, under the chart
                 "Wat telt mee", "Meldingen totaal (meldingen): Alle meldingen.",
                 "Cloud-URL's (URL's): URL's naar cloud."):
        assert part in texts, part


def test_exported_text_has_no_ligatures(qtbot, tiny_ds):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(tiny_ds, STATE, "nl", 900, 560)))
    raw = reader.pages[0].extract_text()
    assert "Offlimits" in raw and "\ufb04" not in raw and "ﬄ" not in raw


def test_failed_write_keeps_the_old_file(qtbot, tiny_ds, tmp_path, monkeypatch):
    out = tmp_path / "chart.png"
    out.write_bytes(b"old")
    import os
    def refuse(*a, **k):
        raise PermissionError("locked")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError):
        export_chart(out, "png", tiny_ds, STATE, "nl", 600, 400)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["chart.png"]


def test_chart_export_from_the_window_asks_size_and_remembers(make_window, monkeypatch, tmp_path,
                                                              settings):
    from meldpunt_gui.ui.export.options import ChartExportOptions
    w = make_window(("reports_total",))
    out = tmp_path / "memo.png"
    monkeypatch.setattr("meldpunt_gui.ui.window_actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))

    def answer(dialog):
        dialog.width_box.setValue(800)
        dialog.height_box.setValue(450)
        dialog.scale.setCurrentIndex(1)
        return ChartExportOptions.DialogCode.Accepted
    monkeypatch.setattr(ChartExportOptions, "exec", answer)
    w.actions_by_id["export_chart"].trigger()  # the menu entry and its Ctrl+Shift+E
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)
    assert settings.value("export/folder") == str(tmp_path)
    assert settings.value("export/chart") == ".png"
    assert int(settings.value("export/width")) == 800


@pytest.mark.parametrize(("stored", "shown"), [
    ("1024", 1024), (640, 640), ("abc", 1200), ("1e3", 1200), (["800", "600"], 1200), ("99999", 8000)])
def test_chart_export_sizes_from_a_damaged_settings_file_fall_back(qtbot, settings, stored, shown):
    """A settings file edited by hand or by another version: a size that is not a whole number
    gives the default, one out of range is held to the range; the dialog always opens."""
    from meldpunt_gui.ui.export.options import ChartExportOptions
    settings.setValue("export/width", stored)
    settings.sync()
    dialog = ChartExportOptions(settings)
    qtbot.addWidget(dialog)
    assert dialog.width_box.value() == shown and dialog.height_box.value() == 700


def test_the_event_key_numbers_the_events_the_chart_draws(qtbot):
    """The key under an exported chart lists the events its badges number, in that order: it
    used to list every event of those years, so badge 1 pointed at another event."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.text.formatting import format_date
    from meldpunt_gui.ui.export.chart_export import ExportFigure

    ds = load_bundled()
    state = ViewState(metrics=("reports_total",))  # the events about this series, not all
    fig = ExportFigure(ds, state, "nl")
    fig.lay_out(1000, 700)
    drawn = [event_id for event_id, _x, _lane in fig.chart.events]
    every = ds.events_between(fig.view.first_year, fig.view.last_year)
    assert 0 < len(drawn) < len(every)
    by_id = {e.id: e for e in ds.events}
    texts = [label.text() for label in fig.findChildren(type(fig.title))]
    key = next(t for t in texts if t.startswith("1 = "))
    first = by_id[drawn[0]]
    assert key.startswith(f"1 = {format_date(first.date, 'nl')} {first.title.get('nl')}")
    assert f"{len(drawn)} = " in key and f"{len(drawn) + 1} = " not in key
    fig.deleteLater()


@pytest.mark.parametrize("events", [True, False])
def test_an_exported_chart_shows_the_views_years_with_or_without_events(qtbot, events):
    """Drawn before it was laid out, a chart without the event strip lost its years to
    pyqtgraph's lining up of linked panels (2021.7-2022.5 for a view of 2019-2022)."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.ui.export.briefing import BriefingChart
    from meldpunt_gui.ui.export.chart_export import ExportFigure, export_view

    ds = load_bundled()
    state = ViewState(metrics=("reports_total", "cloud_urls"), first_year=2019, last_year=2022,
                      show_events=events)
    fig = ExportFigure(ds, state, "nl")
    fig.lay_out(1000, 700)
    page = BriefingChart(export_view(ds, state, "nl"))
    for chart in (fig.chart, page.chart):
        assert [p.getViewBox().viewRange()[0] for p in chart.plots] == [[2018.5, 2022.5]] * 2
        ticks = chart.plots[0].getAxis("bottom").tickValues(2018.5, 2022.5, 900)
        assert {2019.0, 2022.0} <= {v for _, values in ticks for v in values}
    fig.deleteLater()
    page.deleteLater()
