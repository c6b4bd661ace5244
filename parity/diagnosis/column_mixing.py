"""An output delta whose columns are the run's mixed among themselves: seen = right · M, M read for its form."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import relative_gap

EXACT = 1e-5  # M reproduces the delta, and an entry of M is its form's, within this


def mixed_columns(seen: np.ndarray, right: np.ndarray) -> str:
    """Words where each column of the NumPy program's delta is a fixed mix of the run's columns: one column subtracted
    from every column (a reference class's contrast), the row's mean subtracted (centred), or the columns in another
    order; "" otherwise."""
    if seen.ndim != 2 or seen.shape != right.shape or not 2 <= seen.shape[1] < seen.shape[0]:
        return ""
    K = seen.shape[1]
    identity = np.eye(K)

    def gives(mix: np.ndarray) -> bool:  # the run's delta mixed so is the NumPy program's (M itself is not unique:
        return relative_gap(right @ mix, seen) <= EXACT  # a softmax's delta has rows summing to 0)

    for k in range(K):
        contrast = identity.copy()
        contrast[k, :] -= 1.0
        if gives(contrast):
            return (f"is the run's delta with its column {k} subtracted from every column, (p - y) - (p - y)[:, {k}:{k + 1}]: "
                    f"class {k}'s column is then 0 (its weights never move) and the others step with contrasts against it, "
                    "a reference class taken out of the gradient while the forward pass keeps every class.")
    if gives(identity - 1.0 / K):
        return ("is the run's delta with each row's mean over the columns subtracted (centred across the classes): a "
                "softmax's gradient taken through another normaliser.")
    for order in _orders(right, seen):
        if gives(identity[:, order]):
            return (f"is the run's delta with its columns in the order {order}: the classes (or targets) laid out "
                    "otherwise in the backward pass than in the forward.")
    return ""


def _orders(right: np.ndarray, seen: np.ndarray) -> list[list[int]]:
    """The column order that matches each of the NumPy delta's columns to the run's nearest one, where it is another."""
    order = [int(np.argmin([np.abs(seen[:, j] - right[:, i]).max() for i in range(right.shape[1])])) for j in range(seen.shape[1])]
    return [order] if len(set(order)) == len(order) and order != sorted(order) else []
