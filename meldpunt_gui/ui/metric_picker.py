"""Metric picker: "Kerncijfers" first, then by category; searchable, checkable, each entry with
its unit; the selected series as removable chips above the list; long labels wrap.

A key series appears twice (under Kerncijfers and under its organisation); both items are one
series, so ticking either ticks both. The picker keeps no selection of its own: bound to the view
model, it shows the model's series (ticks and chips) after every change, and a tick asks the
model for the selection with that series added or removed.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHelpEvent, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.model.domain import Dataset, Metric
from meldpunt_gui.model.vocabulary import KEY_METRICS
from meldpunt_gui.text.plain import CHIP, shorten, tooltip_html
from meldpunt_gui.ui.flow_layout import FlowLayout

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel

METRIC_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # plain words searched: label, id, unit, definition
CHIP_ROWS = 4  # rows of chips shown before they scroll


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped label at the tree's width (QTreeView's own size hint
    measures one unwrapped line, so a long label was cut to 'Meldingen uit het buitenland ...')."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        check = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 12
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - check
        box = opt.fontMetrics.boundingRect(QRect(0, 0, max(width, 60), 100000),
                                           int(Qt.TextFlag.TextWordWrap), opt.text)
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), box.height() + 4))


class MetricPicker(QWidget):
    changed = Signal(tuple)  # selected metric ids, in the order they were checked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.chip_box = QWidget(self)
        self.chip_layout = FlowLayout(self.chip_box)
        # many chips scroll in a few rows rather than push the list out of the pane
        self.chip_scroll = QScrollArea(self)
        self.chip_scroll.setWidget(self.chip_box)
        self.chip_scroll.setWidgetResizable(True)
        self.chip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chip_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chip_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # on the group box's own background, as before they scrolled (setWidget fills it)
        self.chip_box.setAutoFillBackground(False)
        self.chip_scroll.viewport().setAutoFillBackground(False)
        self.chips: dict[str, Chip] = {}
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)  # wrapped labels take two lines
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the one column is as wide as the view, so the delegate wraps a label to that width
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.chip_scroll)  # before the search field: Tab goes from it to the list
        lay.addWidget(self.search)
        lay.addWidget(self.tree, 1)
        self.search.textChanged.connect(self._filter)
        self.model.itemChanged.connect(self._on_item_changed)
        self.tree.pressed.connect(self._on_pressed)
        self.tree.clicked.connect(self._on_clicked)
        self._pressed: tuple[QPersistentModelIndex, Qt.CheckState] | None = None
        self._model: ViewModel | None = None
        self._items: dict[str, list[QStandardItem]] = {}
        self._labels: dict[str, str] = {}
        self._updating = False
        self._fit_pending = False  # the chips changed while the pointer was over the list
        self.tree.viewport().installEventFilter(self)
        self.retranslate()

    def bind(self, model: ViewModel) -> None:
        """Show the model's selection from now on, whoever changed it (a story, a chip, a key)."""
        self._model = model
        model.changed.connect(lambda: self.show_selection(model.state.metrics))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the labels anew."""
        super().resizeEvent(event)
        self.tree.scheduleDelayedItemsLayout()
        self._fit_chips()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search series…"))
        self.search.setAccessibleName(self.tr("Search series"))
        self.tree.setAccessibleName(self.tr("Series"))
        self.chip_box.setAccessibleName(self.tr("Selected series"))

    def populate(self, ds: Dataset, lang: str, selected: tuple[str, ...]) -> None:
        """(Re)build the tree in the given language with `selected` ticked."""
        self._updating = True
        self.model.clear()
        self._items.clear()
        ticked = set(selected)
        cats = sorted(ds.categories.values(), key=lambda c: c.order)
        known = {c.id for c in cats}
        cat_labels = {c.id: c.label.get(lang) for c in cats}
        key = [ds.metrics[m] for m in KEY_METRICS if m in ds.metrics]
        groups: list[tuple[str, list[Metric]]] = []
        if key:
            groups.append((self.tr("Key figures"), key))  # in the seed's order, not sorted
        for c in cats:
            groups.append((c.label.get(lang), sorted(ds.metrics_in(c.id),
                                                     key=lambda m: m.label.get(lang).lower())))
        own = [m for m in ds.metrics.values() if m.category not in known]
        if own:
            groups.append((self.tr("Own series"), sorted(own, key=lambda m: m.label.get(lang).lower())))
        for label, metrics in groups:
            if not metrics:
                continue
            parent = QStandardItem(shorten(label))
            parent.setEditable(False)
            parent.setSelectable(False)
            parent.setToolTip(tooltip_html(label))
            parent.setData(label, SEARCH_ROLE)
            for m in metrics:
                parent.appendRow(self._item(ds, m, lang, cat_labels.get(m.category, label),
                                            m.id in ticked))
            self.model.appendRow(parent)
        self._labels = {m.id: m.label.get(lang) for m in ds.metrics.values()}
        self.tree.expandAll()
        self._updating = False
        self._show_chips(tuple(m for m in selected if m in ds.metrics), relabel=True)

    def _item(self, ds: Dataset, m: Metric, lang: str, cat_label: str, ticked: bool) -> QStandardItem:
        unit = ds.units[m.unit].label.get(lang)
        kinds = ds.granularities(m.id)
        half = self.tr("half-years") if kinds == {"half"} else ""
        item = QStandardItem(f"{shorten(m.label.get(lang))}  ({shorten(unit)}{', ' + half if half else ''})")
        item.setEditable(False)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        item.setData(m.id, METRIC_ROLE)
        # what the tooltip says is also what the search looks through, and the same words in
        # the other language: a search typed before a language switch keeps finding the same
        # series (the switch cleared it, and what the user had narrowed the list to was lost)
        words = f"{m.label.get(lang)}\n{m.id} · {unit} · {cat_label}\n\n{m.definition.get(lang)}"
        item.setToolTip(tooltip_html(words))
        other = "en" if lang != "en" else "nl"
        category = ds.categories.get(m.category)
        other_words = " · ".join((m.label.get(other), ds.units[m.unit].label.get(other),
                                  category.label.get(other) if category else "", m.definition.get(other)))
        item.setData(f"{words}\n{other_words}", SEARCH_ROLE)
        self._items.setdefault(m.id, []).append(item)
        return item

    def selected(self) -> tuple[str, ...]:
        """The series shown as selected: the model's, once it has told the picker."""
        return tuple(self.chips)

    def show_selection(self, metrics: tuple[str, ...]) -> None:
        """Tick `metrics` (and only them) and show them as chips, in their order."""
        metrics = tuple(m for m in metrics if m in self._items)
        if metrics == tuple(self.chips):
            return
        # unheard by the list, which then repaints only the rows that changed and are in
        # sight: told of each tick, it measured every wrapped row again (2 ms for forty
        # series), and repainting the whole list redrew rows that stayed as they were
        changed: list[QStandardItem] = []
        self.model.blockSignals(True)
        try:
            for mid in set(self.chips).symmetric_difference(metrics):
                state = Qt.CheckState.Checked if mid in metrics else Qt.CheckState.Unchecked
                for item in self._items.get(mid, ()):
                    item.setCheckState(state)
                    changed.append(item)
        finally:
            self.model.blockSignals(False)
        for item in changed:
            shown = self.proxy.mapFromSource(item.index())
            if shown.isValid():  # filtered out by the search: nothing to repaint
                self.tree.update(shown)  # nothing either under a folded organisation
        self._show_chips(metrics)

    def set_checked(self, metric: str, checked: bool) -> None:
        items = self._items.get(metric)
        if items:
            items[0].setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def item_for(self, metric: str) -> QStandardItem | None:
        """The series' item under its organisation (a key series also sits under Kerncijfers)."""
        items = self._items.get(metric)
        return items[-1] if items else None

    def items_for(self, metric: str) -> list[QStandardItem]:
        return list(self._items.get(metric, ()))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _on_pressed(self, index: QModelIndex) -> None:
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        self._pressed = (QPersistentModelIndex(index), item.checkState()) if item is not None else None

    def _on_clicked(self, index: QModelIndex) -> None:
        """A click on a series' name ticks or unticks it, as a click on its box does: the list
        is where series are picked, and a name that only turned blue looked picked and was not.
        A click on the box itself was already handled by the view (the state changed since the
        press), so it is not toggled twice."""
        pressed, self._pressed = self._pressed, None
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        if (item is None or not item.data(METRIC_ROLE) or not item.isCheckable() or pressed is None
                or pressed[0] != QPersistentModelIndex(index) or item.checkState() != pressed[1]):
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._updating:
            return
        mid = item.data(METRIC_ROLE)
        if not mid:
            return
        on = item.checkState() == Qt.CheckState.Checked
        self._updating = True  # the series' other item follows without a second signal
        for twin in self._items.get(mid, ()):
            if twin is not item:
                twin.setCheckState(item.checkState())
        self._updating = False
        current = self._model.state.metrics if self._model is not None else self.selected()
        wanted = (*current, mid) if on and mid not in current else \
            tuple(m for m in current if m != mid or on)
        self.show_selection(wanted)  # at once, also without a model; the model's answer follows
        self.changed.emit(wanted)

    # ----- chips: the selection at a glance, each removable
    def _show_chips(self, metrics: tuple[str, ...], relabel: bool = False) -> None:
        """One chip per series in `metrics`, in order. A series that stays keeps its chip; the
        chips of series that went are given to the new ones, so flipping forty series makes no
        widget (`relabel`: after a language switch every chip says its label again)."""
        old = self.chips
        spare = deque(chip for mid, chip in old.items() if mid not in metrics or relabel)
        chips: dict[str, Chip] = {}
        for mid in metrics:
            chip = None if relabel else old.get(mid)
            if chip is None:  # the spare chips in their order, so the layout can stay as it is
                chip = spare.popleft() if spare else self._new_chip()
                self._label_chip(chip, mid)
            chips[mid] = chip
        self.chips = chips
        order = list(chips.values())
        layout = self.chip_layout
        if order != layout.widgets():
            while layout.takeAt(0) is not None:
                pass
            for chip in order:
                layout.addWidget(chip)
        for chip in spare:
            chip.hide()
            chip.deleteLater()
        self.chip_layout.invalidate()
        self._fit_chips()
        if order and self._fit_pending:  # the area keeps its height: the newest chip scrolled into it
            self.chip_scroll.ensureWidgetVisible(order[-1], 0, 0)

    def _fit_chips(self) -> None:
        """As tall as the chips at this width, up to CHIP_ROWS rows; the rest scrolls. Not while
        the pointer is over the list: a chip that starts a new row pushed the list down under
        it, and the next click ticked the series one row lower. The area fits once the pointer
        has left the list."""
        if self.tree.viewport().underMouse():
            self._fit_pending = True
            return
        self._fit_pending = False
        self.chip_scroll.setVisible(bool(self.chips))
        if not self.chips:
            return
        row = next(iter(self.chips.values())).sizeHint().height() + self.chip_layout.spacing()
        width = self.chip_scroll.width() - self.chip_scroll.verticalScrollBar().sizeHint().width()
        needed = self.chip_layout.heightForWidth(max(width, 1))
        self.chip_scroll.setFixedHeight(min(needed, CHIP_ROWS * row - self.chip_layout.spacing()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._fit_pending:  # the pointer left the list
            QTimer.singleShot(0, self, self._fit_chips)  # after Qt has taken it off the list
        return False

    def _new_chip(self) -> Chip:
        chip = Chip(self.chip_box)
        chip.setAutoRaise(False)
        chip.clicked.connect(lambda _=False: self._remove_chip(chip))
        return chip

    def _label_chip(self, chip: Chip, mid: str) -> None:
        label = self._labels.get(mid, mid)
        chip.setText(f"{shorten(label, CHIP)} ✕".replace("&", "&&"))  # a "&" is no shortcut here
        chip.tip = self.tr("Remove %1 from the chart").replace("%1", label)
        chip.setAccessibleName(self.tr("Remove %1").replace("%1", label))
        chip.show()

    def _remove_chip(self, chip: Chip) -> None:
        mid = next((m for m, c in self.chips.items() if c is chip), None)
        if mid is not None:
            self.set_checked(mid, False)


class Chip(QToolButton):
    """One selected series above the picker; a click removes it. Its tooltip (the full name)
    is made into a tooltip only when the pointer asks for it: forty chips renamed on every
    change of selection would otherwise each set one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tip = ""  # plain text: shown escaped, never as markup

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if self.tip:
                QToolTip.showText(event.globalPos(), tooltip_html(self.tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
