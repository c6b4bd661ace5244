"""What each program does to its gradients between back-propagation and the optimizer, read against the port's raw
gradients (back-propagation's own, before the step touches .grad): kept as they are, scaled by one factor for
every parameter (clipping by a global norm), scaled for some parameters only (a norm over a subset), each by its
own factor (a norm per parameter), or cut at ±k element by element (clipping by value).

    g_side = g_raw            g_side = c·g_raw (one c)            g_side = clip(g_raw, -k, k)
"""

from __future__ import annotations


import math

from typing import Any

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed

AGREES = 1e-4  # relative gap of a handling's prediction to a side's gradient
SCALED = 1e-3  # relative spread of one factor over a parameter


def handling_finding(mine: dict[str, np.ndarray], theirs: dict[str, np.ndarray], raw: dict[str, np.ndarray],
                     step: int) -> Finding | None:
    """Where both sides' gradients are a handling of the raw ones, and the two handlings differ: each said."""
    names = [p for p in raw if p in mine and p in theirs and np.shape(mine[p]) == np.shape(raw[p]) == np.shape(theirs[p])]
    if len(names) < 2 or not any(np.any(raw[p]) for p in names):
        return None
    read = [handling({p: mine[p] for p in names}, {p: raw[p] for p in names}),
            handling({p: theirs[p] for p in names}, {p: raw[p] for p in names})]
    if None in read or read[0][0] == read[1][0]:
        return None
    (numpy_kind, numpy_words), (port_kind, port_words) = read
    under = _under_another_norm(read, {p: raw[p] for p in names}, mine if port_kind == "raw" else theirs, names)
    return Finding("gradient-clipping", f"At step {step}, against back-propagation's own gradients (the port's, before "
                   f"its step touches .grad): the NumPy program's gradients are {numpy_words}; the port's are "
                   f"{port_words}. The two programs handle the gradients otherwise before the optimizer.{under}",
                   {"step": step, "stage": "backward", "numpy": numpy_kind, "torch": port_kind,
                    "factor": _one_factor(read[0][0].startswith("global") and mine or theirs, raw, names)},
                   "Clip alike in both programs: by value (np.clip, clip_grad_value_) or by one global norm over every "
                   "parameter (clip_grad_norm_ of all of model.parameters()).", 0.75 if under else 0.9)


def _under_another_norm(read: list[tuple[str, str]], raw: dict[str, np.ndarray], clipped: dict, names: list[str]) -> str:
    """Where one side keeps the raw gradients and the other clips them to a global norm c, the norms a program might
    compute otherwise that fall under c: a clip by one of those leaves this step's gradients as they are too, so
    the step alone does not tell no clipping from a clipping by another norm (the steps after do)."""
    if sorted(kind for kind, _ in read) != ["global", "raw"]:
        return ""
    total = float(np.sqrt(sum(np.sum(np.asarray(g, np.float64) ** 2) for g in raw.values())))
    bound = _one_factor(clipped, raw, names) * total
    under = [words for words, norm in _other_norms(raw, total).items() if norm <= bound]
    return (f" A clip to {bound:.4g} by {' or by '.join(under)} would leave this step's gradients as they are too: one "
            "side may clip by that norm." if under else "")


def _other_norms(raw: dict[str, np.ndarray], total: float) -> dict[str, float]:
    return {"the sum of each parameter's norm, Σ‖g‖, where √(Σ‖g‖²) belongs": sum(np.sqrt(np.sum(g * g)) for g in raw.values()),
            "the largest entry, max|g|": max(float(np.abs(g).max(initial=0.0)) for g in raw.values()),
            "the sum of every entry's size, Σ|g|": sum(float(np.abs(g).sum()) for g in raw.values()),
            "the squared norm, Σ‖g‖² (the square root left out)": total * total}


