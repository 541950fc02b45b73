"""Comparing two drawings pixel by pixel."""

from PySide6.QtGui import QImage


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of any colour channel (or alpha) at any pixel, 0-255."""
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if pa != pb:
                for shift in (0, 8, 16, 24):
                    worst = max(worst, abs((pa >> shift & 255) - (pb >> shift & 255)))
    return worst
