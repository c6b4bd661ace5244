"""The recurrence each side's updates of one parameter follow, fitted over a few steps in lockstep:

    u_t = a·u_(t-1) + b·g_t + c·g_(t-1) + d·p_t

with g_t the port's gradient at the shared start p_t. Every optimizer of the SGD family is one: heavy-ball momentum
(μ, -lr(1 - dampening), 0), Nesterov (μ, -lr(1 + μ(1 - dampening)), lr·μ), weight decay in d. Where both sides
follow one and the laws differ, the coefficient that differs names the constant: μ, the rate, the dampening (a buffer
kept as an average, μ·buf + (1 - μ)·g), Nesterov's look-ahead on one side, or the decay."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import ratio_meaning
from parity.diagnosis.replays import lockstep

STEPS = 6  # steps stepped in lockstep, from the first; the law is fitted past the first
HOLDS = 1e-4  # relative residual of a law that holds (float32 updates carry ~1e-6)
SAME = 1e-3  # coefficients this close (relative) are one
LOOK_AHEAD = 1e-2  # Nesterov's c = lr·μ is μ/(1 + μ(1 - dampening)) of b, a tenth at μ = 0.1: below this, c is rounding
GRADIENT_ALONE = "the other terms alike: one side's gradient is that factor times the other's (a factor in a backward pass or a loss)"
NAMES = ("μ (the last update's weight)", "b (the gradient's)", "c (the last gradient's)", "λ (the decay, d/(b + c))")


def recurrence_finding(setup: Any, built: Any, step: int, parameter: str) -> Finding | None:
    history = _history(setup, built, max(step + 1, STEPS), parameter)
    if history is None:
        return None
    grads, starts, updates, alike = history
    laws = {side: _fit(u, grads, starts) for side, u in updates.items()}
    if any(law is None for law in laws.values()):
        return None
    mine, theirs = _constants(laws["numpy"]), _constants(laws["torch"])
    scale = max(abs(mine[1]), abs(theirs[1]), 1e-30)
    allowed = (2 * SAME, SAME * scale, SAME * scale, 20 * SAME * max(abs(mine[3]), 1e-4))  # a small term is read coarser
    apart = [k for k in range(4) if abs(mine[k] - theirs[k]) > allowed[k]]
    if not apart:
        return None
    first = updates["numpy"][0] @ updates["torch"][0] / max(float(updates["numpy"][0] @ updates["numpy"][0]), 1e-300)
    meaning, side = _meaning(mine, theirs, _decay_alike(mine, theirs, apart), first)
    rows = len(setup.batch(step)[0])
    if RATE in meaning and alike:
        meaning = _not_the_rate(first, alike, rows)
    elif RATE in meaning and (counted := ratio_meaning(1 / first, rows)) and counted[0] == "loss-reduction":
        meaning += (f" The factor is also the batch's {rows} rows: every gradient of the NumPy program {counted[1]} gives "
                    "these very updates, which the numbers do not tell from a learning rate.")
    shown = "; ".join(f"{NAMES[k]}: NumPy {mine[k]:.4g}, port {theirs[k]:.4g}" for k in range(4) if k in apart or k < 3)
    text = (f"Each side's updates of {parameter} follow one recurrence u_t = a·u_(t-1) + b·g_t + c·g_(t-1) + d·p_t "
            f"(fitted over steps 2 to {len(grads)} in lockstep, g the gradient at the shared start): {shown}. {meaning}")
    return Finding("update-law", text, {"step": step, "parameter": parameter, "stage": "update", "side": side,
                                        "numpy_law": [round(x, 9) for x in mine], "torch_law": [round(x, 9) for x in theirs]},
                   "Give both programs the same learning rate." if "the learning rate" in meaning else
                   "Write the optimizer's update with the same constants in both programs (torch.optim.SGD: "
                   "buf = μ·buf + (1 - dampening)·g, then g + μ·buf with nesterov).",
                   0.85 if meaning and GRADIENT_ALONE not in meaning else 0.7)


def _decay_alike(mine: tuple, theirs: tuple, apart: list[int]) -> list[int]:
    """The coefficients apart, less the decay where only its ratio to the gradient's weight moves: d = b·λ the same on
    both sides is one decay, read against a gradient that enters k times as strongly."""
    if 1 in apart and 3 in apart and abs(mine[1] * mine[3] - theirs[1] * theirs[3]) <= SAME * abs(theirs[1] * theirs[3]):
        return [k for k in apart if k != 3]
    return apart


def _meaning(mine: tuple, theirs: tuple, apart: list[int], first: float) -> tuple[str, str]:
    """What the coefficients that differ mean, and the side whose law is the less usual one; `first`: the port's first
    update over the NumPy program's (a rate scales it too, a dampening leaves the first step's buffer g)."""
    mu = mine[0]
    if apart == [0]:
        return f"The momentum μ is {mine[0]:.4g} in the NumPy program and {theirs[0]:.4g} in the port.", "both"
    if 0 in apart:
        return "", "both"
    if apart == [2] or 2 in apart and (abs(mine[2]) < 1e-12 or abs(theirs[2]) < 1e-12):
        who = "the port" if abs(mine[2]) < 1e-12 else "the NumPy program"
        return (f"Only {who} steps with Nesterov's look-ahead (a term in the last gradient, c = lr·μ): Nesterov on one side, "
                "heavy-ball momentum on the other.", "torch" if who == "the port" else "numpy")
    if apart == [1, 2] and abs(theirs[1] / mine[1] - theirs[2] / mine[2]) < SAME:
        return f"Both gradient terms are {theirs[1] / mine[1]:.6g} times the NumPy program's in the port: the learning rate.", "both"
    if apart == [1] and abs(mine[2]) < 1e-12 and abs(first - (ratio := theirs[1] / mine[1])) < SAME * 10 * abs(first):
        if _decay_held(mine, theirs):
            return (f"The gradient enters every update of the port {ratio:.6g} times as strongly as the NumPy program's, "
                    "and the decay term (b·λ) is the same on both sides: the gradient itself is scaled on one side (a "
                    "loss's reduction, a mean where a sum belongs), not the learning rate, which would scale the decay too."
                    f"{_averaged(ratio, mu, rate_apart=True)}", "both")
        return (f"Every update of the port is {first:.6g} times the NumPy program's, the first one too: {RATE} "
                f"(momentum's recurrence itself is the same).{_averaged(first, mu)}", "both")
    if apart == [1]:
        return _dampening(mine, theirs, mu)
    if apart == [3] or apart == [1, 3]:
        return ("The parameter's own term differs: weight decay (its λ, or decay added to the gradient on one side and "
                "taken from the weights on the other).", "both")
    return "", "both"


def _decay_held(mine: tuple, theirs: tuple) -> bool:
    """A decay whose λ relative to the gradient's weight differs where its own term b·λ does not (`_decay_alike` has
    set that term aside): the gradient's weight moved alone."""
    return abs(mine[3]) > 0 and abs(mine[3] - theirs[3]) > SAME * abs(theirs[3])


