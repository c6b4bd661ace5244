"""A weight decay in a first step's optimizer state: at step 1 a momentum buffer is g and Adam's first moment
(1 - β1)·g on both sides, so two states apart by one multiple of the parameter, λ·θ (times 1 - β1), are a decay λ·θ
added to the gradient on one side only (or another λ). A parameter of one entry is read beside the others of its kind.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import constant_ratio


def decay_in_state(name: str, numpy_record: dict, torch_record: dict, step: int, constants: dict[str, float],
                   before: np.ndarray | None, every_before: dict | None = None) -> Finding | None:
    """At the first step a momentum buffer is g and Adam's first moment (1 - β1)·g on both sides: where the two differ
    by one multiple of the parameter, λ·θ (times 1 - β1), one side adds a weight decay λ·θ to its gradient that the
    other does not (or another λ): the biases decayed too, the 2 of d(λ‖θ‖²)/dθ. Not where another parameter's state
    parts too by no multiple of its own value: one mechanism moves them all, and for a weight of one column (a rank-1
    matrix) its own term λ·θ is any rank-1 term's (a spectral norm's σ-gradient)."""
    parameter, _, kind = name.partition(".")
    scale = {"momentum_buffer": 1.0, "exp_avg": 1 - constants.get("β1", 2.0)}.get(kind)
    if step != 1 or before is None or scale is None or scale <= 0:
        return None
    theta = np.asarray(before, np.float64)
    gap = np.asarray(numpy_record[name], np.float64) - np.asarray(torch_record[name], np.float64)
    if np.size(theta) < 2 and every_before:  # one entry is a multiple of itself: read beside the others of its kind
        theta, gap = _pooled(kind, numpy_record, torch_record, every_before, parameter, theta, gap)
    if np.count_nonzero(np.abs(theta) > 1e-3 * np.abs(theta).max(initial=0.0)) < 2:
        return None  # a parameter at 0 (a bias as initialised): any difference is a multiple of nothing
    decay = constant_ratio(gap, scale * theta)
    if decay is None:  # a small λ (5e-4) is a gap near the moments' rounding: a multiple to that rounding will do
        rounding = _state_rounding(parameter, numpy_record, torch_record, scale, name)
        largest = float(np.abs(gap).max(initial=0.0))
        decay = _multiple(gap, scale * theta, min(rounding, 0.01 * largest)) if largest > 10 * rounding else None
    if decay is None or abs(decay) < 1e-8 or _others_apart(kind, numpy_record, torch_record, every_before or {}, parameter, scale):
        return None
    if flipped := _sign_flipped(decay, constants.get("λ", 0.0), kind, parameter, step, scale):
        return flipped
    side, who = ("numpy", "NumPy program") if decay > 0 else ("torch", "port")
    return Finding("weight-decay", f"The {kind} of {parameter} differs at step 1 by {abs(decay):.4g} times the parameter "
                   f"itself{'' if scale == 1 else ' (times 1 - β1)'}: the {who} adds a weight decay λ·{parameter} with λ "
                   f"= {abs(decay):.4g} more to the gradient than the other (decay applied to a parameter the other side "
                   f"leaves alone, such as a bias; or λ doubled, the 2 of d(λ‖θ‖²)/dθ).",
                   {"step": step, "parameter": parameter, "state": kind, "decay": decay, "side": side},
                   "Add the same weight decay to the same parameters in both programs.", 0.85)


def _sign_flipped(decay: float, port_decay: float, kind: str, parameter: str, step: int, scale: float) -> Finding | None:
    """The NumPy state short of the port's by 2λ·θ, λ the port's own coupled weight_decay: the NumPy program adds
    -λ·θ (g - λθ), the decay's sign flipped."""
    if port_decay <= 0 or abs(decay + 2 * port_decay) > 1e-3 * port_decay:
        return None
    return Finding("weight-decay", f"The {kind} of {parameter} differs at step 1 by {abs(decay):.4g} times the parameter "
                   f"itself{'' if scale == 1 else ' (times 1 - β1)'}: twice the port's own weight_decay, λ = {port_decay:g}, "
                   f"and less on the NumPy side. The port adds λ·{parameter} to the gradient; the NumPy program subtracts it "
                   "(g - λ·θ): the weight decay's sign is flipped in the NumPy program.",
                   {"step": step, "parameter": parameter, "state": kind, "decay": decay, "side": "numpy"},
                   "Add λ·θ to the gradient (g + λ·θ), as the port's optimizer does.", 0.85)


