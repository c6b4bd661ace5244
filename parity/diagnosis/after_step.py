"""What each program does to a parameter after its optimizer's step: a proximal shrink, a threshold, a clamp, a mask
applied again. The port's optimizer.step() is watched as it returns, so its result w' is known; each program's new
value is then read as one map of w', from a short list of the maps people write after a step:

    nothing             w' as it is
    a soft threshold    sign(w')·max(|w'| - τ, 0)       (an L1 proximal step)
    a hard threshold    w' where |w'| > τ, else 0
    a group shrink      w'_g·max(0, 1 - τ/‖w'_g‖)       (a group lasso's proximal step, by row or by column)
    a clamp             clip(w', -c, c)
    a mask              w' with some entries set to 0
    a scale             k·w'                             (a decay applied after the step)

Where the two programs' maps differ, in kind or in their constant, that is where they part.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import _optimizer
from parity.diagnosis.replays import replayed

CLOSE = 1e-4  # relative to the parameter's largest entry: float32's rounding of the new value
MOST_ELEMENTS = 4  # a map read on fewer entries (a one-number bias) fits too much


def after_step_finding(setup: Any, built: Any, step: int, parameter: str) -> Finding | None:
    numpy_side, torch_side = replayed(setup, built, step)
    optimizer = _optimizer(torch_side)
    if not isinstance(optimizer, torch.optim.Optimizer):
        return None
    rows, stepped, step_of = setup.rows(step), {}, optimizer.step

    def watched(*args, **kwargs):
        result = step_of(*args, **kwargs)
        stepped.update({k: np.asarray(v, np.float64) for k, v in torch_side.params().items()})
        return result

    optimizer.step = watched
    try:
        torch_side.step(rows)
    finally:
        optimizer.step = step_of
    if parameter not in stepped:
        return None
    before = np.asarray(numpy_side.params()[parameter], np.float64)
    numpy_side.step(rows)
    w = stepped[parameter]
    if w.size < MOST_ELEMENTS or _step_scaled(before, w, np.asarray(numpy_side.params()[parameter], np.float64)):
        return None  # too few entries to read a map; or the NumPy step is the port's step scaled (a rate, a gradient)
    mine, theirs = (_map(w, np.asarray(side.params()[parameter], np.float64)) for side in (numpy_side, torch_side))
    if mine is None or theirs is None or mine == theirs:
        return None
    return Finding("after-step", f"At step {step}, with the port's optimizer.step() watched as it returns, both programs' "
                   f"new {parameter} is one map of that step's result w': the NumPy program's is {mine}, the port's "
                   f"{theirs}. The two change the parameter otherwise after the optimizer's step (a proximal shrink, a "
                   "threshold, a mask applied again, written otherwise on one side).",
                   {"step": step, "stage": "update", "parameter": parameter, "numpy": mine, "torch": theirs},
                   "Apply the same map after the step in both programs, with the same constant (the step size times "
                   "the penalty, for a proximal step).", 0.85)


def _step_scaled(before: np.ndarray, w: np.ndarray, new: np.ndarray) -> bool:
    """Whether the NumPy program's step is the port's optimizer step times one number (new - w0 = c·(w' - w0)): a
    learning rate or a gradient's size, not a map after the step (a parameter started at 0 makes the two alike)."""
    port_step, numpy_step = w - before, new - before
    big = np.abs(port_step) > 1e-3 * max(float(np.abs(port_step).max(initial=0.0)), 1e-30)
    if not big.any():
        return False
    c = float(np.median(numpy_step[big] / port_step[big]))
    return bool(np.allclose(numpy_step, c * port_step, rtol=1e-4, atol=CLOSE * max(float(np.abs(w).max(initial=0.0)), 1e-30)))


def _map(w: np.ndarray, new: np.ndarray) -> str | None:
    """Words for the one map from the list that takes w' to the new value, or None."""
    if w.shape != new.shape:
        return None
    tol = CLOSE * max(float(np.abs(w).max(initial=0.0)), 1e-30)
    if np.allclose(new, w, rtol=0, atol=tol):
        return "w' as it is (nothing after the step)"
    zero = np.abs(new) <= tol
    kept = ~zero
    if kept.any() and zero.any() and np.allclose(new[kept], w[kept], rtol=0, atol=tol):
        tau = float(np.abs(w[zero]).max())
        if np.all(np.abs(w[kept]) > tau):
            return f"a hard threshold: w' where |w'| > {tau:.4g}, else 0 (no shrink of the entries kept)"
        return f"w' with {int(zero.sum())} entries set to 0 (a mask applied after the step)"
    if kept.any() and np.all(np.sign(new[kept]) == np.sign(w[kept])):
        shrink = np.abs(w[kept]) - np.abs(new[kept])
        tau = float(np.median(shrink))
        if tau > tol and np.allclose(shrink, tau, rtol=0, atol=tol) and np.all(np.abs(w[zero]) <= tau + tol):
            return f"a soft threshold at τ = {tau:.4g}: sign(w')·max(|w'| - τ, 0)"
    if (group := _group_shrink(w, new, tol)) is not None:
        return group
    bound = float(np.abs(new).max())
    if np.allclose(new, np.clip(w, -bound, bound), rtol=0, atol=tol) and np.any(np.abs(w) > bound + tol):
        return f"a clamp to ±{bound:.4g}"
    big = np.abs(w) > 1e-3 * max(float(np.abs(w).max(initial=0.0)), 1e-30)
    if big.any():
        k = float(np.median(new[big] / w[big]))
        if abs(k - 1) > 1e-6 and np.allclose(new, k * w, rtol=0, atol=tol):
            return f"w' scaled by {k:.6g} (a decay after the step)"
    return None


def _group_shrink(w: np.ndarray, new: np.ndarray, tol: float) -> str | None:
    """new = w'·max(0, 1 - τ/‖w'_g‖) over the rows (axis 1 norms) or the columns (axis 0 norms), one τ."""
    if w.ndim != 2:
        return None
    for axis, groups in ((1, "row"), (0, "column")):
        norms = np.linalg.norm(w, axis=axis, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = np.where(norms > 0, np.linalg.norm(new, axis=axis, keepdims=True) / norms, 0.0)
        live = np.ravel(factor) > 1e-9
        if not live.any():
            continue
        taus = np.ravel((1 - factor) * norms)[live]
        tau = float(np.median(taus))
        if tau > tol and np.allclose(taus, tau, rtol=1e-3, atol=tol) and np.allclose(new, w * factor, rtol=0, atol=tol):
            return f"a group shrink by each {groups}'s norm, τ = {tau:.4g}: w'_g·max(0, 1 - τ/‖w'_g‖) (a group lasso's proximal step)"
    return None
