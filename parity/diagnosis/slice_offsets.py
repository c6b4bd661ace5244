"""A slice taken at another offset: the NumPy program reads positions a:b of a value where the port's gradient (or
value) is what the same op gives on positions o:o + (b - a). A tap's window without its dilation, a frame's start
one sample off, a stride left out of an index. Measured by recomputing the op that takes the slice.

    dW[:, :, k] = einsum(dz, x_padded[:, :, k:k + T])        the tap k read at offset k
    dW[:, :, k] = einsum(dz, x_padded[:, :, k*d:k*d + T])    the port's: at offset k·d
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from parity.diagnosis.recompute import recomputed
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_match import in_a_layout
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

MOST_SLICES = 12


def offset_reading(region: list[int], trace: Trace, other: Trace, tolerance: float, name) -> tuple[str, str, float] | None:
    """A slice read at another offset, or a gradient scattered to other positions than the forward read: (words, fix, fit)."""
    if offset := slice_offset(region, trace, other, tolerance, name):
        return offset, "Take the slice at the offset the forward pass reads (its dilation, stride and start).", 0.8
    if scattered := scatter_offset(region, trace, other, tolerance, name):
        return (scattered, "Scatter each tap's gradient to the positions the forward pass read it from (the same start, "
                "stride and dilation).", 0.85)
    return None


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
        source = trace.values[taken.inputs[0]].array
        cuts = _cuts(taken.detail, source.shape)
        if not cuts:
            continue
        for user in (trace.values[u] for u in taken.users if u in region):
            if _matched(user.array, gradients, tolerance, _placed(user, trace)) is not None:
                continue  # this slice's op gives a gradient of the port's already: the slice is right
            for starts in itertools.product(*(range(source.shape[a] - (stop - start) + 1) for a, start, stop in cuts)):
                if all(o == start for o, (_, start, _) in zip(starts, cuts)):
                    continue
                place = [slice(None)] * source.ndim
                for o, (a, start, stop) in zip(starts, cuts):
                    place[a] = slice(o, o + stop - start)
                again = recomputed(user, taken.index, source[tuple(place)], trace)
                if again is None or again.shape != user.array.shape or agrees(again, user.array, tolerance):
                    continue
                found = _matched(again, gradients, tolerance, _placed(user, trace))
                if found is not None and (found[0].index, found[1]) not in right:
                    match, tap = found  # a tap the NumPy program gets right elsewhere is no place this slice was meant for
                    axes = ", ".join(str(a) for a, _, _ in cuts)
                    return (f"The NumPy program's {describe(taken)} reads positions {_spans(cuts)} of ax{'is' if len(cuts) == 1 else 'es'} "
                            f"{axes} of {describe(trace.values[taken.inputs[0]])}; read at "
                            f"{_spans([(a, o, o + stop - start) for o, (a, start, stop) in zip(starts, cuts)])}, its "
                            f"{user.op} gives {name(match)}{f'[..., {tap}]' if tap is not None else ''}: the slice is taken "
                            "at another offset (a dilation or stride left out of the index, a window one position off).")
    return ""


def _cuts(detail: str, shape: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """(axis, start, stop) of each axis an index slices a:b (at most two: an image's height and width), where every
    other axis is taken whole; [] for any other index (a step, an integer)."""
    cut = _slices(detail, len(shape))
    if cut is None or any(s.step is not None for s in cut):
        return []
    cuts = [(axis, *s.indices(shape[axis])[:2]) for axis, s in enumerate(cut) if s != slice(None)]
    return cuts if len(cuts) <= 2 and all(stop > start for _, start, stop in cuts) else []


def _spans(cuts: list[tuple[int, int, int]]) -> str:
    return ", ".join(f"{start}:{stop}" for _, start, stop in cuts)


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
        if in_a_layout(again, g, tolerance):
            return gradient, None
        if g.ndim == again.ndim + 1 and g.shape[:-1] == again.shape:
            taps = range(g.shape[-1]) if placed is None else [placed] if placed < g.shape[-1] else []
            tap = next((k for k in taps if agrees(again, g[..., k], tolerance)), None)
            if tap is not None:
                return gradient, tap
    return None


def scatter_offset(region: list[int], trace: Trace, other: Trace, tolerance: float, name) -> str:
    """A gradient scattered back to other positions than the forward pass gathered from: the NumPy program's writes
    into one array (dx_p[..., a:b] += piece, tap by tap), made again where its forward pass read an array of that
    shape (x_p[..., a:b:s], tap by tap), sum to one of the port's gradients. The positions said: the stride (the
    step of each slice) or the dilation (where each tap starts) the scatter leaves out.

    forward   cols[:, :, j] = x_p[:, :, j·d : j·d + s·L : s]        backward   dx_p[:, :, j·d : j·d + s·L : s] += dcols[:, :, j]"""
    gradients = port_gradients(other)
    for writes in _write_chains([trace.values[i] for i in region]):
        base = trace.values[writes[0].inputs[0]]
        if _whole(writes[-1].array, gradients, tolerance) is not None:
            continue  # its sum is one of the port's gradients already: written where it belongs
        pieces = [_piece(w, trace) for w in writes]
        reads = [v for v in trace.values[:base.index]
                 if v.op == "getitem" and isinstance((v.inputs or (None,))[0], int)
                 and trace.values[v.inputs[0]].array.shape == base.array.shape and _slices(v.detail, base.array.ndim)]
        for start in range(len(reads) - len(writes) + 1):
            window = reads[start:start + len(writes)]
            if any(r.array.shape != p[0].shape for r, p in zip(window, pieces)):
                continue
            again = base.array.copy()
            for read, (piece, added) in zip(window, pieces):
                place = _slices(read.detail, base.array.ndim)
                again[place] = again[place] + piece if added else piece
            if (match := _whole(again, gradients, tolerance)) is not None:
                return (f"The NumPy program writes its gradient into {describe(base)} at {_positions(writes)}; written "
                        f"where its forward pass reads {describe(trace.values[window[0].inputs[0]])}, at "
                        f"{_positions(window)}, the writes sum to {name(match)}: the backward scatters to other positions "
                        f"than the forward gathers from ({_what_differs(writes, window, base.array.ndim)}).")
    return ""


def _write_chains(values: list[Value]) -> list[list[Value]]:
    """Runs of sliced writes into one array (each write's array the one the previous write left), in order."""
    chains: dict[int, list[Value]] = {}
    for value in values:
        if not value.op.startswith("setitem") or not value.inputs or not isinstance(value.inputs[0], int):
            continue
        if not _slices(value.detail.split(" (")[0], value.array.ndim):
            continue
        chain = next((c for c in chains.values() if c[-1].index == value.inputs[0]), None)
        if chain is None:
            chains[value.index] = [value]
        else:
            chain.append(value)
    return [c for c in chains.values() if len(c) > 1][:MOST_SLICES]


def _piece(write: Value, trace: Trace) -> tuple[np.ndarray, bool]:
    """What one write puts into its array: the piece added to the slice it read (a[sl] += piece), or the value itself."""
    value = trace.values[write.inputs[1]] if len(write.inputs) > 1 and isinstance(write.inputs[1], int) else None
    if value is None:
        return np.asarray(write.inputs[1] if len(write.inputs) > 1 else 0.0, np.float64), False
    if value.op.startswith("add") and len(value.inputs) == 2:
        read, piece = value.inputs
        if isinstance(read, int) and trace.values[read].op == "getitem" and trace.values[read].inputs[:1] == write.inputs[:1]:
            return (trace.values[piece].array if isinstance(piece, int) else np.asarray(piece, np.float64)), True
    return value.array, False


def _slices(detail: str, ndim: int) -> tuple[slice, ...] | None:
    """An index of slices only (a:b, a:b:s, :), at least one of them narrowing, as a tuple to index with."""
    parts = [p.strip() for p in detail.split(",")]
    if not parts or len(parts) > ndim or not all(re.fullmatch(r"-?\d*:-?\d*(:\d+)?", p) for p in parts):
        return None
    cut = tuple(slice(*(int(n) if n else None for n in (p.split(":") + [""])[:3])) for p in parts)
    return cut if any(s != slice(None) for s in cut) else None


def _whole(array: np.ndarray, gradients: list[Value], tolerance: float) -> Value | None:
    """The port's gradient this array is, in the array's layout."""
    return next((g for g in gradients if in_a_layout(array, g.array, tolerance)), None)


def _positions(values: list[Value]) -> str:
    return ", ".join(f"[{v.detail.split(' (')[0]}]" for v in values[:4]) + (", ..." if len(values) > 4 else "")


def _what_differs(writes: list[Value], reads: list[Value], ndim: int) -> str:
    """The stride (each slice's step) or the dilation (where the taps start) the writes leave out, as measured."""
    pairs = [(_slices(w.detail.split(" (")[0], ndim), _slices(r.detail, ndim)) for w, r in zip(writes, reads)]
    steps = any((a.step or 1) != (b.step or 1) for w, r in pairs for a, b in zip(w, r))
    starts = any((a.start or 0) != (b.start or 0) for w, r in pairs for a, b in zip(w, r))
    said = [*(["each slice steps otherwise: a stride left out or added"] if steps else []),
            *(["the taps start elsewhere: a dilation or an offset left out or added"] if starts else [])]
    return "; ".join(said) or "another order of the taps"
