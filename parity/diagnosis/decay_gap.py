"""Two updates apart by a multiple of the parameter itself: a weight decay on one side, or with other coefficients
(λ·p where the other side takes lr·λ·p), or a decoupled decay applied on the other side of the step."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from parity.diagnosis.decay_order import decay_order
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import _optimizer, _stepping
from parity.diagnosis.ratios import constant_ratio

DECAY_ELEMENTS = 4  # entries a multiple of the parameter must hold on to say a decay: on one entry, any difference is one


def weight_decay_finding(context, parameter: str, a: np.ndarray, b: np.ndarray, before: np.ndarray, evidence: dict,
                  groups: list[dict]) -> Finding | None:
    """The updates apart by a multiple of the parameter itself (a decay on one side), or a decoupled decay applied
    after the step on one side and before it on the other."""
    gap = np.asarray(a, np.float64) - np.asarray(b, np.float64)
    held = np.count_nonzero(np.abs(before) > 1e-3 * np.abs(before).max(initial=0.0))
    decay = constant_ratio(gap, before) if held >= DECAY_ELEMENTS else None
    if decay is not None and abs(decay) < 0.5:
        side = "torch" if decay > 0 else "NumPy"
        return Finding("weight-decay", f"The updates of {parameter} differ by {abs(decay):.3g} times the parameter itself: "
                       f"{_decay_coefficients(decay, groups) or f'weight decay (lr x λ = {abs(decay):.3g}) applied on the {side} side only, or with other coefficients'}.",
                       {**evidence, "lr_times_decay": decay},
                       "Apply the same weight decay (and the same kind: L2 in the gradient, or decoupled) on both sides.", 0.85)
    if order := decay_order(context):
        return Finding("weight-decay", order[0], {**evidence, "side": order[1]},
                       "Shrink the weights before the step, as torch's AdamW does.", 0.85)
    return None


def decayed_gradient(a: np.ndarray, b: np.ndarray, before: dict, evidence: dict) -> Finding | None:
    """Two gradients of evidence's parameter apart by one multiple of the parameter itself, entry by entry (NumPy's minus
    the port's = c·θ over enough entries, and nowhere else): an L2 term λ·θ in the gradient on one side only, or with
    another λ on each. before: the parameters at the step's start."""
    parameter, step = evidence["parameter"], evidence["step"]
    gap, theta = np.asarray(a, np.float64) - np.asarray(b, np.float64), np.asarray(before[parameter], np.float64)
    if gap.shape != theta.shape or np.count_nonzero(np.abs(theta) > 1e-3 * np.abs(theta).max(initial=0.0)) < DECAY_ELEMENTS:
        return None
    decay = float(np.vdot(gap, theta) / np.vdot(theta, theta))  # least squares: a ratio entry by entry is rounding's
    if not decay or abs(decay) >= 1 or np.max(np.abs(gap - decay * theta)) > 1e-3 * np.abs(gap).max():  # where θ is small
        return None
    more, less = ("NumPy program's", "port's") if decay > 0 else ("port's", "NumPy program's")
    return Finding("weight-decay", f"At step {step} the {more} gradient of {parameter} is the {less} plus {abs(decay):.4g} times "
                   f"{parameter} itself, entry by entry: an L2 term λ·{parameter} (weight decay in the gradient) on one side "
                   f"only, or with another λ on each side (the ½ of a (λ/2)·‖{parameter}‖² penalty kept in its derivative on "
                   "one side, or λ written twice).", {**evidence, "decay_gap": decay},
                   f"Add the same λ·{parameter} to the gradient on both sides (the derivative of (λ/2)·‖{parameter}‖² is "
                   f"λ·{parameter}).", 0.85)


def _decay_coefficients(decay: float, groups: list[dict]) -> str:
    """A decay gap read against the port's lr and λ: λ·p on one side where the other takes lr·λ·p (the rate left out
    of a decoupled decay), or lr·λ·p on one side only."""
    for group in groups:
        lr, lam = float(group.get("lr", 0.0)), float(group.get("weight_decay", 0.0) or 0.0)
        if lam <= 0 or lr <= 0:
            continue
        if abs(abs(decay) - lam * abs(1 - lr)) <= 1e-3 * lam:
            more = "NumPy program" if decay < 0 else "port"
            return (f"the {more} shrinks it by λ·p = {lam:g}·p where the other program shrinks it by lr·λ·p = {lr * lam:.3g}·p "
                    f"(the port's lr = {lr:g}, weight_decay = {lam:g}): the learning rate left out of a decoupled decay")
        if abs(abs(decay) - lr * lam) <= 1e-3 * lr * lam:
            side = "port" if decay > 0 else "NumPy program"
            return (f"lr·λ = {lr:g}·{lam:g}, the port's decay: the {side} decays {'it' if side == 'port' else 'it too'}, the "
                    f"other does not (weight decay applied on one side only)")
    return ""


def decay_kinds(built: Any, decayed: Finding) -> Finding | None:
    """A decay read in one side's optimizer state (λ·θ in the gradient its moments are made of) beside a port whose
    own optimizer holds that λ for the parameter: the same λ applied in two kinds, L2 in the gradient on one side
    and decoupled from it (AdamW's p -= lr·λ·p) on the other."""
    parameter, lam, side = (decayed.evidence.get(k) for k in ("parameter", "decay", "side"))
    group, optimizer = _port_group(built, parameter)
    held = float((group or {}).get("weight_decay") or 0.0)
    if group is None or lam is None or not held or abs(held - abs(lam)) > 1e-3 * held:
        return None
    decoupled = isinstance(optimizer, torch.optim.AdamW) or bool(group.get("decoupled_weight_decay"))
    name = type(optimizer).__name__
    if decoupled and side == "numpy":
        said = (f"the NumPy program adds λ·{parameter} to the gradient its moments are made of (an L2 term, as "
                f"torch.optim.Adam(weight_decay={held:g}) does), where the port's {name} with weight_decay={held:g} "
                "decays the weights apart from the gradient (decoupled: p -= lr·λ·p, its moments see the bare gradient)")
    elif not decoupled and side == "torch":
        said = (f"the port's {name} with weight_decay={held:g} adds λ·{parameter} to the gradient its moments are made "
                "of (an L2 term), where the NumPy program's moments see the bare gradient (a decay decoupled from the "
                "gradient, as AdamW's p -= lr·λ·p, or none)")
    else:
        return None
    state = decayed.evidence.get("state")
    return Finding("weight-decay", f"The {state} of {parameter} differs at step 1 by λ = {held:g} times the parameter "
                   f"itself{' (times 1 - β1)' if state == 'exp_avg' else ''}: the same λ in two kinds of weight decay: {said}.",
                   {k: v for k, v in decayed.evidence.items() if k != "side"},
                   "Decay alike: torch.optim.Adam(weight_decay=λ) for an L2 term in the gradient, torch.optim.AdamW for "
                   "a decay decoupled from it.", 0.85)


def _port_group(built: Any, parameter: str | None) -> tuple[dict | None, Any]:
    """The port's optimizer's parameter group that holds `parameter`, and the optimizer."""
    try:
        side = _stepping(built.make_sides()[1])
        optimizer = _optimizer(side)
        pair = next(p for p in side.pairs if p.name == parameter)
        tensor = side.parameter(pair)
    except Exception:  # noqa: BLE001 - a port that cannot be built again here, or no such parameter: nothing to read
        return None, None
    return next((g for g in getattr(optimizer, "param_groups", []) if any(p is tensor for p in g["params"])), None), optimizer
