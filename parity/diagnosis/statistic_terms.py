"""The term of the chain rule through a statistic, left out of a NumPy backward pass: the path through a reduction
(its gradient broadcast back), or a term proportional, row by row or column by column, to a forward value (a
normalisation's x̂·mean(dx̂·x̂), a standardised weight's deviation held constant)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.missing_terms import aligned, gradient_name, is_gradient
from parity.diagnosis.ratios import constant_ratio, numbers_written
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

STATISTIC_PAIRS = 40  # departing values and gradients of their place compared for a statistic's term
FACTORS = 12  # the NumPy program's values of a reduced shape tried, alone and in pairs


SOFTMAX_ROW_SUM = "the softmax's backward as a·g, its row sum left out"


def statistic_term(first: Value, region: list[int], numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """Read after every other reading of the backward pass: the departing value against the port's gradient of its
    place, the difference the path through a reduction (its gradient broadcast back, times the NumPy program's mask
    over its count) or a term proportional, row by row or column by column, to a forward value."""
    departing = [first] + [numpy_trace.values[i] for i in region if i > first.index]
    gradients = [v for v in torch_trace.values if is_gradient(v)]
    pairs = _nearest([value for value in departing[:8] if np.any(value.array)], gradients)
    for value, theirs, a in pairs[:STATISTIC_PAIRS]:  # an unrolled recurrence has many: the nearest first
        if agrees(a, theirs.array, tolerance):
            continue
        if per_unit := _per_unit_factor(a, theirs.array, torch_trace, tolerance, {1.0} | numbers_written(numpy_trace)):
            return (f"It is {gradient_name(theirs, torch_trace)} divided by {per_unit}: a factor of the port's chain "
                    "per unit that the NumPy program leaves out or applies otherwise (a gain or scale on the weight, "
                    "XNOR's α, a weight norm's g/‖v‖).")
        gap = theirs.array - a
        if through := _through_reduction(gap, gradients, numpy_trace, tolerance):
            return (f"It is {gradient_name(theirs, torch_trace)} less {gradient_name(through[0], torch_trace)}, "
                    f"broadcast back and times the NumPy program's {through[1]}: the path through that "
                    "reduction (a mean or sum over the axes it is broadcast back along) left out on the NumPy side, "
                    "or there with another weight.")
        if rowwise := _row_scaled_term(gap, numpy_trace, tolerance, value.index, torch_trace):
            if _into_softmax(theirs, torch_trace):
                return (f"It is {gradient_name(theirs, torch_trace)} less {rowwise}: the port takes a softmax of that "
                        f"value, and the NumPy program writes {SOFTMAX_ROW_SUM} (a softmax's backward is a·(g - Σ a·g)).")
            return (f"It is {gradient_name(theirs, torch_trace)} less {rowwise}: the term of the chain rule through "
                    "a statistic over that axis (a normalisation's variance, x̂·mean(dx̂·x̂); a mean's or a norm's "
                    "path) left out on the NumPy side, or there with another weight.")
    return ""


def _nearest(values: list[Value], gradients: list[Value]) -> list[tuple[Value, Value, np.ndarray]]:
    """Each departing value with each of the port's gradients that fits it, the nearest pairs first (relative
    distance): a transformer's many gradients of one shape would fill the pairs compared before a value's own place."""
    fits = [(value, theirs, a) for value in values for theirs in gradients if (a := aligned(value.array, theirs.array)) is not None]
    distance = lambda pair: float(np.linalg.norm(pair[1].array - pair[2]) / max(np.linalg.norm(pair[1].array), 1e-300))  # noqa: E731
    return sorted(fits, key=distance)


def _per_unit_factor(mine: np.ndarray, theirs: np.ndarray, other: Trace, tolerance: float, numbers: set[float]) -> str:
    """mine = theirs / c, c one number per row or per column (three values or more, least squares, then checked): the
    per-unit factor, named where the port computes it in its forward pass (in any layout), up to a number the NumPy
    program writes (its moment's 1 - β1 taken already)."""
    if mine.ndim != 2 or min(mine.shape) < 3 or not np.any(theirs):
        return ""
    for axis, words in ((0, "column"), (1, "row")):
        c, scaled = _per_axis(theirs, mine, axis)
        if np.unique(np.round(c / max(float(np.abs(c).max(initial=0.0)), 1e-300), 4)).size < 3 or not agrees(scaled, theirs, tolerance):
            continue
        named = next((f"the port's {describe(v)}" + (f" times {1 / k:.6g}" if abs(k - 1) > 1e-9 else "")
                      for v in _port_forward(other) if v.array.size == c.size and (k := constant_ratio(np.ravel(v.array), c))
                      and any(abs(n * k - 1) <= 1e-6 or abs(n - k) <= 1e-6 * n for n in numbers)
                      and agrees(np.ravel(v.array) / k, c, tolerance)), "")
        return f"one number per {words}, {named}" if named else ""  # unnamed, the additive term's reading says more
    return ""


def _per_axis(target: np.ndarray, v: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """target ≈ c · v with one c per slice along `axis` (least squares): (c, c · v)."""
    size = np.sum(v * v, axis=axis)
    c = np.where(size > 0, np.sum(target * v, axis=axis) / np.where(size > 0, size, 1.0), 0.0)
    return c, np.expand_dims(c, axis) * v


def _port_forward(other: Trace) -> list[Value]:
    """The port's values before its first gradient: its forward pass (an optimizer's arrays come after)."""
    return other.values[:next((v.index for v in other.values if is_gradient(v)), len(other.values))]


def _row_scaled_term(gap: np.ndarray, trace: Trace, tolerance: float, before: int, other: Trace) -> str:
    """gap = c_i · v[i, :] (or c_j · v[:, j]) for one forward value v of the NumPy program and one number per row (per
    column), least squares, then checked: the term a per-row (per-column) statistic carries, proportional to v along
    it. One number for all is a factor, read elsewhere, and not said here. Values made before the departing one only
    (an optimizer's arrays of the weight's shape come after), then the port's forward values (a standardised weight,
    made from the weight alone, is traced on the port's side only)."""
    if gap.ndim < 2 or min(gap.shape[-1], gap.size // gap.shape[-1]) < 3 or not np.any(gap):
        return ""
    mine = [(f"the NumPy program's {describe(v)}", v.array) for v in trace.values[:before] if v.array.shape == gap.shape and v.op not in ("X", "y")]
    theirs = [(f"the port's {describe(v)}", a) for v in _port_forward(other) if v.op not in ("X", "y")
              and (a := aligned(v.array, gap)) is not None]  # a weight's statistic, which the NumPy trace does not see
    rows = lambda a: np.reshape(a, (-1, gap.shape[-1]))  # noqa: E731 - a statistic over the last axis, leading axes as rows
    gap = rows(gap)
    for source, v in [(s, rows(a)) for s, a in [*mine[-STATISTIC_PAIRS:], *theirs[-STATISTIC_PAIRS:]]]:
        if np.ptp(v) == 0:
            continue
        for axis, words in ((1, "row"), (0, "column")):
            c, scaled = _per_axis(gap, v, axis)
            moving = c[np.abs(c) > 1e-3 * np.abs(c).max(initial=0.0)]
            # a statistic's values: not one factor, nor two (a 0/1 mask's, a factor on the entries it keeps)
            levels = np.unique(np.round(moving / max(float(np.abs(moving).max(initial=0.0)), 1e-300), 3))
            if levels.size >= 3 and agrees(scaled, gap, tolerance):
                return f"one number per {words} times {source}"
    return ""


def _through_reduction(gap: np.ndarray, gradients: list[Value], trace: Trace, tolerance: float) -> tuple[Value, str] | None:
    """gap = G · F, G one of the port's gradients of a reduced shape (axes of size 1) broadcast back, F one of the
    NumPy program's values that broadcasts too, or the product or quotient of two (mask / count): the term a mean
    over those axes sends to each entry."""
    for reduced in (g for g in gradients if g.array.ndim == gap.ndim and g.array.shape != gap.shape and np.any(g.array)
                    and all(a in (1, b) for a, b in zip(g.array.shape, gap.shape))):
        spread = np.broadcast_to(reduced.array, gap.shape)
        factors = [v for v in trace.values if v.array.ndim == gap.ndim and v.array.shape != gap.shape and
                   all(a in (1, b) for a, b in zip(v.array.shape, gap.shape)) and np.ptp(v.array) > 0][:FACTORS]
        candidates = [(describe(v), v.array) for v in factors]
        candidates += [(f"{describe(a)} / {describe(b)}", a.array / b.array) for a in factors for b in factors
                       if a is not b and np.all(b.array != 0)]
        for words, factor in candidates:
            with np.errstate(all="ignore"):
                term = np.broadcast_to(factor, gap.shape) * spread
            if term.shape == gap.shape and agrees(term, gap, tolerance):
                return reduced, words
    return None


def _into_softmax(gradient: Value, trace: Trace) -> bool:
    """Whether the port's gradient is at a value the port takes a softmax of (its input)."""
    made = gradient.inputs[0] if gradient.inputs and isinstance(gradient.inputs[0], int) else None
    return made is not None and any(trace.values[u].op in ("softmax", "_softmax") for u in trace.values[made].users)
