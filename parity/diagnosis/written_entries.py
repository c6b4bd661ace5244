"""A gradient assembled by writing into the entries of one array (dout[:, 1:] = the colour's, dout[:, 0] = the
density's): where the shared gradient is written into some entries, the value written into the others is made on its
own, from the loss and the forward values, and the two programs part there. That value is read against the port's
gradient of its entries: recomputed with another of the program's forward values in place of one it is made from (a
derivative taken at the activation where the pre-activation belongs)."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.missing_terms import is_gradient, port_gradients
from parity.diagnosis.one_use import one_use_replaced
from parity.diagnosis.mean_counts import masked_count
from parity.diagnosis.ratios import constant_ratio
from parity.diagnosis.value_trace import Trace, Value, agrees
from parity.diagnosis.written_forward import op_text
from parity.diagnosis.another_source import another_input
from parity.diagnosis.written_readings import roots


def written_apart(first: Value, trace: Trace, other: Trace, tolerance: float, name: Callable[[Value], str]) -> tuple[str, float] | None:
    """Said, with its fit, where `first` writes a value into an array whose other entries another write fills with a
    value no gradient of the port's agrees with, and that value, recomputed with another forward value, gives one (or
    is one a count apart, which fits by its number alone)."""
    if not first.op.startswith("setitem") or len(first.inputs) < 2 or not isinstance(first.inputs[0], int):
        return None
    chain = {first.inputs[0], first.index}  # one array's writes: each in-place write a new value of it
    for v in trace.values:
        if v.op.startswith("setitem") and v.inputs and v.inputs[0] in chain:
            chain.add(v.index)
    written = [trace.values[v.inputs[1]] for v in trace.values if v.op.startswith("setitem") and v.index != first.index
               and len(v.inputs) > 1 and v.inputs[0] in chain and isinstance(v.inputs[1], int)]
    gradients = port_gradients(other)
    forward = forward_values(trace)
    for value in written:
        if any(g.array.shape == value.array.shape and agrees(value.array, g.array, tolerance) for g in gradients):
            continue  # written alike: these entries agree
        if counted := _counted(value, gradients, trace, name):
            return f"The other entries of that array are written with {op_text(value, trace)}, which parts: {counted}.", 0.75
        if found := another_input(value, trace, other, tolerance, name, accept=is_gradient, replaced=forward) or \
                one_use_replaced(value, trace, other, tolerance, name, is_gradient, forward):
            return f"The other entries of that array are written with {op_text(value, trace)}, which parts: {found}", 0.8
    return None


def forward_values(trace: Trace) -> Callable[[Value], bool]:
    """Whether a value of the trace is a forward value (made from X alone, not from the targets): one to recompute."""
    return lambda v: v.op != "X" and "y" not in roots(trace, v.index)


def _counted(value: Value, gradients: list[Value], trace: Trace, name: Callable[[Value], str]) -> str:
    """The written value one factor from a port gradient of its shape, the factor a count of the batch's rows."""
    rows = trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0
    for g in (g for g in gradients if g.array.shape == value.array.shape and np.ptp(g.array) > 0):
        if (r := constant_ratio(value.array, g.array)) is not None and (said := masked_count(r, rows)):
            return f"it is {name(g)} times {said}"
    return ""
