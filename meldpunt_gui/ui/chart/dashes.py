"""Dashes cut in screen pixels, so a dashed line can be drawn as plain line segments.

Qt strokes a dashed pen wider than one pixel by cutting the path into dashes, turning each into
an outline polygon and filling it: at forty dashed series that was a tenth of a whole window's
change. A solid pen drawn with `QPainter.drawLines` takes Qt's fast line rasterizer instead (as
pyqtgraph already does for solid lines). This module cuts the dashes the way Qt's dash stroker
does, along each run of finite points: the pattern runs on across corners (a pattern that began
again at every data point would show little more than its first dash where the years lie close,
and series would no longer be told apart by it) and starts again after a gap. Pure NumPy, no Qt;
a few dozen array operations per line, whatever its length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NONE = np.empty((0, 4))


def dash_segments(x: np.ndarray, y: np.ndarray, pattern: Sequence[float],
                  offset: float = 0.0) -> np.ndarray:
    """The dashes of the polyline through (x, y), in the same (pixel) units as the points, as
    an (n, 4) array of x1, y1, x2, y2. `pattern` alternates dash and gap lengths, starting with
    a dash, as QPen.dashPattern times the pen width; `offset` shifts it along the line. A
    non-finite point breaks the line, and the pattern starts again after it. A dash of length
    zero is kept where it falls on the line: Qt draws it as a dot (the pen's cap)."""
    return dash_lines([(x, y, pattern, offset)])[0]


def _usable(pattern: Sequence[float]) -> list[float] | None:
    lengths = [float(v) for v in pattern]
    if len(lengths) < 2 or len(lengths) % 2 or min(lengths) < 0 or not sum(lengths) > 0:
        return None  # Qt draws no dashes for these either
    return lengths


def dash_lines(lines: Sequence[tuple[np.ndarray, np.ndarray, Sequence[float], float]]
               ) -> list[np.ndarray]:
    """`dash_segments` for several lines at once, each (x, y, pattern, offset): one pass of
    array operations for all of them (the chart cuts the dashes of a panel's series together,
    as the cost is in the number of operations, not in the number of points)."""
    out = [NONE] * len(lines)
    kept: list[tuple[int, list[float]]] = []
    for i, (x, _y, pattern, _offset) in enumerate(lines):
        usable = _usable(pattern) if len(x) >= 2 else None
        if usable is not None:
            kept.append((i, usable))
    if not kept:
        return out
    slots = max(len(p) for _i, p in kept) // 2
    period = np.array([sum(p) for _i, p in kept])
    on_at = np.full((len(kept), slots), 0.0)
    on_len = np.full((len(kept), slots), -1.0)  # no such dash: never kept
    for row, (_i, p) in enumerate(kept):
        at = 0.0
        for j in range(0, len(p), 2):
            on_at[row, j // 2], on_len[row, j // 2] = at, p[j]
            at += p[j] + p[j + 1]
    gap = np.array([np.nan])
    parts_x: list[np.ndarray] = []
    parts_y: list[np.ndarray] = []
    owner: list[np.ndarray] = []
    shift = np.empty(len(kept))
    for row, (i, _p) in enumerate(kept):
        x, y, _pat, offset = lines[i]
        parts_x += [np.asarray(x, dtype=float), gap]
        parts_y += [np.asarray(y, dtype=float), gap]
        owner.append(np.full(len(x) + 1, row, dtype=np.intp))
        shift[row] = offset % period[row]
    x = np.concatenate(parts_x)
    y = np.concatenate(parts_y)
    line_of = np.concatenate(owner)[:-1]  # the line of each segment (of its first point)
    dx, dy = x[1:] - x[:-1], y[1:] - y[:-1]
    seg_len = np.hypot(dx, dy)  # NaN where a point is missing (and between two lines)
    drawn = seg_len > 0  # neither missing nor of length zero
    run = np.where(drawn, seg_len, 0.0)
    done = np.cumsum(run)
    broken = ~(drawn | (seg_len == 0))  # a missing point ends a run; a zero-length leg does not
    start = done - run - np.maximum.accumulate(np.where(broken, done, 0.0))
    idx = np.flatnonzero(drawn)
    if not len(idx):
        return out
    row_of = line_of[idx]
    per = period[row_of]
    s0 = start[idx] + shift[row_of]
    seg_len = seg_len[idx]
    first = np.floor(s0 / per)
    count = (np.floor((s0 + seg_len) / per) - first).astype(np.intp) + 1  # periods touched
    seg = np.repeat(np.arange(len(idx)), count)
    base = (first[seg] + (np.arange(len(seg)) - np.repeat(np.cumsum(count) - count, count))) * per[seg]
    s0_seg = s0[seg]
    s1_seg = s0_seg + seg_len[seg]
    row_seg = row_of[seg]
    pieces = []
    for j in range(slots):  # each dash of the patterns, over every period a segment touches
        at, length = on_at[row_seg, j], on_len[row_seg, j]
        lo = np.maximum(base + at, s0_seg)
        hi = np.minimum(base + at + length, s1_seg)
        keep = (hi > lo) | ((length == 0) & (hi >= lo))
        pieces.append((seg[keep], lo[keep], hi[keep]))
    which = np.concatenate([p[0] for p in pieces])
    if not len(which):
        return out
    order = np.argsort(row_of[which], kind="stable")  # by line; along each line within a dash
    which = which[order]
    lo = np.concatenate([p[1] for p in pieces])[order]
    hi = np.concatenate([p[2] for p in pieces])[order]
    k = idx[which]
    t0 = (lo - s0[which]) / seg_len[which]
    t1 = (hi - s0[which]) / seg_len[which]
    cut = np.empty((len(k), 4))
    xk, yk, dxk, dyk = x[k], y[k], dx[k], dy[k]
    cut[:, 0] = xk + dxk * t0
    cut[:, 1] = yk + dyk * t0
    cut[:, 2] = xk + dxk * t1
    cut[:, 3] = yk + dyk * t1
    ends = np.cumsum(np.bincount(row_of[which], minlength=len(kept)))
    for row, (i, _p) in enumerate(kept):
        out[i] = cut[(ends[row - 1] if row else 0):ends[row]]
    return out
