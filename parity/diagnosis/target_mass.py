"""Soft targets that are no distribution: a NumPy program's label-smoothed (or mixed) targets whose every row sums
to one number other than 1. ε/(K - 1) on every class and 1 - ε added on the true one sums to 1 + ε/(K - 1); a
cross-entropy against them weighs the log-probabilities with that much more mass. Read from the NumPy program's
values made from y alone, where a product with a value made from the inputs (the log-probabilities) uses them."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe
from parity.diagnosis.written_readings import roots


def mass_apart(departing: list[Value], trace: Trace) -> str:
    for value in departing[:40]:
        array = value.array
        if array.ndim != 2 or array.shape[1] < 2 or np.any(array <= 0) or roots(trace, value.index) != {"y"}:
            continue  # smoothed targets put mass on every class: a multi-hot y (zeros and ones) is no smoothing
        sums = array.sum(axis=1)
        if np.ptp(sums) > 1e-9 * abs(sums[0]) or abs(sums[0] - 1) <= 1e-6 or not _weighs_the_inputs(value, trace):
            continue
        k = array.shape[1]
        low, high = float(array.min()), float(array.max())
        return (f"The NumPy program's targets {describe(value)}, made from y, sum to {sums[0]:.6g} in every row, not 1: "
                f"not a distribution over the {k} classes (entries {low:.4g} off the true class, {high:.4g} on it). "
                f"Label smoothing with ε puts ε/K on every class and 1 - ε more on the true one (rows summing to 1); "
                f"ε/(K - 1) on every class, or a mass added twice, makes the rows sum to {sums[0]:.6g}.")
    return ""


def _weighs_the_inputs(value: Value, trace: Trace) -> bool:
    """Whether a product uses the targets with a value made from X (the log-probabilities they weigh)."""
    for user in (trace.values[u] for u in value.users):
        if user.op.removesuffix(" (in place)") in ("multiply", "matmul", "dot", "einsum") and any(
                isinstance(i, int) and i != value.index and (trace.values[i].op == "X" or "X" in roots(trace, i))
                for i in user.inputs):
            return True
    return False
