"""A NumPy delta made from the targets against the reference's gradient of its shape, entry by entry and split by
the target's value: where it agrees (up to one factor, the delta held before a mean's 1/n) on the entries of one
target value and departs on every entry of the other, the derivative's term for that target value is written
wrong (a sign lost in d(FN)/dp = -y, a union's derivative 1 where 1 - y belongs).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.ratios import constant_ratio
from parity.diagnosis.value_trace import Trace, Value, describe

CLOSE = 1e-5  # relative: entries equal up to the factor


def target_entries(deltas: list[Value], gradients: list[Value], trace: Trace, name: Callable[[Value], str]) -> str:
    targets = next((v.array for v in trace.values if v.op == "y"), None)
    if targets is None or not np.all((targets == 0) | (targets == 1)) or targets.all() or not targets.any():
        return ""
    for mine in deltas:
        if mine.array.shape != targets.shape or _added_to(mine, trace):
            continue  # a partial sum the program goes on adding to (p + y, then - labels) is not its delta yet
        for theirs in (g for g in gradients if g.array.shape == mine.array.shape and np.ptp(g.array) > 0):
            found = [(value, said) for value in (0.0, 1.0) if (said := _apart_on(mine.array, theirs.array, targets, value))]
            for value, said in found if len(found) == 1 else ():  # each half a multiple of its own: no side shown
                    return (f"The NumPy program's {describe(mine)}, made from the targets, is {said[0]} the "
                            f"{name(theirs).removeprefix('the ')} on every entry where y = {1 - value:g}, and departs "
                            f"from it on {said[1]} of the {int((targets == value).sum())} entries where y = {value:g}: "
                            f"the derivative's term for y = {value:g} is written wrong (a sign lost in a term with y in "
                            "it, or a derivative taken as if that term did not depend on the output).")
    return ""


def _added_to(value: Value, trace: Trace) -> bool:
    """Whether the program adds another array of the value's shape to it, or subtracts one from it, next."""
    return any(trace.values[u].op.removesuffix(" (in place)") in ("add", "subtract") and
               sum(isinstance(i, int) and trace.values[i].array.shape == value.array.shape for i in trace.values[u].inputs) == 2
               for u in value.users)


def _apart_on(mine: np.ndarray, theirs: np.ndarray, targets: np.ndarray, value: float) -> tuple[str, int] | None:
    """(how the entries of the other target value agree, how many of this value's depart) where every entry of the
    other value agrees up to one factor and most of this value's do not."""
    keep, off = targets != value, targets == value
    if keep.sum() < 2 or off.sum() < 2:
        return None
    k = constant_ratio(mine[keep], theirs[keep])
    if k is None or not np.allclose(mine[keep], k * theirs[keep], rtol=CLOSE, atol=CLOSE * np.abs(theirs).max()):
        return None
    departing = ~np.isclose(mine[off], k * theirs[off], rtol=CLOSE, atol=CLOSE * np.abs(theirs).max())
    if departing.sum() < max(2, off.sum() // 2):
        return None
    return ("equal to" if abs(k - 1) <= CLOSE else f"{k:.6g} times"), int(departing.sum())


def weighted_by_target(run: np.ndarray, grad: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """The port's gradient at the logits is the run's times one weight on the entries with y = 1 and another on those
    with y = 0: the loss weighted by the target's value on one side (a focal loss's α balance, a positive weight)."""
    if y.shape != grad.shape or not np.all((y == 0) | (y == 1)) or y.all() or not y.any():
        return None
    weights = [constant_ratio(grad[y == v], run[y == v]) for v in (1.0, 0.0)]
    if any(w is None for w in weights) or abs(weights[0] - weights[1]) <= tolerance * max(map(abs, weights)) or \
            not np.allclose(grad, np.where(y == 1, weights[0], weights[1]) * run, rtol=10 * tolerance, atol=0):
        return None
    w1, w0 = weights
    return (f"its loss's gradient at the logits is --loss's times {w1:.4g} on the entries with y = 1 and times {w0:.4g} "
            f"on those with y = 0: the loss weighted by the target's value on one side (a class balance α = "
            f"{w1 / (w1 + w0):.4g} for the positives, {w0 / (w1 + w0):.4g} for the negatives, or a positive weight of "
            f"{w1 / w0:.4g}).", "Weigh the two target values alike in both programs (the α balance, pos_weight).")
