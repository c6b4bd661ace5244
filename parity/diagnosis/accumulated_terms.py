"""Gradients summed where they should not be.

Across steps: every gradient of one side is α times the other side's last step's plus β times its own (gradients
never zeroed). Within a step: a gradient the NumPy program accumulates term by term (a micro-batch's gradient after
another, a time step's), of which the port keeps only some: its gradient is, up to one factor (a loss scale, a
clipping), one term of the NumPy program's sum, or the sum of the last few, and not the whole sum. The port's
accumulation is reset inside its loop (`optimizer.zero_grad()` per micro-batch), or `.grad` assigned where
back-propagation adds.

    numpy:  g = Σ_k t_k        port:  g ∝ t_K (or t_j + … + t_K)

Across a step's backward passes, each measured by hooks: after the weights moved (SAM's two), one side steps with the
sum of the passes' gradients (not zeroed between them) or an earlier pass's, the other with the last pass's alone; at
the same weights (micro-batches), the port steps with the last pass's alone where the NumPy program sums them all.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import constant_ratio
from parity.diagnosis.replays import Passes, traces
from parity.diagnosis.value_trace import Trace, Value

ADDS = ("add", "add (in place)")
PASSES_AGREE = 1e-4  # a float32 sum of two passes against the same two added again
SUM = "the sum of the gradients"
STARTS = ("zeros", "zeros_like")


def terms_kept(numpy_trace: Trace, port_gradient: np.ndarray) -> str:
    """In words, which of the NumPy program's terms the port's gradient holds; "" where none or all of them."""
    theirs = np.asarray(port_gradient, np.float64)
    for chain in _chains(numpy_trace, theirs.shape):
        terms = [_term(numpy_trace, value) for value in chain]
        if any(t is None for t in terms) or len(terms) < 2 or _proportional(sum(terms), theirs):
            continue
        for first in range(len(terms) - 1, 0, -1):  # the last term alone, then the last two, ...
            if _proportional(sum(terms[first:]), theirs):
                kept = "the last" if first == len(terms) - 1 else f"the last {len(terms) - first}"
                return (f"The port's gradient is, up to one factor, {kept} of the {len(terms)} terms the NumPy program adds "
                        "into its gradient in this step (one micro-batch's, one time step's), not their sum: the port's "
                        "accumulation is reset between them (optimizer.zero_grad() inside the accumulation loop, or "
                        ".grad assigned where back-propagation adds).")
    return ""


def _chains(trace: Trace, shape: tuple) -> list[list[Value]]:
    """Runs of additions into one array of the gradient's shape (its layout aside), from an array of zeros."""
    found = []
    for start in (v for v in trace.values if v.op in STARTS and sorted(v.array.shape) == sorted(shape)):
        chain, current = [], start
        while (nxt := next((trace.values[u] for u in current.users if trace.values[u].op in ADDS
                            and trace.values[u].array.shape == start.array.shape), None)) is not None:
            chain.append(nxt)
            current = nxt
        if len(chain) >= 2:
            found.append(chain)
    return found


def _term(trace: Trace, value: Value) -> np.ndarray | None:
    """What an addition adds: its result less the running sum it adds to."""
    if len(value.inputs) != 2 or not isinstance(value.inputs[0], int):
        return None  # the term itself may be untraced ("?"): the difference is what it added
    before = trace.values[value.inputs[0]].array
    return value.array - before if before.shape == value.array.shape else None


def _proportional(mine: np.ndarray, theirs: np.ndarray) -> bool:
    mine = mine if mine.shape == theirs.shape else mine.T if mine.T.shape == theirs.shape else None
    if mine is None or not np.any(mine) or np.ptp(theirs) == 0:
        return False
    ratio = constant_ratio(theirs, mine)
    return ratio is not None and np.allclose(theirs, ratio * mine, rtol=1e-4, atol=1e-6 * float(np.abs(theirs).max()))


def terms_kept_at(setup: Any, built: Any, step: int, port_gradient: np.ndarray) -> str:
    """terms_kept on the NumPy program's trace of that step."""
    return terms_kept(traces(setup, built, step)[0], port_gradient)


FEWEST_ENTRIES = 4  # entries a fit of α and β must hold to say anything: more than the two it fits


def summed_over_steps(context: Any, side: str, parameters: list[str]) -> float | None:
    """Whether every gradient of `side` is α x (the other side's last-step gradient) + β x (the other side's gradient
    now), with the same α and β for all parameters and α well away from 0: gradients summed over steps (β, and α
    with it, below 1 where clipping by the global norm scaled the sum). Returns β, or None."""
    mine, other, previous = ((context.torch_record, context.numpy_record, context.numpy_previous) if side == "torch"
                             else (context.numpy_record, context.torch_record, context.torch_previous))
    names = [f"{p}.grad" for p in parameters if f"{p}.grad" in mine and f"{p}.grad" in previous]
    if not names:
        return None
    flat = lambda record: np.concatenate([np.ravel(np.asarray(record[n], np.float64)) for n in names])  # noqa: E731
    target, basis = flat(mine), np.stack([flat(previous), flat(other)], axis=1)
    if not np.any(basis[:, 0]) or not np.any(target) or target.size < FEWEST_ENTRIES:
        return None  # two numbers fitted to one or two entries fit any gradients: no measurement of a sum
    (alpha, beta), *_ = np.linalg.lstsq(basis, target, rcond=None)
    residual = np.linalg.norm(basis @ np.array([alpha, beta]) - target) / np.linalg.norm(target)
    if residual > 1e-5 or abs(alpha) < 0.1 * abs(beta) or abs(alpha - beta) > 0.5 * abs(beta):
        return 1.0 if _clipped_sum(target, basis.sum(axis=1)) else None
    return float(beta)


