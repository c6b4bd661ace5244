"""A product whose operand is a reshape of a value where its transpose was meant: `f.reshape(C, -1) @ d` for
`f.reshape(-1, C).T @ d`. The two hold the same numbers in the same shape, in another order (a reshape regroups
entries as they lie, a transpose moves them): the product recomputed with the transposed layout gives one of the
port's gradients."""

from __future__ import annotations

from typing import Callable


from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

PRODUCTS = ("matmul", "dot")


def reshape_for_transpose(first: Value, trace: Trace, other: Trace, tolerance: float, name: Callable[[Value], str]) -> str:
    """The first departing product whose operand, a reshape of a value, taken as that value reshaped the other way
    round and transposed, gives one of the port's gradients."""
    if first.op.removesuffix(" (in place)") not in PRODUCTS or len(first.inputs) != 2 or \
            not all(isinstance(i, int) for i in first.inputs):
        return ""
    operands = [trace.values[i] for i in first.inputs]
    for k, operand in enumerate(operands):
        source = next((trace.values[i] for i in operand.inputs if isinstance(i, int)), None)
        if operand.op != "reshape" or source is None or operand.array.ndim != 2 or source.array.size != operand.array.size:
            continue
        rows, columns = operand.array.shape
        moved = source.array.reshape(columns, rows).T  # the same shape, the entries as a transpose lays them
        args = [moved if j == k else operands[j].array for j in range(2)]
        if args[0].shape[-1] != args[1].shape[0]:
            continue
        again = args[0] @ args[1]
        match = next((g for g in port_gradients(other) if g.array.size == again.size and
                      (agrees(again.reshape(g.array.shape), g.array, tolerance) or
                       g.array.shape == again.shape[::-1] and agrees(again.T, g.array, tolerance))), None)
        if match is not None:
            return (f"Its operand {describe(operand)} is {describe(source)} reshaped to {operand.array.shape}; taken as "
                    f"{describe(source)} reshaped to ({columns}, {rows}) and transposed, the same numbers in another "
                    f"order, the product gives {name(match)}: a reshape where a transpose was meant (reshape(C, -1) for "
                    "reshape(-1, C).T).")
    return ""
