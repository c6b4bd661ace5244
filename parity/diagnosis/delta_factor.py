"""Where the NumPy program's backward pass parts before any gradient it shares with the reference (its output
delta itself), the delta against the reference's gradient of its shape, element by element: one of the program's
own forward values as the factor between them is a chain-rule factor missing or extra there (a log link's rate, a
derivative with respect to the output where the logit was meant).

    δ_numpy = g_ref · v      or      δ_numpy = g_ref / v       (v a value of the forward pass)
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.bound_rows import ancestors, bound_part
from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

FIRST_VALUES = 8  # departing values tried, earliest first


def delta_factor(numpy_trace: Trace, torch_trace: Trace, region: list[int], tolerance: float,
                 name: Callable[[Value], str]) -> str:
    gradients = [v for v in torch_trace.values if v.op == "grad" or v.op.endswith(".grad")]
    for index in region[:FIRST_VALUES]:
        mine = numpy_trace.values[index]
        if mine.array.size < 2 or not np.any(mine.array):
            continue
        for theirs in (g for g in gradients if g.array.shape == mine.array.shape and np.ptp(g.array) > 0):  # a constant
            # gradient (a mean's 1/n) makes every value a factor of it: no reading
            if agrees(mine.array, theirs.array, tolerance):
                continue
            for factor in numpy_trace.values[:index]:
                if factor.array.shape != mine.array.shape or np.ptp(factor.array) == 0 or not np.all(factor.array):
                    continue
                for product, words in ((theirs.array * factor.array, "times"), (theirs.array / factor.array, "divided by")):
                    if agrees(mine.array, product, tolerance):
                        return (f"The NumPy program's {describe(mine)} is {name(theirs)} {words} its own "
                                f"{describe(factor)} (value {factor.index}), element by element: a factor of the chain "
                                f"rule {'missing' if words == 'divided by' else 'extra'} there (a derivative taken with "
                                f"respect to that value where the one before it was meant, or the reverse).")
    return ""


def before_the_frontier(numpy_trace: Trace, torch_trace: Trace, target: Value, region: list[int], tolerance: float,
                        at: tuple[int, str, str], shared: bool, name: Callable[[Value], str]) -> Finding | None:
    """One row of y broadcast where the batch belongs (a value equal to the reference's by chance may hide it); an
    output delta that parts before any gradient the two share, read as the reference's times a forward value."""
    step, parameter, reference = at
    where = {"step": step, "stage": "backward", "parameter": parameter, "side": "numpy"}
    if part := bound_part(numpy_trace, ancestors(numpy_trace, target.index)):
        return Finding("numpy-backward", f"At step {step} the NumPy program's step parts from {reference}'s on the way to "
                       f"{parameter}'s update. {part}", where, "Name the loop's variables apart from the batch's.", 0.85)
    if shared:
        return None
    factor = delta_factor(numpy_trace, torch_trace, region, tolerance, name)
    return Finding("numpy-backward", f"At step {step} the NumPy program's backward pass parts from {reference}'s before "
                   f"any gradient they share. {factor}", where, "Apply the chain rule's factor there.", 0.8) if factor else None
