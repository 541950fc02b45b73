"""The strip above the panels: one numbered badge per year with events (numbers as in the
explanation's list), stacked in lanes so that no two overlap however dense the events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF

from meldpunt_gui.model.domain import Event
from meldpunt_gui.text.plain import tooltip_html
from meldpunt_gui.ui.chart.palette import Theme
from meldpunt_gui.ui.chart.panels import AXIS_WIDTH, quiet_hidden_axes, set_x_range

BADGE_PX = 24


class EventStrip:
    """A plot of its own at row 0 of the layout, added while there are events to show."""

    def __init__(self, pg: Any, glw: Any) -> None:
        self.pg = pg
        self.glw = glw
        self.plot: Any = None
        self.key: tuple[object, ...] | None = None  # what is drawn; None: the strip is not shown
        self.badges: list[tuple[tuple[str, ...], Any]] = []  # (event ids, badge item)
        self._pool: list[Any] = []  # badge items in the strip, shown or hidden
        self.events: list[tuple[str, float, int]] = []  # (event id, x, lane) as drawn

    @property
    def shown(self) -> bool:
        return self.key is not None

    def show(self, events: Sequence[Event], first: int, last: int, theme: Theme, px: int,
             lang: str, lead_plot: Any) -> None:
        """Lay the badges out for `px` pixels of time axis, linked to `lead_plot`."""
        if not events:
            if self.plot is not None and self.key is not None:
                self.glw.removeItem(self.plot)
            self.key = None
            self.events, self.badges = [], []
            return
        key = (tuple(e.id for e in events), first, last, px, theme.name, lang)
        if key == self.key:
            return
        if self.plot is None:
            self.plot = self.glw.addPlot(row=0, col=0, enableMenu=False)  # no context menu built
            self._setup(self.plot)
        elif self.key is None:
            self.glw.addItem(self.plot, row=0, col=0)
        if lead_plot is not None:
            self.plot.setXLink(lead_plot)
        self.plot.getAxis("left").setPen(theme.background)
        set_x_range(self.plot, first, last)
        self._place(events, first, last, theme, px, lang)
        self.key = key

    @staticmethod
    def _setup(strip: Any) -> None:
        strip.hideButtons()
        strip.setMouseEnabled(x=False, y=False)
        strip.getViewBox().disableAutoRange()
        strip.hideAxis("bottom")
        strip.getAxis("bottom").enableAutoSIPrefix(False)
        quiet_hidden_axes(strip)
        left = strip.getAxis("left")
        left.setWidth(AXIS_WIDTH)
        left.setStyle(showValues=False, tickLength=0)
        left.enableAutoSIPrefix(False)
        strip.getViewBox().setBackgroundColor(None)

    def _place(self, events: Sequence[Event], first: int, last: int, theme: Theme, px: int,
               lang: str) -> None:
        pg = self.pg
        from meldpunt_gui.model.events import badge_layout

        badges = badge_layout(list(events), first, last, px,
                              lambda text: max(BADGE_PX, 8 * len(text) + 10))
        n = max(b.lane for b in badges) + 1
        self.badges, self.events = [], []
        pool, fill = self._pool, pg.mkBrush(theme.foreground)
        for k, item in enumerate(badges):
            if k == len(pool):  # badges are kept and relabelled: making one costs 0.1 ms
                pool.append(pg.TextItem("", anchor=(0.5, 0.5)))
                self.plot.addItem(pool[k])
            badge = pool[k]
            badge.fill = fill
            badge.setText(item.label, color=theme.background)
            badge.setPos(item.x, n - 1 - item.lane)
            evs = [events[num - 1] for num in item.numbers]
            badge.setToolTip(tooltip_html("\n".join(f"{num}. {e.title.get(lang)}"
                                                     for num, e in zip(item.numbers, evs))))
            badge.setVisible(True)
            self.badges.append((tuple(e.id for e in evs), badge))
            self.events.extend((e.id, e.x, item.lane) for e in evs)
        for badge in pool[len(badges):]:
            badge.setVisible(False)
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        height = 20 * n + 6
        self.plot.setFixedHeight(height)
        self.plot.setMaximumHeight(height)

    def hit(self, pos: QPointF) -> tuple[str, ...] | None:
        """The ids of the events behind the badge at `pos` (scene coordinates), if any."""
        for event_ids, badge in self.badges:
            if badge.sceneBoundingRect().adjusted(-3, -3, 3, 3).contains(pos):
                return event_ids
        return None

    def badge_scene_pos(self, event_id: str) -> QPointF | None:
        for eids, badge in self.badges:
            if event_id in eids:
                centre: QPointF = badge.sceneBoundingRect().center()
                return centre
        return None
