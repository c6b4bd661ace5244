"""The soft targets a NumPy program makes from class labels, read as one number at each row's label and one at every
other class, beside what the port's loss makes of the labels: torch's label_smoothing=ε gives 1 - ε + ε/K and ε/K, so
a row of targets summing to 1 is that smoothing with ε = K·off. A smoothing written by hand over the K - 1 other
classes (ε/(K - 1) each) is another ε; a port without label_smoothing takes one-hot targets.

    t[i, k] = on   where k = y_i,   off elsewhere
"""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.value_trace import Value

AGREES = 1e-6  # relative: the same targets


def class_targets(value: Value, y: Value, port_values: list[Value]) -> str:
    """The targets in words where `value` (n, K) holds one number at y's class and one elsewhere and the port's loss
    makes other targets of the labels; "" where not."""
    labels = y.array.reshape(-1)
    targets = value.array
    if targets.ndim != 2 or targets.shape[0] != labels.size or targets.shape[1] < 2 or \
            not np.allclose(labels, np.round(labels)) or labels.min() < 0 or labels.max() >= targets.shape[1]:
        return ""
    at_label = np.zeros(targets.shape, bool)
    at_label[np.arange(labels.size), labels.astype(int)] = True
    on, off = targets[at_label], targets[~at_label]
    if np.ptp(on) > 1e-9 or np.ptp(off) > 1e-9:
        return ""
    on, off, classes = float(on[0]), float(off[0]), targets.shape[1]
    port = port_smoothing(port_values)
    if port is not None and _close(on, 1 - port + port / classes) and _close(off, port / classes):
        return ""  # the port's loss makes the same targets: they part elsewhere
    if not _close(on + (classes - 1) * off, 1.0):
        return ""  # rows that are no distribution: target_mass.py reads their mass
    said = f"The NumPy program's targets are {on:.6g} at each row's label and {off:.6g} at each of the other classes"
    equal = f": torch's label_smoothing={classes * off:.6g} gives these (ε/K = {off:.6g} on every class"
    spread = (f"; or a smoothing of {1 - on:.6g} spread over the other {classes - 1} classes only, ε/(K - 1) each)"
              if off > 0 else ")")
    theirs = ("" if port is None or port > 0 else " The port's loss takes the labels as they are (no label_smoothing): "
              "one-hot targets.")
    return f"{said}{equal}{spread}.{theirs}"


def port_smoothing(port_values: list[Value]) -> float | None:
    """The label_smoothing of the port's loss on class labels (0 for none), or None where it calls no such loss."""
    return next((label_smoothing(v) for v in port_values if v.op in ("cross_entropy", "nll_loss")), None)


def label_smoothing(value: Value) -> float:
    """The label_smoothing a traced call was given (0 where none)."""
    found = re.search(r"label_smoothing=([0-9.e-]+)", value.detail)
    return float(found.group(1)) if found else 0.0


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= AGREES * max(abs(a), abs(b), 1e-12)
