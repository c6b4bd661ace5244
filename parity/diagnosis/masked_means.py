"""A loss averaged over a mask's entries on one side and over every entry on the other: the per-entry losses one
side computes, weighed by a 0/1 array the other side holds, give the other side's loss.

    numpy loss = Σ(ℓ·m) / Σm        port loss = mean(ℓ)          (ℓ the port's per-entry losses, m the NumPy mask)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe

MATCH = 1e-6  # relative gap of a loss recomputed this way to the side's own


def masked_mean_apart(numpy_trace: Trace, torch_trace: Trace, departing: list[Value]) -> str:
    """The port's mean of per-entry values (a loss's, or a term's) against a NumPy number that is those values averaged
    over the entries its 0/1 mask keeps: the mask kept on one side only, said with both counts."""
    numbers = [v for v in departing if v.array.size == 1]
    masks = [v for v in numpy_trace.values if v.array.size > 1 and np.isin(v.array, (0.0, 1.0)).all() and 0 < v.array.sum() < v.array.size]
    for mean in (v for v in torch_trace.values if v.op == "mean" and v.array.size == 1):
        each = next((torch_trace.values[i] for i in mean.inputs if isinstance(i, int)), None)
        if each is None or each.array.size < 2:
            continue
        for mask in (m for m in masks if m.array.size == each.array.size):
            m = mask.array.reshape(-1).astype(np.float64)
            kept = float(np.sum(each.array.reshape(-1) * m) / m.sum())
            scales = _scales(mean, torch_trace)  # 1, and the factor the port weighs its mean by after it (0.5·mean)
            if any(abs(c * kept - float(v.array.ravel()[0])) <= MATCH * max(abs(c * kept), 1e-12)
                   for v in numbers for c in scales):
                return (f"The port's mean is over all {each.array.size} entries of its {describe(each)}; the NumPy program "
                        f"averages those same values over the {int(m.sum())} entries its 0/1 {describe(mask)} keeps: the "
                        "mask's count is left out of the port's mean (padded or unobserved entries counted), or applied "
                        "on the NumPy side only.")
    return _along_an_axis(numpy_trace, torch_trace, departing, masks)


def _along_an_axis(numpy_trace: Trace, torch_trace: Trace, departing: list[Value], masks: list[Value]) -> str:
    """The same over one axis: the port's mean of (n, k, d) values over k, against the NumPy program's sum of them
    weighed by its (n, k) mask and divided by each row's count (a context's padded slots)."""
    for mean in (v for v in torch_trace.values if v.op == "mean" and v.array.size > 1):
        each = next((torch_trace.values[i] for i in mean.inputs if isinstance(i, int)), None)
        if each is None or each.array.ndim < 2:
            continue
        for axis in (a for a in range(each.array.ndim) if np.delete(np.array(each.array.shape), a).tolist() == list(mean.array.shape)):
            for mask in masks:
                m = _broadcast(mask.array, each.array.shape)
                if m is None or not np.all(m.sum(axis=axis) > 0):
                    continue
                kept = (each.array * m).sum(axis=axis) / m.sum(axis=axis)
                if any(v.array.shape == kept.shape and np.allclose(v.array, kept, rtol=MATCH * 10, atol=1e-12) for v in departing):
                    return (f"The port's mean over axis {axis} of its {describe(each)} counts all {each.array.shape[axis]} "
                            f"entries; the NumPy program averages the same values over the entries its 0/1 {describe(mask)} "
                            "keeps (each row's own count): the mask is left out of the port's mean (padded slots counted), "
                            "or applied on the NumPy side only.")
    return ""


def _broadcast(mask: np.ndarray, shape: tuple) -> np.ndarray | None:
    """A 0/1 mask laid against values of `shape`: as it is, or with trailing axes of 1 added ((n, k) against (n, k, d))."""
    m = mask.reshape(tuple(d for d in mask.shape if d != 1) or (1,))
    if m.shape == tuple(shape[:m.ndim]) and m.ndim < len(shape):
        return m.reshape(m.shape + (1,) * (len(shape) - m.ndim))
    return mask if mask.shape == tuple(shape) else None


def _scales(mean: Value, trace: Trace) -> list[float]:
    value = float(mean.array.ravel()[0])
    found = [1.0]
    for user in (trace.values[i] for i in mean.users[:3]):
        if user.array.size == 1 and value != 0 and user.op in ("mul", "div", "multiply", "divide", "truediv"):
            found.append(float(user.array.ravel()[0]) / value)
    return found


def mask_scaled(mine: np.ndarray, theirs: np.ndarray | None) -> str:
    """Two 0/c masks with their zeros in the same places, one number apart where they keep: one mask scaled otherwise
    on one side (an inverted dropout's 1/keep multiplied where it divides, or left out)."""
    if theirs is None or mine.size < 4 or not np.array_equal(mine == 0, theirs == 0) or not np.any(mine == 0):
        return ""
    kept = mine != 0
    ratio = mine[kept] / theirs[kept]
    k = float(np.median(ratio))
    if abs(k - 1) <= 1e-3 or np.ptp(ratio) > 1e-5 * abs(k) or np.ptp(theirs[kept]) > 1e-5 * float(np.abs(theirs[kept]).max()):
        return ""
    return (f" Both are one mask (zeros in the same {int((~kept).sum())} places, one value where they keep), the NumPy "
            f"program's {k:.6g} times the port's: the mask scaled otherwise on one side (an inverted dropout's 1/keep "
            "left out, or a keep probability multiplied where it divides).")


def zeroed_on_one_side(mine: np.ndarray, theirs: np.ndarray | None) -> str:
    """One side's operand the other's with some of its entries 0 and the rest equal: a mask applied to that factor on
    one side only (the other applies it elsewhere, to a whole sum, or not at all)."""
    if theirs is None or mine.size < 4 or mine.shape != theirs.shape:
        return ""
    for a, b, side, other in ((mine, theirs, "the NumPy program", "the port"), (theirs, mine, "the port", "the NumPy program")):
        zeroed = a == 0
        if zeroed.any() and not zeroed.all() and np.all(b[zeroed] != 0) and np.allclose(a[~zeroed], b[~zeroed], rtol=1e-6, atol=0):
            return (f" {side.capitalize()}'s is {other}'s with {int(zeroed.sum())} of its {a.size} entries 0 and the rest "
                    f"equal: a mask applied to that factor on one side ({side} masks it there; the other applies the mask "
                    "elsewhere, to a whole sum, or not at all).")
    return ""
