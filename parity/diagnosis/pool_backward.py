"""A pooling's backward written otherwise, read where the two backward passes part right after the pooled gradient:
a max's gradient sent to every element it pooled (a sum's or a mean's backward) where it belongs to the argmax only,
or a mean's gradient spread without its 1/k.

    port:  dx = dM routed to x == max       NumPy: dx = repeat(dM)          (the max's mask left out)
    port:  dx = repeat(dM) / k               NumPy: dx = repeat(dM)          (the mean's 1/k left out)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.path_terms import sent_back
from parity.diagnosis.value_trace import Trace, Value, agrees, axis_orders, describe

MAXIMA = ("max", "amax", "max_pool1d", "max_pool2d", "max_pool3d", "adaptive_max_pool1d", "adaptive_max_pool2d")
MEANS = ("mean", "avg_pool1d", "avg_pool2d", "avg_pool3d", "adaptive_avg_pool1d", "adaptive_avg_pool2d")


def spread_backward(first: Value, twin: Value, trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """The first departing value, or one made from it a few ops on: a pooled gradient spread back over the window
    is often written in steps (a repeat along each axis, np.kron with a block of ones), each but the last of
    another shape than the pooling's input."""
    seen, layer = {first.index}, [first]
    for _ in range(SPREAD_STEPS):
        if said := next((s for v in layer if (s := pool_backward(v, twin, torch_trace, tolerance))), ""):
            return said
        layer = [trace.values[u] for v in layer for u in v.users if u not in seen and not seen.add(u)][:8]
    return ""


SPREAD_STEPS = 4  # the first value and three generations of values made from it


def pool_backward(first: Value, twin: Value, torch_trace: Trace, tolerance: float) -> str:
    """A departing value of the NumPy program against the port's gradient at the pooling's input."""
    pooled = torch_trace.values[twin.inputs[0]] if twin.op == "grad" and twin.inputs and isinstance(twin.inputs[0], int) else None
    if pooled is None or pooled.op not in MAXIMA + MEANS:
        return ""
    source = next((torch_trace.values[i] for i in pooled.inputs if isinstance(i, int)), None)
    at_input = next((v for v in torch_trace.values if source is not None and v.op == "grad" and v.inputs[:1] == (source.index,)), None)
    if at_input is None:
        return ""
    mine = next((first.array.transpose(axes) for axes in axis_orders(first.array.shape)
                 if first.array.transpose(axes).shape == at_input.array.shape), None)
    if mine is None or agrees(mine, at_input.array, tolerance):
        return ""
    path = sent_back(pooled, source, torch_trace)  # the pooling's own term, where its input feeds a skip too
    theirs, x = path if path is not None and path.shape == at_input.array.shape else at_input.array, source.array
    if pooled.op in MAXIMA:
        kept = theirs != 0
        routed = kept.sum() <= pooled.array.size and np.all(mine[~kept] != 0) and agrees(mine[kept], theirs[kept], tolerance)
        at_maxima = np.isin(np.round(x[kept], 9), np.round(pooled.array.ravel(), 9)).all()
        if routed and at_maxima:
            return (f"The port's gradient at {describe(source)} is the NumPy program's {describe(first)} kept at "
                    f"{int(kept.sum())} of its {kept.size} entries, each where the input is its pooling's maximum, and zero "
                    f"elsewhere: the NumPy program sends the {pooled.op}'s gradient to every element it pooled (a sum's or a "
                    "mean's backward), where a max passes it to its argmax only (the mask x == max left out).")
        return ""
    k = x.size / max(pooled.array.size, 1)
    if k > 1 and agrees(mine, k * theirs, tolerance):
        return (f"The NumPy program's {describe(first)} is {k:g} times the gradient the port's {pooled.op} sends "
                f"{describe(source)}: the "
                f"{pooled.op} averages {k:g} elements, and its backward divides the gradient by {k:g}; the NumPy "
                f"program spreads it without the 1/{k:g} (a sum's backward where a mean's belongs).")
    return ""
