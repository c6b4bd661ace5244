"""However small the learning rate: an update torch clearly made must be made on the NumPy side, and the same way.

Within the tolerance, a NumPy side that never moves a parameter (or moves it
up the gradient) would pass whenever lr · grad < atol; the direction is
judged apart from the size.
"""

from __future__ import annotations

import numpy as np

from parity.tolerance.table import UPDATE_FLOOR, UPDATE_ULPS


def direction_problem(numpy_update, torch_update, weight, dtype: str, largest: float = 0.0) -> str | None:
    """What is wrong with the NumPy side's update's direction, or None. weight: the torch side's parameter after
    the step, whose rounding sets what counts as a move; largest: the step's largest update of any parameter, beside
    which a gradient that is zero in exact arithmetic moves by its rounding alone."""
    a, b = np.asarray(numpy_update, dtype=np.float64), np.asarray(torch_update, dtype=np.float64)
    moved = float(np.abs(b).max(initial=0.0))
    eps = float(np.finfo(dtype).eps)
    if moved <= max(UPDATE_ULPS * eps * float(np.abs(np.asarray(weight)).max(initial=0.0)), UPDATE_FLOOR * eps * largest):
        return None  # torch's own step is at the level of rounding: no direction to check
    if not np.any(a):
        return f"the NumPy side does not move it; torch moves it by up to {moved:.3g}"
    if np.vdot(a, b) < -0.5 * np.linalg.norm(a) * np.linalg.norm(b):
        return "the NumPy side moves it against torch's update (up the gradient)"
    return None
