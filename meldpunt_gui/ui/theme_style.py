"""The drawing our theme adds to Fusion: check box and radio indicators with a border that
stays visible in either theme, and scroll bar grooves and sliders from kept pixmaps.

Apart from ui/theme.py (palettes and the switch) because the window's frame, shown before
anything else is built, needs none of it: the proxy style's type alone took about 5 ms to make
on its first use, on the way to the first paint. The full window gets it with its data
(theme.apply). This module leaves Qt's `Qt` namespace (about 20 ms on its first use) to the
functions that draw with it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from meldpunt_gui.ui.theme import BORDER

_GROOVES = 16  # grooves and sliders kept: a few sizes and states of the window's scroll bars
_CHECKS = 32  # check box indicators kept: a few sizes, each ticked, unticked, hovered, disabled
_CLEAR = QColor(0, 0, 0, 0)  # Qt.GlobalColor.transparent


class ThemeStyle(QProxyStyle):
    """Fusion, with check box and radio indicators that keep a visible border in either theme."""

    def __init__(self, theme: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = theme
        self._grooves: dict[tuple[object, ...], QPixmap] = {}
        self._sliders: dict[tuple[object, ...], _SliderPieces | None] = {}
        self._checks: dict[tuple[object, ...], QPixmap] = {}

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        """A scroll bar's groove and slider from pixmaps, the rest as Fusion draws it. Fusion
        fills both with a gradient on every paint, some 1 us per pixel of their length (2.5 ms
        for the explanation's 778 px bar, painted anew whenever its range changes, i.e. on every
        change of selection). The groove depends only on the bar's size, state and palette; the
        slider is its two ends and one repeated middle line (`_SliderPieces`)."""
        groove = QStyle.SubControl.SC_ScrollBarGroove
        if (control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(option, QStyleOptionSlider)
                or not option.subControls & groove
                or self.styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, option, widget)):
            super().drawComplexControl(control, option, painter, widget)
            return
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        size = option.rect.size()
        key = (size.width(), size.height(), option.orientation, option.state.value,
               option.palette.cacheKey(), ratio)
        pixmap = self._grooves.get(key)
        if pixmap is None:
            if len(self._grooves) >= _GROOVES:
                self._grooves.clear()
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(_CLEAR)
            only = QStyleOptionSlider(option)
            only.rect = QRect(0, 0, size.width(), size.height())
            only.subControls = groove
            inner = QPainter(pixmap)
            super().drawComplexControl(control, only, inner, widget)
            inner.end()
            self._grooves[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)
        rest = QStyleOptionSlider(option)
        rest.subControls = option.subControls & ~groove
        slider = QStyle.SubControl.SC_ScrollBarSlider
        if rest.subControls & slider and ratio == 1.0 and self._draw_slider(option, painter, widget):
            rest.subControls = rest.subControls & ~slider
        super().drawComplexControl(control, rest, painter, widget)

    def _draw_slider(self, option: QStyleOptionSlider, painter: QPainter, widget: QWidget | None) -> bool:
        """The slider from its kept pieces; False where it must be drawn whole (too short, or a
        Fusion that draws more than a repeated line between its ends)."""
        bar = QStyle.ComplexControl.CC_ScrollBar
        from PySide6.QtCore import Qt  # not at the top: see the module's docstring

        rect = self.baseStyle().subControlRect(bar, option, QStyle.SubControl.SC_ScrollBarSlider, widget)
        vertical = option.orientation == Qt.Orientation.Vertical
        key = (option.rect.width() if vertical else option.rect.height(), option.orientation,
               option.state.value, option.activeSubControls.value, option.palette.cacheKey())
        pieces = self._sliders.get(key)
        if pieces is None:
            if len(self._sliders) >= _GROOVES:
                self._sliders.clear()
            pieces = self._sliders[key] = _SliderPieces.cut(self, option, widget)
        return pieces is not None and pieces.draw(painter, option.rect, rect, vertical)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        """Check box and radio button indicators with a border in the theme's border colour,
        from a kept pixmap per size, state and palette: the series picker paints some forty on every change of
        selection, each a gradient of Fusion's."""
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if element not in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                           QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck) and not radio:
            super().drawPrimitive(element, option, painter, widget)
            return
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        size = option.rect.size()
        key = (element, size.width(), size.height(), option.state.value, option.palette.cacheKey(),
               ratio, option.direction)
        pixmap = self._checks.get(key)
        if pixmap is None:
            if len(self._checks) >= _CHECKS:
                self._checks.clear()
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(_CLEAR)
            only = type(option)(option)  # the same kind of option (a view item's or a button's)
            only.rect = QRect(0, 0, size.width(), size.height())
            inner = QPainter(pixmap)
            super().drawPrimitive(element, only, inner, widget)
            inner.setPen(QColor(BORDER[self.theme]))
            inner.setBrush(QColor(0, 0, 0, 0))
            if radio:  # Fusion's own ring was near black on the dark theme's field
                inner.setRenderHint(QPainter.RenderHint.Antialiasing)
                inner.drawEllipse(QRect(only.rect).adjusted(0, 0, -1, -1))
            else:
                inner.drawRect(QRect(only.rect).adjusted(0, 0, -1, -1))
            inner.end()
            self._checks[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)