def _clipped_sum(target: np.ndarray, summed: np.ndarray) -> bool:
    """The sum of the two steps' gradients cut element by element at ±b (clip_grad_value_ on a .grad never zeroed),
    b the largest entry kept: the clip bites on some entries, the rest are the sum as it is."""
    bound = float(np.abs(target).max(initial=0.0))
    beyond = np.abs(summed) > bound * (1 + 1e-6)
    scale = max(float(np.abs(summed).max(initial=0.0)), 1e-30)
    return bool(beyond.any() and (~beyond).sum() >= 2 and np.abs(np.clip(summed, -bound, bound) - target).max() <= 1e-5 * scale)


def between_passes(passes: Passes, parameter: str, records: tuple[dict, dict], evidence: dict) -> Finding | None:
    """Where the port's step back-propagates more than once. After its weights moved within it (SAM's second pass), the
    passes' gradients are taken at different weights, and a step made for the later one steps with it alone: one side
    stepping, on every parameter, with an earlier pass's gradient or with the passes' sum (gradients not zeroed between
    them) and the other with the last pass's is measured and said. At the same weights (micro-batches), one side
    stepping with the last pass's alone and the other with the sum: gradients reset between the passes."""
    if len(passes.calls.get(parameter, [])) < 2:
        return None
    read = {name: _passes_of(calls, records, name) for name, calls in passes.calls.items() if len(calls) > 1}
    n = len(passes.calls[parameter])
    last = _pass(n)
    if not passes.moved:
        return _reset_between(read, parameter, n, evidence)
    if len(set(read.values())) > 1 and (stale := _read_stale(read, parameter, last, evidence)):
        return stale
    if len(set(read.values())) != 1 or None in (pair := read[parameter]) or pair[0] == pair[1]:
        return None
    if last not in pair:
        return None
    side, kept = ("torch", pair[1]) if pair[0] == last else ("numpy", pair[0])
    words = {"torch": "The port's .grad", "numpy": "The NumPy program's gradient"}[side]
    mixed = kept == SUM
    return Finding("gradient-accumulation", f"{words} of every parameter at step {evidence['step']} is {kept} of the port's "
                   f"{n} backward passes (measured), where the other side steps with the last "
                   "pass's alone, taken after the weights moved within the step: " + ("the gradients are not zeroed between "
                   "the passes." if mixed else "it steps with a gradient taken before the weights moved, leaving the later "
                   "pass unused."), {**evidence, "side": side, "passes": n},
                   "Zero the gradients between the passes (optimizer.zero_grad(), first_step(zero_grad=True))." if mixed else
                   "Step with the gradient of the last pass, taken at the moved weights.", 0.9 if side == "torch" else 0.85)


def _reset_between(read: dict, parameter: str, n: int, evidence: dict) -> Finding | None:
    """Passes at the same weights (micro-batches): the port steps, on every parameter, with the last pass's gradient
    alone where the NumPy program steps with the sum of all (the whole batch's): the port resets its gradients between
    the passes. (The reverse, a port summing passes the NumPy program keeps one of, may be a pass back-propagated for a
    reading that the port never zeroes: not said here.)"""
    if len(set(read.values())) != 1 or read[parameter] != (SUM, _pass(n)):
        return None
    return Finding("gradient-accumulation", f"The port's .grad of every parameter at step {evidence['step']} is the gradient "
                   f"of the last of its {n} backward passes alone (measured), where the NumPy program steps with the sum of "
                   f"all {n}: the port's gradients are reset between the passes (zero_grad() inside the accumulation loop, "
                   "or .grad assigned where back-propagation adds).", {**evidence, "side": "torch", "passes": n},
                   "Zero the gradients once per step, before the accumulation loop.", 0.9)


def _read_stale(read: dict, parameter: str, last: str, evidence: dict) -> Finding | None:
    """The NumPy gradient of the parameter is an earlier pass's, the port's the last's, and another parameter's NumPy
    gradient is no pass's at all: the later backward mixes values of the earlier forward with the moved weights."""
    mine, theirs = read[parameter]
    if theirs != last or mine is None or mine in (last, SUM) or \
            not any(r[0] is None for r in read.values()):
        return None
    others = sorted(n for n, r in read.items() if r[0] is None)
    return Finding("numpy-backward", f"The NumPy program's gradient of {parameter} at step {evidence['step']} is {mine} of "
                   f"the port's backward passes, taken before the weights moved within the step, and its gradient of "
                   f"{', '.join(others)} is no pass's at all, where the port steps with the last pass's (measured): the NumPy "
                   "program's later backward reads values of its earlier forward pass (activations cached at the start, the "
                   "forward pass not made again at the moved weights).", {**evidence, "side": "numpy"},
                   "Run the forward pass again at the moved weights before the later backward.", 0.8)


def _pass(k: int) -> str:
    return f"the gradient of pass {k}"


def _passes_of(calls: list[np.ndarray], records: tuple[dict, dict], name: str) -> tuple[str | None, str | None]:
    """Which pass (or the sum of all) each side's gradient of the parameter is."""
    arrays = [np.asarray(g, np.float64) for g in calls]
    named = {**{_pass(k + 1): g for k, g in enumerate(arrays)}, SUM: sum(arrays[1:], arrays[0])}
    return tuple(_which(np.asarray(r.get(f"{name}.grad", np.nan), np.float64), named) for r in records)


def _which(gradient: np.ndarray, named: dict[str, np.ndarray]) -> str | None:
    """The name of the one pass (or sum) the gradient is, where exactly one fits."""
    fits = [name for name, g in named.items() if g.shape == gradient.shape and relative_gap(gradient, g) <= PASSES_AGREE]
    return fits[0] if len(fits) == 1 else None
