"""A gradient term the NumPy program takes in with the other sign, or adds in again.

The other sign: the first sum the port never has is, with one of its terms negated, a gradient of the port's (a
minus lost on that term). Again: the value its backward pass agrees with the port's at is taken into a sum once, where
it agrees, and the same value is added into a later sum of the loop too, past where the programs part. One pass's term
is added at every pass (an output's gradient added at every time step of a many-to-one recurrence, a layer's gradient
accumulated again in a loop). Read only where the later sum with that term taken out is a gradient the port has: a
value that two sums take in is, by itself, a gradient shared by two parameters.

    dh = 0 + d_out   (agrees)        dh = dh_next + d_out   (the same d_out again: an extra term)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

SUMS = ("add", "subtract")


def term_taken_in(frontier: Value, first: Value, trace: Trace, port: Trace, tolerance: float) -> tuple[str, str] | None:
    """A term of the first departing sum taken in with the other sign, else one added again: (words, fix)."""
    if flipped := other_sign(first, trace, port, tolerance):  # first: a + s against a - s is no term taken in twice
        return flipped, "Give that term the sign its derivative has."
    if again := added_again(frontier, first, trace, port, tolerance):
        return again, "Add each gradient term once, where the forward pass used the value (the last step's output at the last step)."
    return None


def added_again(frontier: Value, first: Value, trace: Trace, port: Trace, tolerance: float) -> str:
    """Said where the frontier is the first of several sums that take one value in, the later ones past `first`, and
    the port's gradients hold the later sum without it."""
    def measured(total: Value, source: Value) -> bool:
        return _is_port_gradient(_taken_out(total, source), port, total.array.shape, tolerance)

    for source in (trace.values[i] for i in frontier.inputs if isinstance(i, int)):
        sums = [trace.values[u] for u in dict.fromkeys(source.users) if _accumulates(trace.values[u], frontier)]
        later = [s for s in sums if s.index > first.index]
        if len(sums) < 2 or sums[0] is not frontier or not later or not measured(later[0], source):
            continue
        return (f"The NumPy program adds its {describe(source)} into {len(sums)} sums, the same value each time: the first, "
                f"{describe(frontier)}, is the port's gradient; a later one, {describe(later[0])}, past where the programs "
                f"part, adds it again.{AGAIN}")
    for source in (trace.values[i] for i in first.inputs if isinstance(i, int)) if first.op in SUMS else ():
        sums = [trace.values[u] for u in dict.fromkeys(source.users) if _accumulates(trace.values[u], first)]
        if len(sums) >= 2 and first in sums[1:] and measured(first, source):  # a value an earlier sum took already
            return (f"The NumPy program adds its {describe(source)} into {len(sums)} sums, the same value each time, and "
                    f"the programs part at a later one, {describe(first)}, which adds it again.{AGAIN}")
    return ""


def other_sign(first: Value, trace: Trace, port: Trace, tolerance: float) -> str:
    """Said where `first`, a sum, is a gradient of the port's with one of its terms (not 0) given the other sign: a + s
    against the port's a - s is one term added where the port subtracts it, not the same value taken in twice."""
    for source in (trace.values[i] for i in first.inputs if isinstance(i, int)) if first.op in SUMS else ():
        if float(np.abs(source.array).max(initial=0.0)) > tolerance * float(np.abs(first.array).max(initial=0.0)) and \
                _is_port_gradient(_taken_out(first, source, 2), port, first.array.shape, tolerance):
            return (f"The NumPy program's {describe(first)} takes its {describe(source)} in with the other sign than "
                    "the port's gradient there, which is that sum with the term's sign flipped (measured): a minus lost "
                    "on that term (a derivative's sign, a difference's operands swapped).")
    return ""


def _whole_gradients(port: Trace, shape: tuple, tolerance: float) -> list[np.ndarray]:
    """The port's gradients of a shape, each at a value it computes once; at a value it computes twice (softplus(ρ) in
    its forward pass and again in its penalty) the gradient is the sum over the copies, one copy's a part of it."""
    gradients = [g for g in port.values if is_gradient(g) and g.array.shape == shape]
    at = {g.inputs[0]: g for g in gradients if g.op == "grad" and g.inputs and isinstance(g.inputs[0], int)}
    whole = []
    for gradient in gradients:
        made = port.values[gradient.inputs[0]] if gradient in at.values() else None
        copies = [g.array for i, g in at.items() if made is not None and i != made.index and port.values[i].op == made.op
                  and np.any(made.array) and port.values[i].array.shape == made.array.shape
                  and agrees(port.values[i].array, made.array, tolerance)]
        whole.append(gradient.array + sum(copies, np.zeros(shape)))
    return whole


def _is_port_gradient(array: np.ndarray | None, port: Trace, shape: tuple, tolerance: float) -> bool:
    return array is not None and any(agrees(array, whole, tolerance) for whole in _whole_gradients(port, shape, tolerance))


def _taken_out(total: Value, source: Value, times: int = 1) -> np.ndarray | None:
    """The sum with the source's term taken out (a + s - s, a - s + s), or, `times` 2, given the other sign."""
    position = total.inputs.index(source.index)
    try:
        with np.errstate(all="ignore"):
            sign = 1 if total.op == "subtract" and position == 1 else -1
            without = total.array + sign * times * source.array
    except ValueError:  # a source that broadcasts into the sum only one way
        return None
    return without if without.shape == total.array.shape and np.all(np.isfinite(without)) else None


def _accumulates(value: Value, like: Value) -> bool:
    """A sum of the program's values, of the shape given: no constant but a start at 0 (1 - p is a complement, no total)."""
    return value.op in SUMS and value.array.shape == like.array.shape and not any(isinstance(i, float) and i for i in value.inputs)


AGAIN = (" One pass's gradient term is added at every pass of the loop (an output's gradient added at every time step "
         "where only one step's output is read), an extra term the forward pass never made.")
