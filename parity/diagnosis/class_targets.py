"""The soft targets a NumPy program makes from class labels, read as one number at each row's label and one at every
other class: label smoothing written by hand (1 - ε on the label and ε/(K - 1) on the others, where torch's
label_smoothing gives 1 - ε + ε/K and ε/K), or one-hot targets scaled.

    t[i, k] = on   where k = y_i,   off elsewhere
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Value


def class_targets(value: Value, y: Value) -> str:
    """The targets in words where `value` (n, K) holds one number at y's class and one elsewhere; "" where not."""
    labels = y.array.reshape(-1)
    targets = value.array
    if targets.ndim != 2 or targets.shape[0] != labels.size or targets.shape[1] < 2 or \
            not np.allclose(labels, np.round(labels)) or labels.min() < 0 or labels.max() >= targets.shape[1]:
        return ""
    at_label = np.zeros(targets.shape, bool)
    at_label[np.arange(labels.size), labels.astype(int)] = True
    on, off = targets[at_label], targets[~at_label]
    if np.ptp(on) > 1e-9 or np.ptp(off) > 1e-9 or (abs(on[0] - 1) < 1e-12 and abs(off[0]) < 1e-12):
        return ""
    classes = targets.shape[1]
    shared = (f": the other {classes - 1} classes share {1 - on[0]:.6g} evenly, ε/(K - 1) each with ε = {1 - on[0]:.6g}"
              if abs(off[0] * (classes - 1) - (1 - on[0])) <= 1e-6 * max(abs(1 - on[0]), 1e-12) else "")
    return (f"The NumPy program's targets are {on[0]:.6g} at each row's label and {off[0]:.6g} at each of the other "
            f"classes{shared}; each row sums to {on[0] + (classes - 1) * off[0]:.6g}.")