def _averaged(ratio: float, mu: float, rate_apart: bool = False) -> str:
    """A rate's factor of 1 - μ (or its inverse) is also a buffer kept as an average: the same updates, step by step;
    rate_apart: a decay term alike on both sides shows the rate is not what parts."""
    if not 0 < mu < 1:
        return ""
    for factor, who in ((1 / (1 - mu), "the NumPy program"), (1 - mu, "the port")):
        if abs(ratio - factor) < 1e-2 * factor:
            return (f" The factor is {'1/' if who == 'the NumPy program' else ''}(1 - μ) (μ = {mu:.4g}): {who} keeping its "
                    "buffer as an exponential moving average μ·buf + (1 - μ)·g (dampening = μ) gives these very updates"
                    + ("." if rate_apart else ", which the numbers do not tell from a learning rate."))
    return ""


def _dampening(mine: tuple, theirs: tuple, mu: float) -> tuple[str, str]:
    """The gradient's weight alone differs: the buffer takes (1 - dampening)·g. With Nesterov, c = lr·μ gives the rate
    and each side's dampening; without, the ratio of the two weights is read against 1 - μ."""
    if mu <= 0:
        return "", "both"
    if abs(mine[2]) > 1e-12:
        lr = mine[2] / mu
        damp = [1 - (-b / lr - 1) / mu for b in (mine[1], theirs[1])]
        said = (f"With Nesterov (c = lr·μ, lr = {lr:.4g}), b = -lr·(1 + μ(1 - dampening)) gives dampening {damp[0]:.4g} in "
                f"the NumPy program and {damp[1]:.4g} in the port.")
        averaged = [abs(d - mu) < 1e-3 and abs(other) < 1e-3 for d, other in ((damp[0], damp[1]), (damp[1], damp[0]))]
    else:
        ratio = theirs[1] / mine[1]
        said = (f"The gradient enters the update {ratio:.6g} times as strongly in the port as in the NumPy program, "
                f"{GRADIENT_ALONE}.")
        averaged = [abs(1 / ratio - (1 - mu)) < 1e-2 * (1 - mu), abs(ratio - (1 - mu)) < 1e-2 * (1 - mu)]
    for side, who, is_average in zip(("numpy", "torch"), ("the NumPy program", "the port"), averaged):
        if is_average:
            return (f"{said} In {who} the buffer takes (1 - μ)·g (μ = {mu:.4g}): dampening = μ, the buffer an exponential "
                    "moving average μ·buf + (1 - μ)·g where the other program sums μ·buf + g.", side)
    return said, "both"


