"""A NumPy backward value that is one of the port's gradients times one number per row of the batch, a different
number for each row: a mean over each row's own count (a graph's nodes, a sequence's steps, a bag's items) whose
1/n_i the backward leaves out, or takes twice. The numbers are read against a count either program holds.

    numpy[i, ...] = k_i · port_grad[i, ...]     for every row i, k_i not all equal
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, describe

SPREAD = 1e-4  # a row's ratios apart by no more than this, relative: one number for the row


def row_factor(first: Value, numpy_trace: Trace, torch_trace: Trace, name: Callable) -> str:
    """The port gradient of the value's shape that the value is, row by row, a number times; and what the numbers are."""
    batch = numpy_trace.values[0].array.shape[0] if numpy_trace.values and numpy_trace.values[0].array.ndim else 0
    if first.array.ndim < 2 or first.array.shape[0] < 3 or first.array.shape[0] != batch:
        return ""  # the rows of the batch only: a weight's gradient has one number per unit for any slip
    for grad in (g for g in port_gradients(torch_trace) if g.array.shape == first.array.shape):
        factors = _per_row(first.array, grad.array)
        counts = _held_counts(factors, numpy_trace, torch_trace) if factors is not None else ""
        if not counts:
            continue  # numbers per row that no count either program holds: not read as a mean's count
        shown = ", ".join(f"{k:.4g}" for k in factors[:6])
        return (f"It is {name(grad)} times one number per row of the batch, a different one for each ({shown}…)"
                f"{counts}: a mean over each row's own count (its nodes, steps or items) whose 1/n the NumPy backward "
                "leaves out or takes twice there, or another per-row weight.")
    return ""


def _per_row(mine: np.ndarray, theirs: np.ndarray) -> np.ndarray | None:
    """k_i with mine[i] = k_i · theirs[i] (entries both zero aside), where the k_i are not all one number."""
    rows = len(mine)
    a, b = mine.reshape(rows, -1), theirs.reshape(rows, -1)
    scale = float(np.abs(b).max(initial=0.0))
    if scale == 0:
        return None
    factors = []
    for x, y in zip(a, b):
        held = np.abs(y) > 1e-6 * scale
        if np.any(np.abs(x[~held]) > 1e-6 * max(float(np.abs(a).max()), 1e-30)) or held.sum() < 2:
            return None  # entries the port's gradient holds at zero and the NumPy value does not: no per-row factor
        ratios = x[held] / y[held]
        if np.ptp(ratios) > SPREAD * max(abs(float(np.median(ratios))), 1e-30):
            return None
        factors.append(float(np.median(ratios)))
    factors = np.asarray(factors)
    whole = lambda k: np.all(k >= 1.0 - 1e-6) and np.allclose(k, np.round(k), rtol=0, atol=1e-5 * k.max())  # noqa: E731
    if np.any(factors <= 0) or not (whole(factors) or whole(1 / factors)):
        return None  # counts, or one over counts: any other numbers per row are a delta's, not a mean's
    return factors if np.ptp(factors) > 1e-3 * np.abs(factors).max() else None


def _held_counts(factors: np.ndarray, numpy_trace: Trace, torch_trace: Trace) -> str:
    """A value of either program that holds the factors (or their inverses) per row: the count the mean divides by."""
    for side, trace in (("the port's", torch_trace), ("the NumPy program's", numpy_trace)):
        for value in trace.values:
            flat = value.array.reshape(-1)
            if value.op == "grad" or flat.size != factors.size or not np.all(flat):
                continue
            for form, words in ((flat, ""), (1 / flat, "one over ")):
                if np.allclose(factors, form, rtol=1e-5):
                    return f", which are {words}{side} {describe(value)}"
    return ""
