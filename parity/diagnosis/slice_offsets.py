"""A slice taken at another offset: the NumPy program reads positions a:b of a value where the port's gradient (or
value) is what the same op gives on positions o:o + (b - a). A tap's window without its dilation, a frame's start
one sample off, a stride left out of an index. Measured by recomputing the op that takes the slice.

    dW[:, :, k] = einsum(dz, x_padded[:, :, k:k + T])        the tap k read at offset k
    dW[:, :, k] = einsum(dz, x_padded[:, :, k*d:k*d + T])    the port's: at offset k·d
"""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.recompute import recomputed
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

MOST_SLICES = 12


def slice_offset(region: list[int], trace: Trace, other: Trace, tolerance: float, name) -> str:
    """The first slice in the region whose op, given the same length at another offset, gives one of the port's
    gradients or one of their slices along the last axis (a kernel's tap)."""
    gradients = port_gradients(other)
    slices = [trace.values[i] for i in region if trace.values[i].op == "getitem" and isinstance(
        (trace.values[i].inputs or (None,))[0], int)]
    right = {(m.index, tap) for taken in slices[:MOST_SLICES] for u in taken.users if u in region
             if (found := _matched(trace.values[u].array, gradients, tolerance, _placed(trace.values[u], trace)))
             for m, tap in [found]}
    for taken in slices[:MOST_SLICES]:
        cut = _one_slice(taken.detail)
        if cut is None:
            continue
        axis, start, stop = cut
        source = trace.values[taken.inputs[0]].array
        if axis >= source.ndim or stop - start < 1:
            continue
        for user in (trace.values[u] for u in taken.users if u in region):
            if _matched(user.array, gradients, tolerance, _placed(user, trace)) is not None:
                continue  # this slice's op gives a gradient of the port's already: the slice is right
            for offset in (o for o in range(source.shape[axis] - (stop - start) + 1) if o != start):
                moved = np.take(source, range(offset, offset + stop - start), axis=axis)
                again = recomputed(user, taken.index, moved, trace)
                if again is None or again.shape != user.array.shape or agrees(again, user.array, tolerance):
                    continue
                found = _matched(again, gradients, tolerance, _placed(user, trace))
                if found is not None and (found[0].index, found[1]) not in right:
                    match, tap = found  # a tap the NumPy program gets right elsewhere is no place this slice was meant for
                    return (f"The NumPy program's {describe(taken)} reads positions {start}:{stop} of axis {axis} of "
                            f"{describe(trace.values[taken.inputs[0]])}; read at {offset}:{offset + stop - start}, its "
                            f"{user.op} gives {name(match)}{f'[..., {tap}]' if tap is not None else ''}: the slice is taken "
                            "at another offset (a dilation or stride left out of the index, a window one position off).")
    return ""


def _one_slice(detail: str) -> tuple[int, int, int] | None:
    """(axis, start, stop) of an index that slices one axis a:b and takes every other axis whole."""
    parts = [p.strip() for p in detail.split(",")]
    cuts = [(k, p) for k, p in enumerate(parts) if p != ":"]
    if len(cuts) != 1 or not (found := re.fullmatch(r"(-?\d*):(-?\d+)", cuts[0][1])):
        return None
    start = int(found.group(1) or 0)
    stop = int(found.group(2))
    return (cuts[0][0], start, stop) if start >= 0 and stop > start else None


def _placed(value: Value, trace: Trace) -> int | None:
    """The last-axis index the value is written into (dW[:, :, k] = value), if it is."""
    for user in (trace.values[u] for u in value.users):
        if user.op.startswith("setitem") and value.index in user.inputs and (k := re.search(r",\s*(\d+)$", user.detail)):
            return int(k.group(1))
    return None


def _matched(again: np.ndarray, gradients: list[Value], tolerance: float,
             placed: int | None = None) -> tuple[Value, int | None] | None:
    for gradient in gradients:
        g = gradient.array
        if g.shape == again.shape and agrees(again, g, tolerance):
            return gradient, None
        if g.ndim == again.ndim + 1 and g.shape[:-1] == again.shape:
            taps = range(g.shape[-1]) if placed is None else [placed] if placed < g.shape[-1] else []
            tap = next((k for k in taps if agrees(again, g[..., k], tolerance)), None)
            if tap is not None:
                return gradient, tap
    return None
