"""A NumPy program's hand-written Adam read against its port's torch.optim.Adam, where the two programs as written
part in the update with their gradients agreeing.

Both programs step in lockstep from the first step; the port's gradients (which agree with the NumPy program's,
or the update would not be the first place they part) give the moments m_t and v_t that torch's Adam keeps with
the port's own lr, betas and eps. Each NumPy update is then read by the laws `adam_law` reads the kit's own Adam
by: the step counter, the first moment's correction, ε inside the square root, another ε, a moment without its
(1 - β). Nothing is said where the port's optimizer is not a plain Adam (AMSGrad, a weight decay): the readings
would model an update the port does not make.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import torch

from parity.diagnosis.adam_law import _counter, _denominator, _eps, _moments, _moments_late, _numerator
from parity.diagnosis.adam_moments import moment_factor
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import _optimizer
from parity.diagnosis.replays import trace_tolerance

AHEAD = 2  # steps read past the failing one
LAW_AGREES = 1e-3  # a factor matches a law to this relative gap
SPREAD = 1e-2  # the elements of one step agree on their factor to this
MOST_STEPS = 8


def adam_written_finding(setup: Any, built: Any, step: int) -> Finding | None:
    """The law the NumPy program's Adam update departs from the port's torch.optim.Adam by, or None."""
    numpy_side, torch_side = built.make_sides()
    try:  # in float64, where an update too small for float32 to record still shows its factor
        numpy_side, torch_side = numpy_side.promoted(), torch_side.promoted()
    except Exception:  # noqa: BLE001 - a program that cannot be copied into float64: its own dtype
        pass
    optimizer = _optimizer(torch_side)
    if type(optimizer) not in (torch.optim.Adam, torch.optim.AdamW) or len(optimizer.param_groups) != 1:
        return None
    group = optimizer.param_groups[0]
    if group.get("amsgrad") or group.get("maximize"):
        return None
    decay, decoupled = float(group.get("weight_decay") or 0.0), type(optimizer) is torch.optim.AdamW
    config = SimpleNamespace(lr=float(group["lr"]), betas=tuple(map(float, group["betas"])), eps=float(group["eps"]))
    grads, updates = [], []
    for t in range(1, min(step + AHEAD, MOST_STEPS) + 1):
        rows = setup.rows(t)
        before = {name: np.asarray(value, np.float64) for name, value in numpy_side.params().items()}
        numpy_side.step(rows), torch_side.step(rows)
        gradients = torch_side.gradients() or {}
        after = numpy_side.params()
        if set(gradients) != set(before):
            return None  # a parameter the port steps without a gradient: no moments to read it by
        # AdamW shrinks the weights apart from the moments; Adam adds its L2 term to the gradient they are made of
        grads.append({name: np.asarray(g, np.float64) + (0.0 if decoupled else decay) * before[name]
                      for name, g in gradients.items()})
        updates.append({name: np.asarray(after[name], np.float64) - before[name] * (1 - (config.lr * decay if decoupled else 0.0))
                        for name in before})
        torch_side.load(after)
    tolerance = 10 * trace_tolerance(built)
    moments = _moments(grads, config.betas)
    readings = (_moments_late, _counter, _numerator, _denominator, _eps)
    return next((f for read in readings if (f := read(updates, moments, config, "numpy", tolerance)) is not None), None) \
        or moment_factor(updates, moments, config, "numpy", tolerance) or corrections(updates, moments, config)


def corrections(updates: list[dict], moments: list[dict], config: Any) -> Finding | None:
    """Each moment's bias correction read step by step, the other moment's taken as right: the factor k_t on v (from
    the denominator) or on m (from the numerator) at every step, matched against the laws a slip gives."""
    b1, b2 = config.betas
    for moment, right in (("v", lambda t: 1 / (1 - b2 ** t)), ("m", lambda t: 1 / (1 - b1 ** t))):
        factors = [_factor(moment, moved, state, t, config) for t, (moved, state) in enumerate(zip(updates, moments), 1)]
        if len(factors) < 2 or any(k is None for k in factors):
            continue
        if all(abs(k * (1 / right(t)) - 1) <= LAW_AGREES for t, k in enumerate(factors, 1)):
            continue  # the correction is right: the updates part elsewhere
        laws = _laws(moment, b1, b2)
        for words, law in laws.items():
            if all(abs(k / law(t) - 1) <= LAW_AGREES for t, k in enumerate(factors, 1)):
                shown = ", ".join(f"{k:.4g}" for k in factors[:4])
                return Finding("bias-correction", f"The NumPy program's Adam, read from its updates step by step against "
                               f"the port's torch.optim.Adam (the other moment right), corrects {moment} by the factor "
                               f"k = {shown} at steps 1, 2, … ({moment}_hat = k·{moment}): k is {words}.", {"side": "numpy", "moment": moment,
                               "factors": factors}, f"{moment}_hat = {moment} / (1 - beta{'2' if moment == 'v' else '1'} ** t).",
                               0.9)
    return None


def _laws(moment: str, b1: float, b2: float) -> dict:
    own, other = (b2, b1) if moment == "v" else (b1, b2)
    name, other_name = ("β2", "β1") if moment == "v" else ("β1", "β2")
    return {f"1/(1 - {name})^t, the power outside the parentheses (1 - beta ** t written (1 - beta) ** t)":
            lambda t: 1 / (1 - own) ** t,
            f"1/(1 - {other_name}^t), the other moment's β in its correction": lambda t: 1 / (1 - other ** t),
            "1, no bias correction at all": lambda t: 1.0,
            f"1/(1 - {name}^(t + 1)), the step counter one ahead": lambda t: 1 / (1 - own ** (t + 1)),
            f"1/(1 - {name}^(t - 1)) past the first step, the step counter one behind": lambda t: 1 / (1 - own ** max(t - 1, 1))}


def _factor(moment: str, moved: dict, state: dict, t: int, config: Any) -> float | None:
    """The one factor k with u = -lr·k_m·m / (√(k_v·v) + ε) at step t, read for one moment, the other's correction
    taken as right; None where the elements that show do not agree on one."""
    b1, b2 = config.betas
    read = []
    for name, u in moved.items():
        m, v = state[name]
        shown = np.abs(u) > 1e-3 * max(float(np.abs(u).max()), 1e-300)
        if not shown.any():
            continue
        u, m, v = u[shown], m[shown], v[shown]
        if moment == "v":
            root = -config.lr * (m / (1 - b1 ** t)) / u - config.eps
            read.append(root ** 2 / v)
        else:
            read.append(-u * (np.sqrt(v / (1 - b2 ** t)) + config.eps) / (config.lr * m))
    if not read:
        return None
    values = np.concatenate(read)
    k = float(np.median(values))
    return k if k > 0 and np.max(np.abs(values / k - 1)) <= SPREAD else None
