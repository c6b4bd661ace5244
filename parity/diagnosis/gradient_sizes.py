"""A gradient one program holds with fewer numbers than the parameter has: reduced over more axes than the batch's
(a bias's gradient summed over every axis to one number, then broadcast into the update), read against the port's
gradient reduced the same way."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding


def sizes_apart(parameter: str, mine: np.ndarray, theirs: np.ndarray, step: int) -> Finding | None:
    """The NumPy gradient of other size than the port's: which reduction of the port's it is, where one is."""
    mine, theirs = np.asarray(mine, np.float64), np.asarray(theirs, np.float64)
    if mine.size == theirs.size:
        return None
    evidence = {"step": step, "parameter": parameter, "stage": "backward", "side": "numpy" if mine.size < theirs.size else "torch"}
    small, large, who = (mine, theirs, "NumPy program") if mine.size < theirs.size else (theirs, mine, "port")
    said = f"The {who}'s gradient of {parameter} at step {step} holds {small.size} number(s) where the parameter has {large.size} ({large.shape})"
    if small.size == 1 and np.isclose(float(small.ravel()[0]), float(large.sum()), rtol=1e-4, atol=1e-8 * float(np.abs(large).sum())):
        return Finding("gradient-shape", f"{said}: it is the sum of the other's {large.size} entries, a gradient summed over "
                       "every axis (np.sum with no axis where axis=0, the batch's, belongs), then broadcast to every entry "
                       "in the update.", evidence, "Sum the gradient over the batch's axis alone (axis=0).", 0.9)
    return Finding("gradient-shape", f"{said}: reduced over other axes than the other program's, then broadcast in the update.",
                   evidence, "Reduce the gradient over the batch's axis alone, to the parameter's shape.", 0.75)
