"""A NumPy gradient that is the port's times one factor per entry that a parameter gives: θ^k of the parameter itself
(its derivative's power off by k: s² where s³ belongs), or the norm of another parameter's slice for each entry (a
weight normalisation's gain gradient without its 1/‖v‖, or with it twice).

    numpy_i = c · θ_i^k · port_i        or        numpy_j = ‖v_:,j‖^±1 · port_j
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.ratios import constant_ratio


def entry_factor(mine: np.ndarray, theirs: np.ndarray, before: dict, parameter: str) -> str:
    """In words, the factor per entry between the two gradients; "" where neither law holds."""
    return _power_apart(mine, theirs, before.get(parameter), parameter) or _norm_apart(mine, theirs, before, parameter)


def _power_apart(mine: np.ndarray, theirs: np.ndarray, value: np.ndarray | None, parameter: str) -> str:
    """The NumPy gradient the port's times c·θ^k entry by entry (θ the parameter, k = ±1, ±2): a power of the
    parameter off by k in its derivative (s² where s³ belongs)."""
    if value is None or np.shape(value) != np.shape(mine) or np.size(mine) < 3 or np.ptp(np.asarray(value, np.float64)) == 0:
        return ""
    a, b, theta = (np.asarray(x, np.float64).ravel() for x in (mine, theirs, value))
    for k in (1, -1, 2, -2):
        with np.errstate(all="ignore"):
            c = constant_ratio(a, b * theta ** k)
        if c is not None and abs(np.log(abs(c))) < np.log(1e3):
            power = f"{parameter}^{k}" if k != 1 else parameter
            return (f" The NumPy gradient is the port's times {'' if abs(c - 1) < 1e-6 else f'{c:.4g}·'}{power}, entry by entry: "
                    f"the derivative's power of {parameter} off by {abs(k)} (1/{parameter}² written where 1/{parameter}³ "
                    f"belongs, or {parameter} where {parameter}² does: an exponent written otherwise).")
    return ""


def _norm_apart(mine: np.ndarray, theirs: np.ndarray, before: dict, parameter: str) -> str:
    a, b = (np.asarray(x, np.float64) for x in (mine, theirs))
    if a.ndim != 1 or a.size < 3:
        return ""
    for name, value in before.items():
        v = np.asarray(value, np.float64)
        if name == parameter or v.ndim != 2:
            continue
        for axis in (ax for ax in (0, 1) if v.shape[1 - ax] == a.size):
            norms = np.linalg.norm(v, axis=axis)
            for k, words in ((1, "times"), (-1, "divided by")):
                if np.ptp(norms) > 1e-6 * norms.max() and np.allclose(a, b * norms ** k, rtol=1e-4, atol=1e-7 * np.abs(a).max()):
                    return (f" The NumPy gradient is the port's {words} the norm of {name}'s {'column' if axis == 0 else 'row'} "
                            f"for each entry (‖{name}‖ along axis {axis}): a division by that norm "
                            f"{'left out' if k == 1 else 'taken twice'} (a weight normalisation's gain gradient is "
                            f"Σ(dW·v)/‖v‖).")
    return ""
