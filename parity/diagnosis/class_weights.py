"""A NumPy output delta that is the port's gradient times one number on the rows of each label: a weight per class
(a `pos_weight`, a class weight) in one program's loss that the other's gradient leaves out, or weighs otherwise.

    δ_numpy[i] = w_(y_i) · g_ref[i]      w one number per label, not all equal
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe

MOST_LABELS = 4  # classes read: a class weight is a few numbers, not one per row
SAME = 1e-4  # relative spread of the ratio within one label's rows


def label_weighted(deltas: list[Value], gradients: list[Value], trace: Trace, name: Callable[[Value], str]) -> str:
    y = next((v for v in trace.values if v.op == "y"), None)
    if y is None:
        return ""
    labels = np.ravel(y.array)
    kinds = np.unique(labels)
    if not 2 <= len(kinds) <= MOST_LABELS or not np.all(kinds == np.round(kinds)):
        return ""
    for mine in deltas:
        for theirs in (g for g in gradients if g.array.size == mine.array.size == labels.size):
            weights = _per_label(np.ravel(mine.array), np.ravel(theirs.array), labels, kinds)
            if weights is not None:
                said = ", ".join(f"{w:.6g} on the rows labelled {k:g}" for k, w in weights.items())
                return (f"The NumPy program's {describe(mine)} is {name(theirs)} times one number per label: {said}. "
                        "A weight per class (a pos_weight or class weight) that one program's loss gives and the other's "
                        "gradient leaves out or weighs otherwise.")
    return ""


def _per_label(mine: np.ndarray, theirs: np.ndarray, labels: np.ndarray, kinds: np.ndarray) -> dict[float, float] | None:
    big = np.abs(theirs) > 1e-6 * np.abs(theirs).max(initial=0.0)
    weights = {}
    for kind in kinds:
        rows = big & (labels == kind)
        if not rows.any():
            return None
        ratio = mine[rows] / theirs[rows]
        middle = float(np.median(ratio))
        if middle == 0 or np.ptp(ratio) > SAME * abs(middle):
            return None
        weights[float(kind)] = middle
    values = list(weights.values())
    positive = all(v > 0 for v in values) or all(v < 0 for v in values)  # a class weight scales, it flips no sign
    sized = all(1e-3 <= abs(v) <= 1e3 for v in values)  # weights as people give them (or divided by a batch's count);
    # thousands apart from 1 is a factor of another kind (a quotient's denominator) that only happens to split by label
    return weights if positive and sized and np.ptp(values) > 1e-3 * max(abs(v) for v in values) else None
