"""A per-row quantity reduced without keepdims and then combined with the square matrix it came from: NumPy
broadcasts a (n,) vector along the last axis, so column j takes row j's number. Where the same op with the vector
as a (n, 1) column gives a value of the other program's, the keepdims=True left out is the measured reading.

    s - log(exp(s).sum(axis=1))        (n,) broadcast along the columns
    s - log(exp(s).sum(axis=1, keepdims=True))      (n, 1): each row its own
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