class _SliderPieces:
    """A scroll bar slider as Fusion draws it, cut into its start, one middle line and its end,
    from one drawing of a long slider: any length is then three pixmaps instead of a gradient
    filled pixel by pixel. Cut only where every line between the ends is the same (checked on
    the drawing), so the result is Fusion's own, pixel for pixel (tests/ui/test_theme_style.py)."""

    EDGE = 4  # lines kept at each end, inside the slider's rectangle

    def __init__(self, head: QPixmap, head_at: int, middle: QPixmap, tail: QPixmap, tail_at: int) -> None:
        self.head, self.head_at, self.middle, self.tail, self.tail_at = head, head_at, middle, tail, tail_at

    @classmethod
    def cut(cls, style: QProxyStyle, option: QStyleOptionSlider, widget: QWidget | None) -> _SliderPieces | None:
        from PySide6.QtCore import Qt  # not at the top: see the module's docstring

        vertical = option.orientation == Qt.Orientation.Vertical
        thick = option.rect.width() if vertical else option.rect.height()
        length = 400
        ref = QStyleOptionSlider(option)
        ref.rect = QRect(0, 0, thick, length) if vertical else QRect(0, 0, length, thick)
        ref.minimum, ref.maximum, ref.pageStep = 0, 100, 100
        ref.sliderPosition = ref.sliderValue = 0
        ref.upsideDown = False
        ref.direction = Qt.LayoutDirection.LeftToRight
        ref.subControls = QStyle.SubControl.SC_ScrollBarSlider
        bar = QStyle.ComplexControl.CC_ScrollBar
        rect = style.baseStyle().subControlRect(bar, ref, QStyle.SubControl.SC_ScrollBarSlider, widget)
        image = QImage(ref.rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        style.baseStyle().drawComplexControl(bar, ref, painter, widget)
        painter.end()
        if not vertical:  # one code path: lines across the slider are rows
            image = image.transformed(QTransform(0, 1, 1, 0, 0, 0))
            rect = QRect(rect.y(), rect.x(), rect.height(), rect.width())
        start, end = rect.top(), rect.bottom()
        data, stride = bytes(image.constBits()), image.bytesPerLine()
        lines = [data[y * stride:(y + 1) * stride] for y in range(image.height())]
        painted = [y for y, line in enumerate(lines) if any(line)]
        if not painted or end - start < 4 * cls.EDGE:
            return None
        first, last = painted[0], painted[-1]
        inner = range(start + cls.EDGE, end - cls.EDGE + 1)
        if first > start or last < end or len({lines[y] for y in inner}) != 1:
            return None

        def piece(top: int, bottom: int) -> QPixmap:
            part = image.copy(0, top, image.width(), bottom - top + 1)
            if not vertical:
                part = part.transformed(QTransform(0, 1, 1, 0, 0, 0))
            return QPixmap.fromImage(part)

        return cls(piece(first, start + cls.EDGE - 1), first - start, piece(inner[0], inner[0]),
                   piece(end - cls.EDGE + 1, last), last - end)

    def draw(self, painter: QPainter, bar: QRect, rect: QRect, vertical: bool) -> bool:
        """Draw on `rect` (the slider's rectangle in the bar `bar`); False when it is too short."""
        edge = self.EDGE
        if vertical:
            start, end, across = rect.top(), rect.bottom(), bar.left()
        else:
            start, end, across = rect.left(), rect.right(), bar.top()
        span = end - start + 1 - 2 * edge
        if span < 1:
            return False
        head_from = start + self.head_at
        tail_to = end + self.tail_at
        tail_from = tail_to - (self.tail.height() if vertical else self.tail.width()) + 1
        if vertical:
            painter.drawPixmap(across, head_from, self.head)
            painter.drawPixmap(QRect(across, start + edge, self.middle.width(), span), self.middle)
            painter.drawPixmap(across, tail_from, self.tail)
        else:
            painter.drawPixmap(head_from, across, self.head)
            painter.drawPixmap(QRect(start + edge, across, span, self.middle.height()), self.middle)
            painter.drawPixmap(tail_from, across, self.tail)
        return True
