"""The one-page briefing PDF: one A4 page for the default view and every story, every part's
text, vector chart, searchable text, and nothing drawn outside the page's margins."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import load_stories, story_folders
from meldpunt_gui.exports.briefing_content import briefing_content
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.export.briefing import BriefingChart, PageOne, briefing_pdf

A4_PT = (595.0, 842.0)  # Qt writes A4 in whole points


@pytest.fixture(scope="module")
def bundled():
    ds = load_bundled()
    stories, _ = load_stories(ds, story_folders(None))
    return ds, stories


def views(bundled):
    ds, stories = bundled
    return [("default", ViewState(), None)] + [(s.id, s.state(), s) for s in stories]


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_one_a4_page_for_the_default_view_and_every_story(qtbot, bundled):
    ds, _ = bundled
    for name, state, story in views(bundled):
        for lang in ("nl", "en"):
            reader = read(briefing_pdf(ds, state, lang, story=story))
            assert len(reader.pages) == 1, (name, lang)
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == A4_PT


def test_every_part_is_on_the_page_in_order(qtbot, bundled):
    ds, stories = bundled
    story = next(s for s in stories if s.id == "fall-2022")
    content = briefing_content(ds, story.state(), "nl", story)
    text = flat(read(briefing_pdf(ds, story.state(), "nl", story=story)).pages[0].extract_text())
    lead = content.figures[0][0]
    assert (lead.value, lead.change) == ("ca. 145.000 meldingen",
                                         "circa 65% minder dan in 2021 (ca. 414.000 in dezelfde bron)")
    parts = [content.title, content.story_text[:60], "Kerncijfers", lead.value, lead.change,
             "andere bronnen: 144.058 (telt iets anders dan de reeks; EOKM",
             "Verhaal: De daling van 2021 naar 2022", "Grijs vlak: 2022.", "Waarom",
             content.why[0].text[:50], "Bronnen", "[1] ", content.sources[0].url[:30],
             "Gegevens tot en met", "pagina 1 van 1"]
    at = 0
    for part in parts:
        found = text.find(flat(part), at)
        assert found >= 0, part
        at = found
    assert "Offlimits" in text  # no ligature glyph in the extracted text


def test_the_chart_is_vector(qtbot, bundled):
    ds, _ = bundled
    page = read(briefing_pdf(ds, ViewState(), "nl")).pages[0]
    assert not page["/Resources"].get("/XObject")  # no images at all: markers are paths
    text = page.extract_text()
    assert "400.000" in text and "2022" in text  # the axes' text is text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nothing_is_drawn_outside_the_margins(qtbot, bundled, lang):
    ds, _ = bundled
    for name, state, story in views(bundled):
        image = QImage(1240, 1754, QImage.Format.Format_RGB32)  # A4 at 150 dpi
        image.setDotsPerMeterX(round(150 / 0.0254))
        image.setDotsPerMeterY(round(150 / 0.0254))
        image.fill(QColor("white"))
        content = briefing_content(ds, state, lang, story)
        chart = BriefingChart(content.view)
        page = PageOne(content, image, chart.font(), chart, lang)
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        drawn = page.draw(painter, "1/1")
        painter.end()
        chart.deleteLater()
        box = page.box.adjusted(-0.5, -0.5, 0.5, 0.5)
        assert all(box.contains(r) for r in drawn), name
        rows = [image.height() // 2, round(page.box.bottom()) + 2]
        inner = (round(page.box.left()), round(page.box.right()))
        for y in range(image.height()):  # the margins are white: nothing is cut off at the edge
            for x in (inner[0] - 3, inner[1] + 3):
                assert image.pixelColor(x, y).name() == "#ffffff", (name, x, y)
        for y in rows[1:]:
            assert all(image.pixelColor(x, y).name() == "#ffffff" for x in range(0, image.width(), 4))


def test_extended_adds_the_appendix(qtbot, bundled):
    ds, _ = bundled
    reader = read(briefing_pdf(ds, ViewState(), "nl", extended=True))
    assert len(reader.pages) >= 2
    rest = flat(" ".join(p.extract_text() for p in reader.pages[1:]))
    for part in ("Bijlage", "Wat telt mee", "Achtergrond", "Alle waarden", "Andere bronnen",
                 "Gebeurtenissen", f"pagina 2 van {len(reader.pages)}"):
        assert part in rest, part


def test_lines_that_count_different_things_are_defined_on_the_page(qtbot, bundled):
    """A one-page briefing of an index over four kinds of count: the short note, then what each
    series counts, both on the one page (the note sends the reader to 'Wat telt mee')."""
    ds, _ = bundled
    state = ViewState(metrics=("reports_total", "iwf_nl_urls", "urls_assessed", "police_reports"),
                      mode="index", base_year=2018)
    reader = read(briefing_pdf(ds, state, "nl"))
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    note = text.find("Let op: deze lijnen tellen verschillende dingen (meldingen; URL's; meldingen "
                     "bij de politie)")
    heading = text.find("Wat telt mee", note + 100)
    assert 0 <= note < heading
    for mid in state.metrics:
        start = flat(f"{ds.metrics[mid].label.nl} ({ds.unit_of(mid).label.nl}): "
                     f"{ds.metrics[mid].definition.nl}")[:70]
        assert text.find(start, heading) > heading, mid
