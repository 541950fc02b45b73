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
