"""Ratios between the two programs' tensors: the measurements the stage-by-stage diagnosis names things by."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.tolerance.diagnosis import RATIO_SPREAD


def constant_ratio(numpy: np.ndarray, torch: np.ndarray) -> float | None:
    """numpy / torch where it is one number across the tensor (elements where torch is not near 0)."""
    a, b = np.ravel(np.asarray(numpy, np.float64)), np.ravel(np.asarray(torch, np.float64))
    big = np.abs(b) > 1e-3 * np.abs(b).max(initial=0.0)
    if not big.any():
        return None
    ratios = a[big] / b[big]
    middle = float(np.median(ratios))
    if middle == 0 or np.max(np.abs(ratios - middle)) > RATIO_SPREAD * abs(middle):
        return None
    return middle


def finding(name: str, explanation: str, evidence: dict, fix: str, score: float) -> Finding:
    return Finding(name, explanation, evidence, fix, score)


def ratio_meaning(ratio: float, rows: int) -> tuple[str, str] | None:
    for value, name, text in ((-1.0, "sign-flip", "the opposite sign"), (rows, "loss-reduction", f"{rows} times (the batch size): a sum where the other side takes a mean"),
                              (1 / rows, "loss-reduction", f"1/{rows} (one over the batch size): a mean where the other side sums"),
                              (2.0, "factor-2", "twice"), (0.5, "factor-2", "half")):
        if abs(ratio - value) <= 1e-3 * abs(value):
            return name, text
    return None
