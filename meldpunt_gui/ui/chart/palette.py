"""Series styles that stay apart for colour-blind readers and in greyscale print.

Okabe-Ito hues, darkened where the original falls below 3:1 contrast on white (orange, sky blue,
yellow, reddish purple), each paired with its own marker and dash pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

LIGHT = ("#0072B2", "#D55E00", "#007A5A", "#A8527F", "#9A6A00", "#2A7AB8", "#000000", "#7A6F00")
DARK = ("#56B4E9", "#E69F00", "#2BC59B", "#E08CC0", "#F0E442", "#FF8A5C", "#FFFFFF", "#B8A9FF")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "t1")
DASHES = ((), (6, 3), (2, 3), (8, 3, 2, 3), (12, 4), (4, 2, 1, 2), (1, 2), (10, 2, 2, 2, 2, 2))


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    grid_alpha: float
    colours: tuple[str, ...]


THEMES = {
    "light": Theme("light", "#FFFFFF", "#202020", 0.18, LIGHT),
    "dark": Theme("dark", "#1E1E1E", "#E6E6E6", 0.25, DARK),
}


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    symbol: str
    dash: tuple[int, ...]


def series_style(index: int, theme: str = "light") -> SeriesStyle:
    colours = THEMES.get(theme, THEMES["light"]).colours
    return SeriesStyle(colours[index % len(colours)], SYMBOLS[index % len(SYMBOLS)],
                       DASHES[index % len(DASHES)])


def relative_luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
