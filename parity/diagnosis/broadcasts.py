"""A per-row quantity reduced without keepdims and then combined with the square matrix it came from: NumPy
broadcasts a (n,) vector along the last axis, so column j takes row j's number. Where the same op with the vector
as a (n, 1) column gives a value of the other program's, the keepdims=True left out is the measured reading.

    s - log(exp(s).sum(axis=1))        (n,) broadcast along the columns
    s - log(exp(s).sum(axis=1, keepdims=True))      (n, 1): each row its own

And one vector broadcast along the other axis: the two programs add the same n numbers to an (n, n) value, one as
a row (b[None, :], unsqueeze(0)), the other as a column (b[:, None], unsqueeze(1)).
"""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, describe

BINARY = ("subtract", "add", "multiply", "divide", "true_divide")
REDUCTIONS = ("add.reduce", "sum", "mean", "maximum.reduce", "max", "amax", "logaddexp.reduce", "minimum.reduce")
MOST_VALUES = 12


def keepdims_left_out(values: list[Value], trace: Trace, other: Trace, tolerance: float) -> str:
    """The first of the values that combines a square matrix with a vector reduced over its rows' last axis without
    keepdims, where the same op on the vector as a column gives one of the other program's values."""
    for value in values[:MOST_VALUES]:
        op = value.op.removesuffix(" (in place)")
        if op not in BINARY or len(value.inputs) != 2 or not all(isinstance(i, int) for i in value.inputs):
            continue
        for position in (0, 1):
            vector, matrix = trace.values[value.inputs[position]], trace.values[value.inputs[1 - position]]
            n = vector.array.shape[0] if vector.array.ndim == 1 else 0
            if n < 2 or matrix.array.shape != (n, n) or (reduction := _reduced_per_row(vector, trace)) is None:
                continue
            operands = [matrix.array, matrix.array]
            operands[position] = vector.array[:, None]
            with np.errstate(all="ignore"):
                again = getattr(np, op)(*operands)
            twin = next((v for v in other.values if v.array.shape == again.shape and agrees(again, v.array, tolerance)), None)
            if twin is not None:
                return (f"The NumPy program's {describe(value)} combines the ({n}, {n}) {describe(matrix)} with the ({n},) "
                        f"{describe(vector)}, reduced from {describe(reduction)} with {reduction.detail} and no keepdims: "
                        f"NumPy broadcasts it along the last axis, so column j takes row j's number. With it as a ({n}, 1) "
                        f"column the same {op} gives the other program's {describe(twin)}: keepdims=True left out (or "
                        "[:, None]).")
    return ""


def _reduced_per_row(vector: Value, trace: Trace) -> Value | None:
    """The reduction over axis 1 (or -1) without keepdims that the vector is, or is made from by ops on it alone."""
    for _ in range(4):
        if vector.op in REDUCTIONS:
            axis = re.search(r"axis=\(?(-?\d+)", vector.detail)
            return vector if axis and axis.group(1) in ("1", "-1") and "keepdims=True" not in vector.detail else None
        arrays = [i for i in vector.inputs if isinstance(i, int)]
        if len(arrays) != 1 or trace.values[arrays[0]].array.shape != vector.array.shape:
            return None
        vector = trace.values[arrays[0]]
    return None


def other_axis(mine: np.ndarray, theirs: np.ndarray) -> str:
    """Two operands recovered from an (n, n) op, each one vector repeated, where one is the other transposed."""
    if mine.ndim != 2 or mine.shape[0] != mine.shape[1] or mine.shape[0] < 2 or mine.shape != theirs.shape:
        return ""
    scale = 1e-6 * max(float(np.abs(mine).max()), 1e-12)
    if np.allclose(mine, theirs, rtol=1e-6, atol=scale) or not np.allclose(mine, theirs.T, rtol=1e-6, atol=scale):
        return ""
    row = np.ptp(mine, axis=0).max() <= scale  # constant down each column: one number per column
    if not row and np.ptp(mine, axis=1).max() > scale:
        return ""  # a matrix, not a vector broadcast
    n = mine.shape[0]
    shapes = [f"a (1, {n}) row, one number per column ([None, :], unsqueeze(0))",
              f"a ({n}, 1) column, one number per row ([:, None], unsqueeze(1))"]
    mine_said, theirs_said = shapes if row else shapes[::-1]
    return (f" They are the same {n} numbers broadcast along other axes: the NumPy program's is {mine_said}, the "
            f"port's {theirs_said}; one side gives the vector its singleton axis in the other place.")
