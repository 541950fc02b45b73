"""Printed output is dark text on white in either theme: the briefing PDF (one page and
extended), the chart's PDF and SVG, and the Word briefing's chart."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

import pypdf
import pytest

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui import theme as themes
from meldpunt_gui.ui.export.briefing import briefing_pdf
from meldpunt_gui.ui.export.briefing_docx import briefing_docx
from meldpunt_gui.ui.export.chart_export import render_pdf, render_svg

STATE = ViewState(metrics=("reports_total", "police_reports"))
BLACK, CHART_TEXT, BADGE = (0.0, 0.0, 0.0), (0.13, 0.13, 0.13), (1.0, 1.0, 1.0)


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


@pytest.fixture
def in_theme(qapp):
    """`in_theme(name)`: the application in that theme (the light one again afterwards)."""
    yield lambda name: themes.apply(qapp, name)
    themes.apply(qapp, "light")


def text_colours(data: bytes) -> Counter[tuple[float, ...]]:
    """The fill colour of every glyph run in the PDF's pages (Qt sets it with `r g b scn`
    before each text object)."""
    out: Counter[tuple[float, ...]] = Counter()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        fill: tuple[float, ...] = ()
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) scn|BT(.*?)ET", content, re.S):
            if m.group(1):
                fill = tuple(round(float(m.group(i)), 2) for i in (1, 2, 3))
            else:
                out[fill] += m.group(4).count("Tj")
    return out


@pytest.mark.parametrize("extended", [False, True])
def test_the_briefing_prints_black_text_in_the_dark_theme(qtbot, ds, in_theme, extended):
    in_theme("dark")
    colours = text_colours(briefing_pdf(ds, STATE, "nl", extended=extended))
    # the page's text black, the chart's labels its own dark grey, white only in the event
    # badges' dark boxes (the text was #E6E6E6, the dark theme's, on white paper)
    assert BLACK in colours and set(colours) <= {BLACK, CHART_TEXT, BADGE}
    assert colours[BLACK] > 10 * (colours[CHART_TEXT] + colours[BADGE])
    in_theme("light")
    assert text_colours(briefing_pdf(ds, STATE, "nl", extended=extended)) == colours


def test_the_chart_exports_and_the_word_briefing_look_the_same_in_either_theme(qtbot, ds, in_theme):
    def made() -> tuple[Counter[tuple[float, ...]], list[str], bytes]:
        pdf = text_colours(render_pdf(ds, STATE, "nl", 1000, 600, definitions=True))
        svg = sorted(re.findall(r'<text[^>]*fill="([^"]+)"', render_svg(ds, STATE, "nl", 1000, 600).decode()))
        docx = zipfile.ZipFile(io.BytesIO(briefing_docx(ds, STATE, "nl")))
        [png] = [n for n in docx.namelist() if n.endswith(".png")]
        return pdf, svg, docx.read(png)

    in_theme("dark")
    dark = made()
    assert set(dark[0]) == {CHART_TEXT, BADGE} and set(dark[1]) == {"#202020", "#ffffff"}
    in_theme("light")
    assert made() == dark