def handling(side: dict[str, np.ndarray], raw: dict[str, np.ndarray]) -> tuple[str, str] | None:
    """(kind, words) of what the side did to the raw gradients, or None where no handling below fits."""
    a = {p: np.asarray(side[p], np.float64) for p in side}
    r = {p: np.asarray(raw[p], np.float64) for p in raw}
    if all(_close(a[p], r[p]) for p in a):
        return "raw", "back-propagation's own, as they are"
    factors = {p: _factor(a[p], r[p]) for p in a}
    if all(f is not None for f in factors.values()):
        return _scaled(factors, r)
    bound = max(float(np.abs(a[p]).max(initial=0.0)) for p in a)
    if bound > 0 and all(_close(a[p], np.clip(r[p], -bound, bound)) for p in a) and \
            any(np.abs(r[p]).max(initial=0.0) > bound * (1 + 1e-6) for p in r):
        return "value", f"cut element by element at ±{bound:.4g} (clipping by value, np.clip or clip_grad_value_)"
    return None


def _scaled(factors: dict[str, float], raw: dict[str, np.ndarray]) -> tuple[str, str] | None:
    total = float(np.sqrt(sum(np.sum(g * g) for g in raw.values())))
    values = np.array(list(factors.values()))
    kept = [p for p, c in factors.items() if abs(c - 1) <= SCALED]
    if np.all(np.abs(values - 1) <= SCALED):
        return "raw", "back-propagation's own, as they are (no clipping bites)"
    if np.ptp(values) <= SCALED * values.max():
        c = float(values.mean())
        if _round(c * total):
            return "global", (f"scaled by one factor, {c:.4g}, for every parameter: clipping by a global norm, to "
                              f"{c * total:.4g} (the norm over all parameters is {total:.4g})")
        # one factor to a round bound of another norm: the global norm computed otherwise
        said = next(((words, norm) for words, norm in _other_norms(raw, total).items() if _round(c * norm)), None)
        if said is None:
            return None  # one factor for all, to no norm a program writes: a factor of the backward pass as likely
        return "global-other", (f"scaled by one factor, {c:.4g}, for every parameter, a clip to {c * said[1]:.4g} of "
                                f"{said[0]} ({said[1]:.4g}; the global norm is {total:.4g})")
    norms = {p: float(np.sqrt(np.sum(raw[p] ** 2))) for p in factors}
    caps = [factors[p] * norms[p] for p in factors if abs(factors[p] - 1) > SCALED]
    if caps and np.ptp(caps) <= SCALED * max(caps) and (_round(caps[0]) or len(caps) > 1):  # one cap met by several
        beyond = [p for p in factors if p not in kept]
        over = [p for p in kept if norms[p] > caps[0] * (1 + SCALED)]  # a group the clip leaves out (a head's)
        return "each", (f"each parameter's scaled to a norm of at most {caps[0]:.4g} on its own (a norm per parameter: "
                        f"{', '.join(f'{p} {norms[p]:.4g}' for p in beyond)} beyond it, " + (
                            f"{', '.join(over)} over it but left as they are, outside the clip" if over else
                            "the others' own norms under it") + ")")
    moved = {p: c for p, c in factors.items() if p not in kept}
    if kept and np.ptp(list(moved.values())) <= SCALED * max(moved.values()):
        c = next(iter(moved.values()))
        subset = float(np.sqrt(sum(np.sum(raw[p] ** 2) for p in moved)))
        if not _round(c * subset):
            return None
        return "subset", (f"scaled by {c:.4g} for {', '.join(moved)} and kept as they are for {', '.join(kept)}: a norm "
                          f"taken over a subset of the parameters ({subset:.4g} over those, {total:.4g} over all), only "
                          "that subset clipped")
    return None  # a factor of its own for each parameter: no handling, as likely factors of the backward pass


def _factor(a: np.ndarray, r: np.ndarray) -> float | None:
    scale = float(np.abs(r).max(initial=0.0))
    if scale == 0:
        return 1.0 if not np.any(a) else None
    c = fit_ratio(a, r)[0]
    return c if 0 < c <= 1 + SCALED and _close(a, c * r) else None


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    return float(np.abs(a - b).max(initial=0.0)) <= AGREES * max(float(np.abs(b).max(initial=0.0)), 1e-30)


def _one_factor(side: dict[str, np.ndarray], raw: dict[str, np.ndarray], names: list[str]) -> float:
    """The factor a side scales every gradient by (1.0 where it is not one factor)."""
    factors = [_factor(np.asarray(side[p], np.float64), np.asarray(raw[p], np.float64)) for p in names]
    return float(np.mean(factors)) if all(f is not None for f in factors) else 1.0


