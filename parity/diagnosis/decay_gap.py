"""Two updates apart by a multiple of the parameter itself: a weight decay on one side, or with other coefficients
(λ·p where the other side takes lr·λ·p), or a decoupled decay applied on the other side of the step."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.decay_order import decay_order
from parity.diagnosis.finding import Finding
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
