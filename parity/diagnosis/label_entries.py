"""A classifier's output delta that parts from the run's at each row's label entry alone, the other classes' entries
agreeing (up to one scale for all): what the label entries hold instead, read against the row's own probability.

    delta[i, j] = k · right[i, j]                  j ≠ label(i)
    delta[i, label(i)] = k · (right - p)[i, label(i)]  : the probability left out (= -1 where -= 1 belongs)

And a softmax cross-entropy's delta written p - y on targets whose rows do not sum to 1 (rewards, counts).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import fit_ratio

READ = 1e-5


def label_entries(seen: np.ndarray, right: np.ndarray, output: np.ndarray, y: np.ndarray) -> str:
    if seen.ndim != 2 or seen.shape != right.shape or y.shape != seen.shape or seen.shape[1] < 2:
        return ""
    if not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=1) == 1):
        return ""
    at_label = y.astype(bool)
    scale = fit_ratio(seen[~at_label], right[~at_label])
    if scale is None or scale[1] > READ or scale[0] <= 1e-6:  # the other entries at 0 agree with nothing: no scale
        return ""
    k = scale[0]
    gap = seen[at_label] - k * right[at_label]
    if np.abs(gap).max() <= READ * np.abs(seen).max():
        return ""
    unit = fit_ratio(right, output - y)  # the run's delta as c·(p - y): the probability enters it times c
    c = unit[0] if unit is not None and unit[1] <= READ else 1.0
    near = lambda expected: np.allclose(gap, expected, rtol=1e-6, atol=READ * np.abs(seen).max())  # noqa: E731
    lead = "every entry agrees with the run's but each row's label entry, which is"
    if near(-k * c * output[at_label]):
        return (f"{lead} the run's less the label's probability: -1 where p - 1 belongs, the label's entry assigned "
                "(dscores[range(n), y] = -1) where it is subtracted (-= 1) from the probabilities")
    for ones, words in ((-1, "the label's 1 subtracted twice (p - 2 where p - 1 belongs: y subtracted once, then -= 1 "
                             "at the label again)"), (1, "the label's 1 never subtracted (p where p - 1 belongs)")):
        if near(ones * k * c * np.ones_like(gap)):
            return f"{lead} {words}"
    return ""


def cross_entropy_shortcut(config: Any, y: np.ndarray, error: np.ndarray, seen: np.ndarray, tolerance: float) -> str:
    """A softmax cross-entropy's delta written p - y, the shortcut that holds only where each row of y sums to 1, on
    targets whose rows do not (rewards, weights, counts): the gradient is p·Σy - y."""
    sums = y.sum(axis=1)
    fit = fit_ratio(seen, error)
    if config.output_activation != "softmax" or not config.loss.startswith("ce") or np.allclose(sums, 1) or fit is None or fit[1] > tolerance:
        return ""
    scale = "" if abs(fit[0] - 1) <= 1e-6 else f"{fit[0]:.4g}·"
    return (f"{scale}(p - y), the cross-entropy's shortcut, which holds only where each row of y sums to 1: here "
            f"the rows of y sum to {', '.join(f'{v:.3g}' for v in sums[:5])}{', …' if len(sums) > 5 else ''} (targets weighted "
            f"by a reward or a count, not normalised), so the gradient is p·Σy - y.")
