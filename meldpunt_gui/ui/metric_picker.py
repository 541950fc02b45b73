"""Metric picker: grouped by category, searchable, checkable, each entry showing its unit."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.text.plain import shorten, tooltip_html

METRIC_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # plain words searched: label, id, unit, definition


class MetricPicker(QWidget):
    changed = Signal(tuple)  # selected metric ids, in the order they were checked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.tree)
        self.search.textChanged.connect(self._filter)
        self.model.itemChanged.connect(self._on_item_changed)
        self._order: list[str] = []
        self._items: dict[str, QStandardItem] = {}
        self._updating = False
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search metrics…"))
        self.search.setAccessibleName(self.tr("Search metrics"))
        self.tree.setAccessibleName(self.tr("Metrics"))

    def populate(self, ds: Dataset, lang: str, selected: tuple[str, ...]) -> None:
        """(Re)build the tree in the given language, keeping the selection."""
        self._updating = True
        self.model.clear()
        self._items.clear()
        self._order = [m for m in selected if m in ds.metrics]
        cats = sorted(ds.categories.values(), key=lambda c: c.order)
        known = {c.id for c in cats}
        groups = [(c.id, c.label.get(lang)) for c in cats]
        if any(m.category not in known for m in ds.metrics.values()):
            groups.append(("", self.tr("Own metrics")))
        for cat_id, cat_label in groups:
            metrics = [m for m in ds.metrics.values()
                       if m.category == cat_id or (not cat_id and m.category not in known)]
            if not metrics:
                continue
            parent = QStandardItem(shorten(cat_label))
            parent.setEditable(False)
            parent.setSelectable(False)
            parent.setToolTip(tooltip_html(cat_label))
            parent.setData(cat_label, SEARCH_ROLE)
            for m in sorted(metrics, key=lambda m: m.label.get(lang).lower()):
                unit = ds.units[m.unit].label.get(lang)
                kinds = ds.granularities(m.id)
                half = self.tr("half-years") if kinds == {"half"} else ""
                text = f"{shorten(m.label.get(lang))}  ({shorten(unit)}{', ' + half if half else ''})"
                item = QStandardItem(text)
                item.setEditable(False)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked if m.id in self._order
                                   else Qt.CheckState.Unchecked)
                item.setData(m.id, METRIC_ROLE)
                # what the tooltip says is also what the search looks through
                words = f"{m.label.get(lang)}\n{m.id} · {unit} · {cat_label}\n\n{m.definition.get(lang)}"
                item.setToolTip(tooltip_html(words))
                item.setData(words, SEARCH_ROLE)
                parent.appendRow(item)
                self._items[m.id] = item
            self.model.appendRow(parent)
        self.tree.expandAll()
        self._updating = False

    def selected(self) -> tuple[str, ...]:
        return tuple(self._order)

    def set_checked(self, metric: str, checked: bool) -> None:
        item = self._items.get(metric)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def item_for(self, metric: str) -> QStandardItem | None:
        return self._items.get(metric)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._updating:
            return
        mid = item.data(METRIC_ROLE)
        if not mid:
            return
        on = item.checkState() == Qt.CheckState.Checked
        if on and mid not in self._order:
            self._order.append(mid)
        elif not on and mid in self._order:
            self._order.remove(mid)
        self.changed.emit(tuple(self._order))
