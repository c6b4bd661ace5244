"""A moving average of the weights kept otherwise on the two sides: a mean teacher, a target network's soft update,
Polyak or EMA weights for evaluation. Each side's held copy A of a parameter p moves, over one step, part of the way
to the new weights:

    A_t = A_(t-1) + c · (p - A_(t-1))        c = 1 - decay  (τ of a soft update)

c is fitted on each side from the held arrays at two steps' starts and the shared parameters (in either layout,
before or after the step's update); where both fit exactly and the c's differ, they are said: c and 1 - c
exchanged (decay for 1 - decay), or another decay.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.replays import replayed, traces
from parity.diagnosis.value_trace import agrees

C_AGREES = 1e-4  # two fitted c's the same (each fitted from float32 arrays, to about 1e-6)


def average_apart(setup: Any, built: Any, step: int, tolerance: float) -> str:
    if step < 2:
        return ""
    before, now = traces(setup, built, step - 1), traces(setup, built, step)
    weights = [replayed(setup, built, t)[0].params() for t in (step - 1, step)]
    fitted = [_fits(before[k].constants, now[k].constants, weights, tolerance) for k in (0, 1)]
    for parameter, mine in fitted[0].items():
        theirs = fitted[1].get(parameter)
        if theirs is None or abs(mine[1] - theirs[1]) <= C_AGREES and mine[2] == theirs[2]:
            continue
        return (f"Both programs hold a moving average of {parameter} (the NumPy program's {mine[0]}, the port's {theirs[0]}); "
                f"over step {step - 1} the NumPy program's moves {mine[1]:.4g} of the way to the {mine[2]}, the port's "
                f"{theirs[1]:.4g} of the way to the {theirs[2]} (A ← A + c·(p - A), measured on both): " + _apart(mine, theirs))
    return ""


AFTER, BEFORE = "weights after the step's update", "weights before the step's update"


def _apart(mine: tuple[str, float, str], theirs: tuple[str, float, str]) -> str:
    """Words for two averages' fitted c's (and the weights each moves towards)."""
    for (c, words), other in ((mine[1:], theirs), (theirs[1:], mine)):
        side = "the NumPy program's" if other is theirs else "the port's"
        if abs(c - 1) <= C_AGREES and abs(other[1] - 1) > C_AGREES:
            return (f"{side} average is the weights themselves at each step (a view of the parameters where a copy "
                    "belongs: .detach() or a reference without .clone() or .copy()).")
        if c <= C_AGREES < other[1]:
            return (f"{side} copy does not move over the step: that average is not kept for this parameter on that side "
                    "(left out of the loop over parameters), or is taken of the weights before the step's update, "
                    "which at the first step are its own start.")
    if abs(mine[1] - theirs[1]) <= C_AGREES:
        return ("one side averages the weights before the optimizer's step and the other after it (the average "
                "updated before optimizer.step(), one step stale).")
    if abs(mine[1] + theirs[1] - 1) <= C_AGREES:
        return ("the decay and 1 - decay exchanged on one side (decay·A + (1 - decay)·p written as (1 - decay)·A + "
                "decay·p, a soft update's τ given to the other term).")
    return "the two keep the average with other decays (a decay's warm-up, its counter off by one step, another constant)."


def _fits(earlier: dict[str, np.ndarray], later: dict[str, np.ndarray], weights: list[dict[str, np.ndarray]],
          tolerance: float) -> dict[str, tuple[str, float, str]]:
    """Per parameter, the held array that follows it as a moving average, its c and the weights it moves towards,
    where one fits exactly. A copy made during the step that is still the weights it started from has c = 0."""
    found: dict[str, tuple[str, float, str]] = {}
    for name, after in later.items():
        for parameter in weights[1]:
            starts = [earlier[name]] if name in earlier else _layouts(weights[0][parameter])  # made from the weights
            for start in (s for s in starts if s.shape == after.shape):  # at the first step
                if parameter in found or not np.any(after - start) and name in earlier:
                    continue  # an array held unchanged over the step: a constant, no average
                for seen, towards_words in ((q, words) for w, words in zip(weights[::-1], (AFTER, BEFORE)) for q in _layouts(w[parameter])):
                    if seen.shape != start.shape or not np.any(seen - start) or parameter in found:
                        continue
                    towards = seen - start
                    c = float(np.sum((after - start) * towards) / np.sum(towards * towards))
                    if 0 <= c <= 1 and agrees(start + c * towards, after, tolerance):
                        found[parameter] = (name, c, towards_words)
    return found


def _layouts(array: np.ndarray) -> list[np.ndarray]:
    array = np.asarray(array, np.float64)
    return [array, array.T] if array.ndim == 2 else [array]
