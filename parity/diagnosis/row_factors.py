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


def row_and_column_factors(mine: np.ndarray, theirs: np.ndarray, trace: Trace) -> tuple[int, str] | None:
    """mine = theirs · r_i · c_j, a factor per row times a factor per column (one of them not constant): (rank,
    said), the column factors read against each row's label where the per-row factor is 1 / the label's column
    factor (rank 0), or one per column alone (1)."""
    if mine.ndim != 2 or min(mine.shape) < 2 or not np.all(theirs) or not np.all(mine):
        return None
    ratio = mine / theirs
    if np.any(np.sign(ratio) != np.sign(ratio[0, 0])):
        return None
    log = np.log(np.abs(ratio))
    rows, cols = log.mean(axis=1) - log.mean(), log.mean(axis=0)
    if np.abs(rows[:, None] + cols[None, :] - log).max() > 1e-6 or (np.ptp(rows) < 1e-6 and np.ptp(cols) < 1e-6):
        return None
    per_column = np.sign(ratio[0, 0]) * np.exp(cols)
    if np.ptp(rows) < 1e-6:
        return 1, f"times one factor per column, {_numbers(per_column)}, the same in every row."
    y = next((v.array for v in trace.values if v.op == "y"), None)
    labels = (y.argmax(axis=1) if y is not None and y.ndim == 2 and y.shape == mine.shape else
              y.astype(int) if y is not None and y.ndim == 1 and len(y) == len(mine) and np.all(y == np.round(y)) else None)
    if labels is not None and labels.min() >= 0 and labels.max() < mine.shape[1]:
        at_label = cols[labels] + rows
        if np.ptp(at_label) < 1e-6:
            return 0, (f"times one factor per column, {_numbers(per_column)}, over that of each row's label: the NumPy program "
                    "weights each class's column by its weight (a class weight broadcast along the class axis), where the "
                    "port weights each row by the weight of its label (w[labels][:, None]).")
    return None  # a factor per row alone is what a weighted reference's gradient is, before the program weights its delta


def _numbers(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in values[:8]) + (", …]" if len(values) > 8 else "]")
