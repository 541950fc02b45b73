"""The painted legend: columns chosen so labels fit, entries kept as given."""

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.ui.chart.legend import COL_GAP, GAP, MAX_COLUMNS, SAMPLE_W, columns_for


def test_short_labels_share_rows_long_ones_take_one_column():
    assert columns_for([60, 70, 80, 90], 900) == 4
    assert columns_for([60] * 40, 700) == MAX_COLUMNS == 6  # forty series in seven rows, not 14
    assert columns_for([60, 70], 900) == 2
    assert columns_for([600, 70], 900) == 1


@given(st.lists(st.floats(1, 800), min_size=1, max_size=12), st.floats(50, 2000))
def test_chosen_columns_always_fit_or_fall_back_to_one(widths, width):
    cols = columns_for(widths, width)
    assert 1 <= cols <= min(MAX_COLUMNS, len(widths))
    if cols > 1:
        col_w = (width - COL_GAP * (cols - 1)) / cols
        assert all(w + SAMPLE_W + GAP <= col_w for w in widths)


def test_legend_paints_its_entries(qtbot):
    import pyqtgraph  # noqa: F401  (the legend is only used once pyqtgraph is loaded)
    from PySide6.QtGui import QFont, QImage, QPainter

    from meldpunt_gui.ui.chart.legend import Legend, LegendEntry

    legend = Legend()
    entries = [LegendEntry("Meldingen totaal", "#0072B2", "line", "o"),
               LegendEntry("Cloud-URL's", "#D55E00", "bar")]
    legend.set_entries(entries, QFont(), "#202020")
    legend.resize(400, legend.preferredHeight())
    assert legend.labels == ["Meldingen totaal", "Cloud-URL's"]
    assert legend.preferredHeight() > 0
    image = QImage(400, int(legend.preferredHeight()) + 1, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    legend.paint(painter, None)
    painter.end()
    colours = {image.pixel(x, y) & 0xFFFFFF for x in range(400) for y in range(image.height())}
    assert 0x0072B2 in colours and 0xD55E00 in colours


def _legend_with_forty_entries():
    from PySide6.QtGui import QFont

    from meldpunt_gui.ui.chart.legend import Legend, LegendEntry
    from meldpunt_gui.ui.chart.palette import series_style

    legend = Legend()
    entries = []
    for k in range(40):
        style = series_style(k, "light")
        entries.append(LegendEntry(f"Reeks {k} met een wat langere naam", style.colour, "line",
                                   style.symbol, style.dash))
    legend.set_entries(entries, QFont(), "#202020")
    legend.resize(900, legend.preferredHeight())
    return legend


def test_on_screen_the_samples_come_from_kept_pixmaps_and_look_as_drawn(qtbot, monkeypatch):
    """A raster painter gets each style's sample from a kept pixmap; the legend looks as with
    every sample drawn anew (within two levels per colour channel, where the antialiased edge
    is blended onto the pixmap rather than straight onto the page)."""
    import pyqtgraph  # noqa: F401  (the legend is only used once pyqtgraph is loaded)
    from PySide6.QtGui import QImage, QPainter, QTransform

    from meldpunt_gui.ui.chart import legend as legend_module

    legend = _legend_with_forty_entries()
    legend_module._SAMPLES.clear()

    def painted() -> QImage:
        image = QImage(900, int(legend.preferredHeight()) + 1, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        legend.paint(painter, None)
        painter.end()
        return image

    kept = painted()
    assert len(legend_module._SAMPLES) == 8  # one per style of the palette's eight
    monkeypatch.setattr(legend_module.Legend, "_kept_samples", staticmethod(lambda painter: None))
    drawn = painted()
    from tests.ui.images import largest_difference

    assert largest_difference(kept, drawn) <= 2
    scaled = QImage(900, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(scaled)
    painter.setTransform(QTransform().scale(1.5, 1.5))
    assert legend_module.Legend._kept_samples(painter) is None  # a scaled export: vectors
    painter.end()


def test_an_svg_legend_draws_its_samples_as_vectors(qtbot, tmp_path):
    import pyqtgraph  # noqa: F401  (the legend is only used once pyqtgraph is loaded)
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    legend = _legend_with_forty_entries()
    generator = QSvgGenerator()
    generator.setFileName(str(tmp_path / "legend.svg"))
    generator.setSize(QSize(900, int(legend.preferredHeight()) + 1))
    painter = QPainter(generator)
    legend.paint(painter, None)
    painter.end()
    svg = (tmp_path / "legend.svg").read_text(encoding="utf-8")
    assert "<image" not in svg
    assert svg.count("<path") >= 40
    assert "Reeks 39" in svg


def _sample_row(qtbot, style_index: int) -> str:
    import pyqtgraph  # noqa: F401  (the legend is only used once pyqtgraph is loaded)
    from PySide6.QtGui import QFont

    from meldpunt_gui.ui.chart.legend import _SAMPLE_H, Legend, LegendEntry
    from meldpunt_gui.ui.chart.palette import series_style

    style = series_style(style_index, "light")
    legend = Legend()
    entry = LegendEntry("x", style.colour, "line", style.symbol, style.dash)
    legend.set_entries([entry], QFont(), "#202020")
    image = legend._sample_pixmap(entry, 1.0).toImage()
    return "".join("#" if (image.pixel(x, _SAMPLE_H // 2) >> 24) & 255 > 128 else "."
                   for x in range(image.width()))


def test_every_dashed_sample_shows_a_gap_beside_its_marker(qtbot):
    """From the start of its pattern the orange 6-3 sample had its one gap under the marker
    and looked exactly like the solid one; each dashed style's sample now shows a gap."""
    import re

    from meldpunt_gui.ui.chart.legend import _MARGIN, SAMPLE_W, SYMBOL_PX

    solid = _sample_row(qtbot, 0)
    assert "." not in solid[_MARGIN:_MARGIN + int(SAMPLE_W)]
    lo = _MARGIN + int((SAMPLE_W - SYMBOL_PX - 3) / 2)
    hi = _MARGIN + int((SAMPLE_W + SYMBOL_PX + 3) / 2)
    for k in range(1, 8):
        row = _sample_row(qtbot, k)
        assert row != solid
        arms = row[_MARGIN:lo] + "|" + row[hi:_MARGIN + int(SAMPLE_W)]
        # a gap of two pixels or more, with line on the side towards the marker or the end
        assert re.search(r"#\.{2,}#|#\.{2,}\||\|\.{2,}#|#\.{2,}$", arms), (k, row)
