"""The one place that puts the dataset together: bundled figures, the user's store, own events.

The command line, the window at start-up and the window after an import or undo all show the
same dataset; building it in three places had let them drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from meldpunt_gui.data.user_events import EventProblem, with_user_events

if TYPE_CHECKING:
    from meldpunt_gui.data.store import UserStore
    from meldpunt_gui.model.domain import Dataset


def assemble_dataset(bundled: Dataset, store: UserStore | None,
                     data_dir: Path | None) -> tuple[Dataset, list[EventProblem]]:
    """The bundled dataset with the store's values laid over it (own input shown first, the
    bundled value kept as an alternative) and the own events of `data_dir`; with the problems
    found in the events file, which are named and left out."""
    ds = store.overlay(bundled) if store is not None else bundled
    return with_user_events(ds, data_dir)
