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


def collect_if_due() -> int:
    """What the automatic collector would do now, done on purpose: collect the oldest generation
    whose count passed its threshold (nothing if the youngest has not). Returns objects freed.
    For a caller that keeps the collector off and picks the moments itself (the window)."""
    counts, limits = gc.get_count(), gc.get_threshold()
    if counts[0] <= limits[0]:
        return 0
    generation = 2 if counts[2] > limits[2] else 1 if counts[1] > limits[1] else 0
    return gc.collect(generation)
