"""A value the NumPy program uses twice, taken from the wrong source at one of its uses only:

    dz = α·T·(p - p_t)/n + (1 - α)·(p - onehot)/n      p = softmax(z) in both terms
    the reference's gradient                            p_T = softmax(z / T) in the first

Replacing p everywhere gives neither; replacing it in one op (the first subtract), the other uses as computed, gives
the reference's gradient. Measured: the departing value recomputed, a few elementwise ops back, with one use of one
of its sources replaced by another value of the program's of the same shape.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.functions_apart import met_later
from parity.diagnosis.recompute import leaves, recomputed, replay
from parity.diagnosis.value_trace import Trace, Value, agrees
from parity.diagnosis.agreements import known

DEPTH = 5  # ops replayed back from the departing value, as for a source replaced at every use
MOST_CANDIDATES = 60


def one_use_replaced(value: Value, trace: Trace, other: Trace, tolerance: float, name: Callable[[Value], str],
                     accept: Callable[[Value], bool], replaced: Callable[[Value], bool]) -> str:
    inside = set(leaves(trace, value.index, DEPTH)) | {value.index}
    for leaf in (i for i in leaves(trace, value.index, DEPTH) if replaced(trace.values[i])):
        uses = [u for u in trace.values[leaf].users if u in inside]
        if len(uses) < 2:
            continue  # one use: replacing it there is replacing it everywhere, read before this
        source = trace.values[leaf]
        candidates = [v for v in trace.values[:value.index] if v.index != leaf and v.array.shape == source.array.shape
                      and np.ptp(v.array) > 0 and v.op != "y" and not np.array_equal(v.array, source.array)][-MOST_CANDIDATES:]
        for use in uses:
            for candidate in reversed(candidates):
                if (said := _measured(value, trace, other, tolerance, (leaf, use, candidate), accept)) is not None:
                    return (f"Recomputed with {known(candidate, other, tolerance)} in place of {known(source, other, tolerance)} "
                            f"in its {trace.values[use].op} (value {use}) alone, its other uses as computed, "
                            f"the NumPy program's {value.op} gives {name(said)}: the program takes that operand from the "
                            f"wrong value at that one use (a variable of the same shape reused where another was meant).")
    return ""


def _measured(value: Value, trace: Trace, other: Trace, tolerance: float, change: tuple[int, int, Value],
              accept: Callable[[Value], bool]) -> Value | None:
    leaf, use, candidate = change
    changed = recomputed(trace.values[use], leaf, candidate.array, trace)
    if changed is None:
        return None
    result = changed if use == value.index else replay(trace, value.index, {use: changed}, DEPTH)
    if result is None or result.size < 2 or len(np.unique(result)) <= 2 or agrees(result, value.array, tolerance):
        return None
    return next((v for v in other.values if accept(v) and v.array.shape == result.shape and agrees(result, v.array, tolerance)), None)


def other_use_left_out(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace, tolerance: float,
                       parameter: str, name: Callable[[Value], str]) -> str:
    """The port's gradient of the parameter is the NumPy program's first departing value plus that same op applied to
    the port's gradient at another use of the parameter (a shared tower's second call, a tied weight's other use):
    the NumPy program takes one use's term and leaves the other's out."""
    own = next((v for v in other.values if v.op == f"{parameter}.grad"), None)
    if own is None or own.array.shape != first.array.shape or not np.any(first.array) or \
            met_later(first, trace, lambda u: _sum_of_two(u, first, trace)):
        return ""  # the NumPy program adds another term of its shape afterwards (g1 + g2): that use is there, later
    missing = own.array - first.array
    if not np.any(np.abs(missing) > tolerance * float(np.abs(own.array).max(initial=0.0))):
        return ""
    for gradient in (v for v in other.values if v.op == "grad" and v.index != twin.index and v.array.shape == frontier.array.shape):
        made = recomputed(first, frontier.index, gradient.array, trace)
        if made is not None and made.shape == missing.shape and agrees(made, missing, tolerance) and \
                not _holds(frontier, gradient, trace, tolerance):
            return (f"The port's gradient of {parameter} is the NumPy program's {first.op} of it plus the same {first.op} of "
                    f"{name(gradient)}, another use of {parameter} in the port's forward pass: the NumPy program takes one "
                    "use's term and leaves the other's out (a shared layer's second call, a tied weight's other use, the "
                    "gradients of one branch of a siamese pair).")
    return ""


def _holds(value: Value, gradient: Value, trace: Trace, tolerance: float) -> bool:
    """Whether the NumPy value is a sum one of whose terms is that other use's gradient: it takes that use already,
    and a term inside it is wrong (the numbers only happen to be one use's)."""
    return value.op.removesuffix(" (in place)") in ("add", "subtract") and any(
        isinstance(i, int) and trace.values[i].array.shape == gradient.array.shape
        and agrees(np.abs(trace.values[i].array), np.abs(gradient.array), tolerance) for i in value.inputs)


def _sum_of_two(value: Value, part: Value, trace: Trace) -> bool:
    """A sum (or difference) of two traced terms of the part's shape."""
    return value.op.removesuffix(" (in place)") in ("add", "subtract") and sum(
        1 for i in value.inputs if isinstance(i, int) and trace.values[i].array.shape == part.array.shape) == 2
