"""The Word briefing read back with python-docx, and where LibreOffice is installed, as PDF."""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pypdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from meldpunt_gui.exports.briefing_content import briefing_content
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.export.briefing_docx import briefing_docx

STATE = ViewState(metrics=("reports_total", "share_nl"), first_year=2019, last_year=2022)


def test_docx_has_the_briefing_in_word_terms(qtbot, tiny_ds):
    data = briefing_docx(tiny_ds, STATE, "nl", extended=True)
    doc = docx.Document(io.BytesIO(data))
    content = briefing_content(tiny_ds, STATE, "nl", extended=True)
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert heads[:4] == [("Heading 1", content.title), ("Heading 2", "Kerncijfers"),
                         ("Heading 2", "Waarom"), ("Heading 2", "Bronnen")]
    assert ("Heading 1", "Bijlage") in heads and ("Heading 2", "Wat telt mee") in heads
    texts = [p.text for p in doc.paragraphs]
    assert any("145.000 meldingen" in t and "65% minder dan in 2021 (ca. 414.000 in dezelfde bron)" in t
               for t in texts)
    assert "Hosters <b>verhuizen</b>. [1]" in texts  # file text is text
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    # the address written out, as the PDF prints it: a printed memo keeps it
    assert numbered and numbered[0].text == "Offlimits, Trend (13-07-2023) — https://example.org/off"
    links = [r.target_ref for r in doc.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert "https://example.org/off" in links
    # the chart: a 2x PNG with the chart in words as its alt text
    (shape,) = doc.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    image = doc.part.related_parts[blip.embed].image
    assert image.content_type == "image/png" and image.px_width == 1800
    assert shape._inline.docPr.get("descr") == content.chart_text and content.chart_text
    # the full table as a Word table, alternatives written out
    (table,) = doc.tables
    assert [c.text for c in table.rows[0].cells] == list(content.table.headers)
    assert ["2021", "Meldingen totaal", "413.262", "NU.nl, apr 2022", "ca. 414.000 (Offlimits, 13-07-2023)"] in \
        [[c.text for c in r.cells] for r in table.rows]
    # no font set by hand anywhere: a template restyles everything
    xml = doc.part.element.xml
    assert "w:rFonts" not in xml and "w:sz " not in xml and "<w:sz" not in xml
    assert "Meldpunt-viewer" in doc.sections[0].footer.paragraphs[0].text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_docx_converts_to_a_one_page_pdf_in_libreoffice(qtbot, tiny_ds, tmp_path):
    src = tmp_path / "briefing.docx"
    src.write_bytes(briefing_docx(tiny_ds, STATE, "nl"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    reader = pypdf.PdfReader(tmp_path / "briefing.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for part in ("Meldingen totaal, Aandeel NL, 2019 t/m 2022", "Kerncijfers", "145.000 meldingen",
                 "Waarom", "Bronnen", "Offlimits", "Gegevens tot en met 13-07-2023"):
        assert part in text, part


def test_docx_caption_defines_lines_that_count_different_things(qtbot, tiny_ds):
    state = STATE.with_(mode="index", base_year=2021)
    doc = docx.Document(io.BytesIO(briefing_docx(tiny_ds, state, "nl")))
    (caption,) = [p for p in doc.paragraphs if p.style.name == "Caption"]
    lines = caption.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Let op: deze lijnen"))
    assert lines[at + 1:at + 4] == ["Wat telt mee", "Meldingen totaal (meldingen): Alle meldingen.",
                                    "Aandeel NL (%): Aandeel in NL."]