ROUND = (0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0)  # max_norm as people write it


def _round(norm: float) -> bool:
    """A norm a clip writes: a gradient scaled by one factor to any other norm is as likely a factor of its own."""
    if any(abs(norm - r) <= 1e-4 * r for r in ROUND):
        return True
    if not np.isfinite(norm) or norm <= 0:
        return False
    mantissa = norm / 10 ** (math.floor(math.log10(norm)) - 1)  # two significant digits, as 0.15 or 7.5 is written
    return abs(mantissa - round(mantissa)) <= 1e-5 * mantissa


def clipped_after_step(torch_record: dict, raw: dict[str, np.ndarray], step: int, beta1: float | None) -> Finding | None:
    """At the first step the port's optimizer state holds back-propagation's own gradients (a momentum buffer g, Adam's
    first moment (1 - β1)·g) while its .grad, as kept after the step, is those scaled by one factor below 1: the port
    clips after optimizer.step(), so its update took the gradients unclipped."""
    if step != 1 or not raw:
        return None
    factors = []
    for name, g in raw.items():
        state = torch_record.get(f"{name}.momentum_buffer")
        if state is None and beta1 is not None and f"{name}.exp_avg" in torch_record:
            state = np.asarray(torch_record[f"{name}.exp_avg"], np.float64) / (1 - beta1)
        kept = torch_record.get(f"{name}.grad")
        if state is None or kept is None or not np.any(g) or not _close(np.asarray(state, np.float64), g):
            return None
        factors.append(_factor(np.asarray(kept, np.float64), g))
    if len(factors) < 2 or None in factors or np.ptp(factors) > SCALED * max(factors) or factors[0] > 1 - SCALED:
        return None
    return Finding("gradient-clipping", f"At step 1 the port's optimizer state holds back-propagation's own gradients, "
                   f"while its .grad, as the step leaves it, is those times {factors[0]:.4g} for every parameter: the port "
                   "clips after optimizer.step(), so its update took the gradients unclipped.",
                   {"step": step, "stage": "update", "side": "torch", "factor": factors[0]},
                   "Clip between loss.backward() and optimizer.step().", 0.9)


def accumulated(setup: Any, built: Any, step: int) -> bool:
    """Whether the port's .grad at the step, as its step takes it, is back-propagation's gradients of this step and
    every one before it summed: gradients never zeroed, which hand its optimizer other gradients than the step's own."""
    if not 2 <= step <= MOST_STEPS_SUMMED:
        return False
    taken = gradients_after_step(setup, built, step)
    total = {k: np.asarray(v, np.float64) for k, v in raw_gradients(setup, built, step).items()}
    if not taken or all(k in total and np.allclose(v, total[k]) for k, v in taken.items()):
        return False  # the step's own gradients: zeroed (the common case, read without stepping the others)
    for earlier in range(1, step):
        for k, v in raw_gradients(setup, built, earlier).items():
            total[k] = total.get(k, 0.0) + np.asarray(v, np.float64)
    return all(k in total and np.allclose(v, total[k], rtol=1e-5, atol=1e-7 * float(np.abs(total[k]).max(initial=1e-30)))
               for k, v in taken.items())


def gradients_after_step(setup: Any, built: Any, step: int) -> dict[str, np.ndarray]:
    """The port's .grad as its own step leaves it (replayed to the step's shared start, then stepped), in float64."""
    _, torch_side = replayed(setup, built, step)
    torch_side.step(setup.rows(step))
    return {k: np.asarray(v, np.float64) for k, v in (torch_side.gradients() or {}).items()}


MOST_STEPS_SUMMED = 6  # the steps run again to sum: a port that never zeroes parts by its second step


def never_zeroed(step: int) -> Finding:
    return Finding("gradient-accumulation", f"The port's .grad at step {step}, as its optimizer takes it, is the sum of "
                   "back-propagation's gradients of this step and every earlier one (each step run again in lockstep): "
                   "its gradients are never zeroed.", {"step": step, "stage": "update", "side": "torch"},
                   "Call optimizer.zero_grad() (or set each .grad to None) once every step, before loss.backward().", 0.95)
