"""The window's one view model: the current selection, its resolved view, and one signal.

Widgets are given the model when they are built and subscribe to `changed` (as napari's
`QtDims(dims)` does); handlers only ask the model to change. The model validates every new
state against the dataset, resolves it once (`model.resolve.resolve`) and tells everyone, so no
widget keeps a copy of the selection and none works it out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.model.resolve import ResolvedView, resolve
from meldpunt_gui.model.view import ViewState, fit_granularity, validate
from meldpunt_gui.text.series_memo import SeriesMemo

if TYPE_CHECKING:
    from meldpunt_gui.data.stories import Story
    from meldpunt_gui.model.domain import Dataset, Text


class ViewModel(QObject):
    """Holds the dataset, the `ViewState`, the language, the theme and the stories; `resolved`
    is the view worked out for them, new after every change."""

    changed = Signal()
    # the user's own figures could not be read (a damaged page, a lock held by another program):
    # the view stays as it was and the window says why (a Text, in both languages)
    failed = Signal(object)
    # the open story was closed because the new figures lack one of its series (an undone
    # import took it away): its title (a Text), for the window to say so
    story_closed = Signal(object)

    def __init__(self, ds: Dataset, state: ViewState, lang: str = "nl", theme: str = "light",
                 stories: Sequence[Story] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ds, self._lang, self._theme = ds, lang, theme
        self._stories: tuple[Story, ...] = tuple(stories)
        self._memo: SeriesMemo | None = None  # per-series texts of earlier views, for this dataset
        self.startup_failure: Text | None = None  # why the saved view could not be shown
        try:
            self._state = fit_granularity(ds, validate(ds, state))
            self._resolved = self._resolve()
        except StoreError as exc:  # the saved view names own series that cannot be read now
            self.startup_failure = exc.message
            self._state = self._without_own(state)
            self._resolved = self._resolve()

    # ----- reading
    @property
    def ds(self) -> Dataset:
        return self._ds

    @property
    def state(self) -> ViewState:
        return self._state

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def stories(self) -> tuple[Story, ...]:
        return self._stories

    @property
    def resolved(self) -> ResolvedView:
        return self._resolved

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self._stories if s.id == story_id), None) if story_id else None

    # ----- asking for a change
    def update(self, **changes: Any) -> None:
        """Change fields of the selection (a change of series or years leaves the story)."""
        self.set_state(self._state.with_(**changes))

    def select_metrics(self, metrics: Sequence[str]) -> None:
        self.set_state(fit_granularity(self._ds, self._state.with_(metrics=tuple(metrics),
                                                                    story="")))

    def set_state(self, state: ViewState) -> None:
        before, shown = self._state, self._resolved
        try:
            state = validate(self._ds, state)
            if state == self._state:
                return
            self._state = state
            self._resolved = self._resolve()
        except StoreError as exc:
            self._state, self._resolved = before, shown
            self.changed.emit()  # a widget that went ahead (a picked series) shows the view again
            self.failed.emit(exc.message)
            return
        self.changed.emit()

    def open_story(self, story_id: str) -> bool:
        story = self.story(story_id)
        if story is None:
            return False
        self.set_state(story.state().with_(tab="chart", all_events=self._state.all_events))
        return True

    def set_dataset(self, ds: Dataset) -> None:
        """After an import or an undo: the same view on the new figures. An open story whose
        series are all still there is shown again on the new figures; one that lost a series
        is closed (its text spoke of a chart that is no longer there, over whatever series
        were left or the default ones), and `story_closed` says so."""
        self._ds = ds
        story = self.story(self._state.story)
        closed = story is not None and any(m not in ds.metrics for m in story.metrics)
        if closed:
            self._state = self._state.with_(story="")
        self._state = validate(ds, self._state)
        self._changed()
        if closed and story is not None:
            self.story_closed.emit(story.title)

    def set_stories(self, stories: Sequence[Story]) -> None:
        self._stories = tuple(stories)
        self._changed()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._changed()

    def set_theme(self, theme: str) -> None:
        if theme != self._theme:
            self._theme = theme
            self._changed()

    def refresh(self) -> None:
        """Tell everyone again (e.g. after the text size changed)."""
        self._changed()

    def _changed(self) -> None:
        try:
            self._resolved = self._resolve()
        except StoreError as exc:  # a new dataset or text whose own values cannot be read now
            self._state = self._without_own(self._state)
            self._resolved = self._resolve()
            self.changed.emit()
            self.failed.emit(exc.message)
            return
        self.changed.emit()

    def _without_own(self, state: ViewState) -> ViewState:
        """`state` with the user's own series left out: the bundled ones are never deferred."""
        bundled = tuple(m for m in state.metrics if m in self._ds.metrics and not self._ds.metrics[m].user)
        return fit_granularity(self._ds, validate(self._ds, state.with_(metrics=bundled, story="")))

    def _resolve(self) -> ResolvedView:
        if self._memo is None or self._memo.ds is not self._ds:  # a new dataset: nothing kept
            self._memo = SeriesMemo(self._ds)
        return resolve(self._ds, self._state, self._lang, self.story(self._state.story),
                       memo=self._memo)