def _constants(law: tuple[float, ...]) -> tuple[float, ...]:
    """(μ, b, c, λ) of a fitted (a, b, c, d): a decay λ added to the gradient puts b·λ on p_t and c·λ on p_(t-1), which
    the fit holds as d = (b + c)·λ and a = μ - c·λ (p_(t-1) = p_t - u_(t-1))."""
    a, b, c, d = law
    c = 0.0 if abs(c) <= LOOK_AHEAD * abs(b) else c  # a look-ahead's c = lr·μ is of b's size: this is rounding's
    decay = d / (b + c) if abs(b + c) > 1e-12 * max(abs(b), 1e-30) else 0.0
    return a + c * decay, b, c, decay


def _fit(updates: np.ndarray, grads: np.ndarray, starts: np.ndarray) -> tuple[float, ...] | None:
    """(a, b, c, d) where they fit every update past the first; None where no such law holds."""
    target = updates[1:].ravel()
    columns = np.stack([updates[:-1].ravel(), grads[1:].ravel(), grads[:-1].ravel(), starts[1:].ravel()], axis=1)
    if target.size < 3 * columns.shape[1] or not np.any(target):
        return None
    coefficients, *_ = np.linalg.lstsq(columns, target, rcond=None)
    residual = np.abs(columns @ coefficients - target).max() / max(float(np.abs(target).max()), 1e-300)
    if residual > HOLDS:
        return None
    return tuple(float(x) for x in _clean(coefficients, columns, target))


def _clean(coefficients: np.ndarray, columns: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Terms whose part in the updates is below rounding set to 0 (a decay of zero fits as 1e-9)."""
    size = np.abs(columns).max(axis=0) * np.abs(coefficients)
    return np.where(size <= 1e-6 * np.abs(target).max(), 0.0, coefficients)


RATE = "the learning rate"


def _not_the_rate(first: float, alike: list[str], rows: int) -> str:
    """A factor on one parameter's updates where others' agree under one learning rate: its gradient's."""
    meaning = ratio_meaning(1 / first, rows)
    named = f" ({meaning[1]})" if meaning else ""
    return (f"Every update of the port is {first:.6g} times the NumPy program's, the first one too, while the updates of "
            f"{', '.join(alike[:3])} agree under the port's one learning rate: not the rate, which would scale them all, but "
            f"this parameter's gradient{named}: {GRADIENT_ALONE}.")


def _history(setup: Any, built: Any, steps: int, parameter: str) -> tuple[np.ndarray, np.ndarray, dict, list[str]] | None:
    """g_t, p_t and each side's u_t of the parameter at steps 1..steps, in lockstep from shared starts; and the other
    parameters whose first updates agree, where the port's optimizer has one parameter group (one learning rate)."""
    grads, starts, updates, alike = [], [], {"numpy": [], "torch": []}, []
    for t, a, b, torch_side in lockstep(setup, built, steps):
        if t == 1 and len(getattr(getattr(torch_side, "names", {}).get("optimizer"), "param_groups", ())) == 1:
            alike = [k.removesuffix(".update") for k in a if k.endswith(".update") and k != f"{parameter}.update" and k in b
                     and np.shape(a[k]) == np.shape(b[k]) and np.any(b[k]) and np.allclose(a[k], b[k], rtol=1e-4, atol=0)]
        gradient = (torch_side.gradients() or {}).get(parameter)
        if gradient is None or f"{parameter}.update" not in a or f"{parameter}.update" not in b:
            return None
        after = np.asarray(b[parameter], np.float64).ravel() if parameter in b else None
        if after is None:
            return None
        grads.append(np.asarray(gradient, np.float64).ravel())
        updates["numpy"].append(np.asarray(a[f"{parameter}.update"], np.float64).ravel())
        updates["torch"].append(np.asarray(b[f"{parameter}.update"], np.float64).ravel())
        starts.append(after - updates["torch"][-1])
    return np.array(grads), np.array(starts), {k: np.array(v) for k, v in updates.items()}, alike
