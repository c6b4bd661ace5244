"""The shared value divided by its own sum over one axis on one side only: weights renormalised to sum to 1 (a top-k
gate's chosen probabilities, attention kept over a mask) on one side, used as they are on the other.

    v = x / Σ_axis x      on one side; x itself on the other
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, describe


def renormalised(departing: list[Value], frontier: Value, twin: Value, torch_trace: Trace, tolerance: float) -> str:
    """Which side divides the value both share by its sum over an axis, where the other side has no such value."""
    x = frontier.array
    for axis in range(x.ndim) if x.ndim >= 2 and x.size >= 4 else ():
        total = x.sum(axis=axis, keepdims=True)
        if x.shape[axis] < 2 or np.any(np.abs(total) <= 1e-12 * max(float(np.abs(x).max()), 1e-30)) or \
                np.ptp(total) <= 1e-6 * float(np.abs(total).max()):
            continue  # one entry along the axis (x / x is 1), or sums all one number (a constant scale, read elsewhere)
        normed = x / total
        mine = any(v.array.shape == x.shape and agrees(v.array, normed, tolerance) for v in departing[:24])
        theirs = any(v.array.shape == x.shape and agrees(v.array, normed, tolerance) for v in torch_trace.values)
        other = torch_trace.values[twin.index:] if mine else departing[:24]  # made from the shared value on
        if mine != theirs and not _normalises(other, x.shape, axis, tolerance):  # the other side's own normalisation
            # of another value (a softmax, exp(y) / Σ exp(y)) is a function apart, not a renormalisation left out
            who, other = ("The NumPy program", "the port") if mine else ("The port", "the NumPy program")
            if (elsewhere := _over_another_axis(x, axis, departing[:24] if not mine else torch_trace.values, tolerance)) is not None:
                return (f"{who} divides {describe(frontier)} by its sum over axis {axis}, {other} by its sum over axis "
                        f"{elsewhere}: the same renormalisation over another axis on each side (of sizes {x.shape[axis]} "
                        f"and {x.shape[elsewhere]}{', the batch' if 0 in (axis, elsewhere) else ''}).")
            return (f"{who} divides {describe(frontier)} by its sum over axis {axis} (each {'row' if axis == 1 else 'slice'} "
                    f"renormalised to sum to 1, as top-k gate weights are after the choice), where {other} uses it as it "
                    "is: the renormalisation left out on one side.")
    return ""


def _normalises(values: list[Value], shape: tuple, axis: int, tolerance: float) -> bool:
    """Whether one of these values is another of them divided by its own sum over the axis."""
    held = [v.array for v in values if v.array.shape == shape]
    for u in held:
        total = u.sum(axis=axis, keepdims=True)
        if np.all(np.abs(total) > 0) and not np.allclose(total, 1.0) and any(agrees(w, u / total, tolerance) for w in held
                                                                              if w is not u):
            return True
    return False


def _over_another_axis(x: np.ndarray, axis: int, values: list[Value], tolerance: float) -> int | None:
    """The other axis whose sum divides x in one of these values (the other side's renormalisation), or None."""
    for other in (a for a in range(x.ndim) if a != axis and x.shape[a] >= 2):
        total = x.sum(axis=other, keepdims=True)
        if np.all(np.abs(total) > 0) and any(v.array.shape == x.shape and agrees(v.array, x / total, tolerance) for v in values):
            return other
    return None
