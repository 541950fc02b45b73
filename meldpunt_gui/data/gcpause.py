"""The cyclic garbage collector held off while many acyclic objects are made at once.

Loading the data or an import creates objects by the hundred thousand and no reference cycles;
each collection would walk all objects alive so far, which makes a load grow faster than the
data. Reference counting still frees everything as usual while the collector waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the collector does not run; afterwards it is as it was, error or not.
    Nested use is fine: only the outermost block turns it back on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
