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
from parity.diagnosis.evidence import fit_ratio, relative_gap
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
    grads, updates, port_updates = [], [], []
    for t in range(1, min(step + AHEAD, MOST_STEPS) + 1):
        rows = setup.rows(t)
        before = {name: np.asarray(value, np.float64) for name, value in numpy_side.params().items()}
        lr = float(_optimizer(torch_side).param_groups[0]["lr"])  # as the step uses it: a scheduler stepped inside the
        numpy_side.step(rows), torch_side.step(rows)  # port's train_step moves it on for the next step
        gradients = torch_side.gradients() or {}
        after = numpy_side.params()
        if set(gradients) != set(before) or lr <= 0:
            return None  # a parameter the port steps without a gradient: no moments to read it by
        # AdamW shrinks the weights apart from the moments; Adam adds its L2 term to the gradient they are made of
        grads.append({name: np.asarray(g, np.float64) + (0.0 if decoupled else decay) * before[name]
                      for name, g in gradients.items()})
        # each update brought to the first step's rate, so that one lr reads them all (Adam's step is linear in lr)
        shrunk = 1 - (lr * decay if decoupled else 0.0)
        for moved, side in ((updates, after), (port_updates, torch_side.params())):
            moved.append({name: (np.asarray(side[name], np.float64) - before[name] * shrunk) * (config.lr / lr) for name in before})
        torch_side.load(after)
    tolerance = 10 * trace_tolerance(built)
    moments = _moments(grads, config.betas)
    if not (plain := _plain(port_updates, moments, config, tolerance)):
        return None  # no parameter the port's own Adam steps alone (each changed after the step: a norm constraint)
    updates, moments = ([{name: s[name] for name in plain} for s in series] for series in (updates, moments))
    readings = (_moments_late, _counter, _numerator, _denominator, _eps)
    return next((f for read in readings if (f := read(updates, moments, config, "numpy", tolerance)) is not None), None) \
        or moment_factor(updates, moments, config, "numpy", tolerance) or corrections(updates, moments, config) \
        or raw_numerator(updates, grads, moments, config)


def _plain(port_updates: list[dict], moments: list[dict], config: Any, tolerance: float) -> list[str]:
    """The parameters whose every update on the port's side is torch's Adam step from the moments alone: the ones
    whose NumPy updates the laws read (not a weight renormalised or clamped after the step)."""
    b1, b2 = config.betas

    def adam(m: np.ndarray, v: np.ndarray, t: int) -> np.ndarray:
        return -config.lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + config.eps)
    return [name for name in port_updates[0] if all(relative_gap(moved[name], adam(*state[name], t)) <= tolerance
                                                     for t, (moved, state) in enumerate(zip(port_updates, moments), start=1))]


def raw_numerator(updates: list[dict], grads: list[dict], moments: list[dict], config: Any) -> Finding | None:
    """Each update's numerator, -u·(√v̂ + ε)/lr, one number times the step's own gradient g at every parameter (a
    number per step, a schedule's), and no multiple of m̂, at every step past the first (where m̂ = g): the first
    moment kept and never used, an RMSprop step on g."""
    b1, b2 = config.betas
    if len(updates) < 2:
        return None
    for t, (moved, gradient, state) in enumerate(zip(updates, grads, moments), start=1):
        numerators = {name: -u * (np.sqrt(state[name][1] / (1 - b2 ** t)) + config.eps) / config.lr for name, u in moved.items()}
        along_g = _proportional(numerators, gradient)
        along_m = _proportional(numerators, {name: state[name][0] / (1 - b1 ** t) for name in moved})
        if not along_g or t > 1 and along_m:
            return None
    return Finding("optimizer-variant", "The NumPy program's Adam, read from its updates against the port's torch.optim.Adam "
                   "(the second moment right), steps along the step's own gradient g, not the bias-corrected first moment "
                   "m̂, at every parameter and step: its first moment is kept and never used (g where m_hat belongs), an "
                   "RMSprop step; the two agree at step 1, where m̂ = g.", {"side": "numpy"},
                   "Divide m_hat, not g, by sqrt(v_hat) + eps.", 0.9)


def _proportional(values: dict[str, np.ndarray], to: dict[str, np.ndarray]) -> bool:
    """values = k·to at every parameter, for one k > 0 (least squares over all of them, then checked)."""
    a = np.concatenate([np.ravel(values[n]) for n in values])
    b = np.concatenate([np.ravel(to[n]) for n in values])
    k = fit_ratio(a, b)[0] if np.any(b) else 0.0
    return k > 0 and np.allclose(a, k * b, rtol=1e-4, atol=1e-6 * float(np.abs(a).max(initial=0.0)))


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