def _pooled(kind: str, numpy_record: dict, torch_record: dict, before: dict, parameter: str, theta: np.ndarray,
            gap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The parameter's value and state gap joined by every other parameter's of the same kind (flattened)."""
    thetas, gaps = [theta.ravel()], [gap.ravel()]
    for name in (n for n in numpy_record if n.endswith(f".{kind}") and n in torch_record and n != f"{parameter}.{kind}"):
        other = before.get(name.rpartition(".")[0])
        mine, theirs = (np.asarray(r[name], np.float64) for r in (numpy_record, torch_record))
        if other is not None and np.shape(other) == mine.shape == theirs.shape:
            thetas.append(np.asarray(other, np.float64).ravel())
            gaps.append((mine - theirs).ravel())
    return np.concatenate(thetas), np.concatenate(gaps)


def _others_apart(kind: str, numpy_record: dict, torch_record: dict, before: dict, parameter: str, scale: float) -> bool:
    """Another parameter's state of this kind parts at step 1 by no multiple of that parameter's value."""
    for name in (n for n in numpy_record if n.endswith(f".{kind}") and n in torch_record and n != f"{parameter}.{kind}"):
        theta = before.get(name.rpartition(".")[0])
        mine, theirs = (np.asarray(r[name], np.float64) for r in (numpy_record, torch_record))
        if theta is None or mine.shape != theirs.shape or np.abs(mine - theirs).max(initial=0.0) <= 1e-3 * max(
                float(np.abs(theirs).max(initial=0.0)), 1e-30):
            continue  # agreeing to the run's rounding (float32's, in a moment scaled by 1 - β1)
        if not _multiple_of(mine - theirs, scale * np.asarray(theta, np.float64), 1e-3 * float(np.abs(theirs).max())):
            return True
    return False


def _state_rounding(parameter: str, numpy_record: dict, torch_record: dict, scale: float, name: str) -> float:
    """How far two states made from agreeing gradients may part: the gradients' own gap (times the state's 1 - β1)
    and a few units of the state's last place (gradients kept to the program: a float32 gradient's own rounding)."""
    grads = [np.asarray(r[f"{parameter}.grad"], np.float64) for r in (numpy_record, torch_record) if f"{parameter}.grad" in r]
    state = np.asarray(torch_record[name])
    unit = float(np.finfo(state.dtype).eps) if state.dtype.kind == "f" else 1e-16
    apart = scale * float(np.abs(grads[0] - grads[1]).max(initial=0.0)) if len(grads) == 2 else 1e-5 * float(np.abs(state).max())
    return apart + 8 * unit * float(np.abs(state).max(initial=0.0))


def _multiple(gap: np.ndarray, theta: np.ndarray, rounding: float) -> float | None:
    """λ where gap = λ·θ to `rounding` (least squares)."""
    if gap.shape != theta.shape or not np.any(theta):
        return None
    lam = float(np.vdot(gap, theta) / np.vdot(theta, theta))
    return lam if float(np.abs(gap - lam * theta).max(initial=0.0)) <= rounding else None


def _multiple_of(gap: np.ndarray, theta: np.ndarray, rounding: float) -> bool:
    """gap = λ·θ for one λ, to the state's own rounding (a small decay of a small bias is mostly float32's noise)."""
    return _multiple(gap, theta, rounding) is not None
