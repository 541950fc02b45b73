"""The chart's marker item: pyqtgraph's ScatterPlotItem, given styles per point as arrays.

With a pen and a brush per point (series colour, hollow where a value is rounded) pyqtgraph
turns the list into a new list and NumPy then inspects every Qt object while storing it: about
1 ms per thousand points for each of pen and brush, a sixth of a 40-series redraw. Given an
object array of ready QPen/QBrush objects, this item stores it as it is.

Imported only after pyqtgraph has loaded (see chart.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtGui


def object_array(items: list) -> np.ndarray:
    """A 1-d object array of `items`, filled one by one so NumPy never looks inside them."""
    out = np.empty(len(items), dtype=object)
    for k, item in enumerate(items):
        out[k] = item
    return out


class Markers(pg.ScatterPlotItem):
    """ScatterPlotItem whose setPen/setBrush take an object array of QPen/QBrush per point,
    and which takes points drawn in a few styles as one list of styles (`set_styled`)."""

    data: np.ndarray  # pyqtgraph's record array, one row per point
    _styled: tuple[np.ndarray, list[tuple[Any, Any, Any]]] | None = None

    def set_styled(self, x: np.ndarray, y: np.ndarray, styles: list[tuple[Any, Any, Any]],
                   which: np.ndarray) -> None:
        """Points each in one of a few (symbol, pen, brush) `styles`, `which` giving each
        point's. pyqtgraph finds a point's picture in its symbol atlas from a key of its four
        style fields, made for every point after comparing each pen and brush with the default
        (some 1.5 ms for 1,200 points); here the atlas is asked once per style and each point
        given its style's picture, the same one.

        The points' record array is made here, as `setData` (clear, then addPoints) would make
        it for these fields, but from `np.zeros` with its object fields then set to None
        column by column: `np.empty` of pyqtgraph's record type fills every object field of
        every point on its own (NumPy parses the field's description each time), about 1 ms
        per thousand points, which was a fifteenth of a 40-series selection change."""
        which = np.asarray(which, dtype=np.intp)
        record = self.data.dtype
        data = np.zeros(len(which), dtype=record)
        for field in record.names or ():
            if record[field].hasobject:  # symbol, pen, brush, data, item
                data[field] = None
        data["x"] = x
        data["y"] = y
        data["size"] = -1  # the item's own size
        data["visible"] = True
        data["symbol"] = object_array([s for s, _, _ in styles])[which]
        data["pen"] = object_array([p for _, p, _ in styles])[which]
        data["brush"] = object_array([b for _, _, b in styles])[which]
        self.data["item"][...] = None  # the old points' SpotItems no longer refer to the data
        self._maxSpotWidth = 0
        self._maxSpotPxWidth = 0
        self.data = data
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()
        self._styled = (which, styles)
        try:
            self.updateSpots(data)
        finally:
            self._styled = None
        self.sigPlotChanged.emit(self)

    def updateSpots(self, dataSet: Any = None) -> None:
        styled = self._styled
        data = self.data if dataSet is None else dataSet
        if (styled is None or len(styled[0]) != len(data) or self.opts["hoverable"]
                or not (self.opts["pxMode"] and self.opts["useCache"])):
            super().updateSpots(dataSet)
            return
        which, styles = styled
        size = self.opts["size"]  # every point has the default size
        coords = self.fragmentAtlas[[(symbol, size, pen, brush) for symbol, pen, brush in styles]]
        rects = np.empty(len(styles), dtype=data["sourceRect"].dtype)
        for k, rect in enumerate(coords):
            rects[k] = tuple(rect)
        data["sourceRect"] = rects[which]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=data)
        self.invalidate()

    def setPen(self, *args: Any, **kargs: Any) -> None:
        if not self._store("pen", args, kargs):
            super().setPen(*args, **kargs)

    def setBrush(self, *args: Any, **kargs: Any) -> None:
        if not self._store("brush", args, kargs):
            super().setBrush(*args, **kargs)

    def _store(self, field: str, args: tuple[Any, ...], kargs: dict[str, Any]) -> bool:
        """Store a per-point object array as pyqtgraph's own setter would; False otherwise."""
        if not (len(args) == 1 and isinstance(args[0], np.ndarray) and args[0].dtype == object
                and kargs.get("mask") is None):
            return False
        data: Any = kargs.get("dataSet", self.data)
        if len(args[0]) != len(data):
            raise ValueError(f"{len(args[0])} {field}s for {len(data)} points")
        data[field] = args[0]
        data["sourceRect"] = 0  # the symbol atlas looks the new style up
        if kargs.get("update", True):
            self.updateSpots(data)
        return True


def glyph_symbol(char: str) -> QtGui.QPainterPath:
    """A status sign as a marker symbol: the character's outline, in the top-right corner of
    pyqtgraph's unit box, so it sits beside the data point instead of on it."""
    path = QtGui.QPainterPath()
    font = QtGui.QFont()
    font.setPointSizeF(20)
    font.setBold(True)
    path.addText(0, 0, font, char)
    box = path.boundingRect()
    scale = 0.42 / max(box.width(), box.height(), 1e-6)
    transform = QtGui.QTransform()
    transform.translate(0.29, -0.29)
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    return transform.map(path)


def break_symbol() -> QtGui.QPainterPath:
    """The sign of a break in a series ('‖', as the key writes it): two upright bars in
    pyqtgraph's unit box, drawn between the two points the line no longer joins, so a break
    does not look like a year without a figure; a little low, clear of the status sign that
    sits above and right of a point."""
    path = QtGui.QPainterPath()
    for left in (-0.11, 0.05):
        path.addRect(left, -0.1, 0.06, 0.44)
    return path
