"""A gradient the NumPy program adds in again: the value its backward pass agrees with the port's at is taken into
a sum once, where it agrees, and the same value is added into a later sum of the loop too, past where the programs
part. One pass's term is added at every pass (an output's gradient added at every time step of a many-to-one
recurrence, a layer's gradient accumulated again in a loop). Read only where the later sum with that term taken out
is a gradient the port has: a value that two sums take in is, by itself, a gradient shared by two parameters.

    dh = 0 + d_out   (agrees)        dh = dh_next + d_out   (the same d_out again: an extra term)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

SUMS = ("add", "subtract")


def added_again(frontier: Value, first: Value, trace: Trace, port: Trace, tolerance: float) -> str:
    """Said where the frontier is the first of several sums that take one value in, the later ones past `first`, and
    the port's gradients hold the later sum without it."""
    def measured(total: Value, source: Value) -> bool:
        without = _taken_out(total, source)
        return without is not None and any(agrees(without, whole, tolerance) for whole in _whole_gradients(port, total.array.shape, tolerance))

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


def _taken_out(total: Value, source: Value) -> np.ndarray | None:
    """The sum with the source's term taken out: a + s - s, a - s + s."""
    position = total.inputs.index(source.index)
    try:
        with np.errstate(all="ignore"):
            without = total.array + source.array if total.op == "subtract" and position == 1 else total.array - source.array
    except ValueError:  # a source that broadcasts into the sum only one way
        return None
    return without if without.shape == total.array.shape and np.all(np.isfinite(without)) else None


def _accumulates(value: Value, like: Value) -> bool:
    """A sum of the program's values, of the shape given: no constant but a start at 0 (1 - p is a complement, no total)."""
    return value.op in SUMS and value.array.shape == like.array.shape and not any(isinstance(i, float) and i for i in value.inputs)


AGAIN = (" One pass's gradient term is added at every pass of the loop (an output's gradient added at every time step "
         "where only one step's output is read), an extra term the forward pass never made.")
