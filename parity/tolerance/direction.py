"""However small the learning rate: an update torch clearly made must be made on the NumPy side, and the same way.

Within the tolerance, a NumPy side that never moves a parameter (or moves it
up the gradient) would pass whenever lr · grad < atol; the direction is
judged apart from the size.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from parity.tolerance.reference import is_forward
from parity.tolerance.table import UPDATE_FLOOR, UPDATE_ULPS


def direction_problem(numpy_update, torch_update, weight, dtype: str, largest: float = 0.0, zero=None) -> str | None:
    """What is wrong with the NumPy side's update's direction, or None. weight: the torch side's parameter after
    the step, whose rounding sets what counts as a move; largest: the step's largest update of any parameter, beside
    which a gradient that is zero in exact arithmetic moves by its rounding alone; zero: the elements whose gradient
    is such rounding (rounding_of_zero), left out: an optimizer normalising by the gradient's size moves them by
    rounding of either sign."""
    a, b = np.asarray(numpy_update, dtype=np.float64), np.asarray(torch_update, dtype=np.float64)
    if zero is not None and np.shape(zero) == a.shape == b.shape:
        a, b = a[~zero], b[~zero]
    moved = float(np.abs(b).max(initial=0.0))
    eps = float(np.finfo(dtype).eps)
    if moved <= max(UPDATE_ULPS * eps * float(np.abs(np.asarray(weight)).max(initial=0.0)), UPDATE_FLOOR * eps * largest):
        return None  # torch's own step is at the level of rounding: no direction to check
    if not np.any(a):
        return f"the NumPy side does not move it; torch moves it by up to {moved:.3g}"
    if np.vdot(a, b) < -0.5 * np.linalg.norm(a) * np.linalg.norm(b):
        return "the NumPy side moves it against torch's update (up the gradient)"
    return None


def rounding_of_zero(name: str, record: Mapping, record64: Mapping | None, dtype: str) -> np.ndarray | None:
    """The elements of a parameter (or its update) whose gradient is zero in exact arithmetic: below UPDATE_FLOOR ulps
    of the step's largest gradient in the run's dtype and, where given, in the float64 step (a softmax's key bias, a
    bias before a normalisation). An optimizer that divides by the gradient's own size (Adam, RMSprop, Adagrad) turns
    that rounding, and the rounding its state keeps from earlier steps, into steps of up to the learning rate,
    different on each side: their difference is rounding normalised, not the programs'. None where the port records
    no gradients."""
    gradient = f"{name.removesuffix('.update')}.grad"
    if is_forward(name) or gradient not in record or (record64 is not None and gradient not in record64):
        return None
    masks = [_below_floor(gradient, values, kind) for values, kind in ((record, dtype), (record64, "float64")) if values is not None]
    return masks[0] & masks[-1] if masks[0].shape == masks[-1].shape else None


def _below_floor(gradient: str, values: Mapping, dtype: str) -> np.ndarray:
    largest = max(float(np.abs(np.asarray(v, np.float64)).max(initial=0.0)) for k, v in values.items() if k.endswith(".grad"))
    return np.abs(np.asarray(values[gradient], np.float64)) <= UPDATE_FLOOR * float(np.finfo(dtype).eps) * largest
