"""A product whose operand is a reshape of a value where its transpose was meant: `f.reshape(C, -1) @ d` for
`f.reshape(-1, C).T @ d`. The two hold the same numbers in the same shape, in another order (a reshape regroups
entries as they lie, a transpose moves them): the product recomputed with the transposed layout gives one of the
port's gradients."""

from __future__ import annotations

from itertools import permutations
from typing import Callable

import numpy as np


from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

PRODUCTS = ("matmul", "dot")
VIEWS = ("reshape", "view", "flatten", "unflatten")


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


def viewed_for_transpose(torch_ops: list[Value], frontier: Value, twin: Value, numpy_ops: list[Value] = ()) -> str:
    """The port reshapes the value both share into the NumPy program's layout of it ((n, C, L) into (n, L, C)) where
    the NumPy program holds its transpose: a view regroups the entries as they lie, a transpose moves them."""
    theirs = next((v for v in torch_ops if v.op in VIEWS), None)
    ours, port = frontier.array, twin.array
    if theirs is not None and (mine := next((v for v in numpy_ops if v.op in VIEWS), None)) is not None and \
            ours.shape == port.shape and (said := _both_viewed(mine, theirs)):
        return said
    if theirs is None or ours.shape == port.shape or ours.size != port.size or theirs.array.shape != ours.shape or ours.ndim < 2:
        return ""
    order = next((axes for axes in permutations(range(port.ndim)) if port.transpose(axes).shape == ours.shape and
                  np.array_equal(port.transpose(axes), ours)), None)
    if order is None or not np.array_equal(port.reshape(ours.shape), theirs.array) or np.array_equal(theirs.array, ours):
        return ""
    return (f"The port makes its {port.shape} value {ours.shape} with a {theirs.op}, which regroups the entries as they lie, "
            f"where the NumPy program's value of that shape is its transpose (axes {order}): a {theirs.op} where a "
            f"transpose or permute was meant (x.permute{order}).")


def _both_viewed(mine: Value, theirs: Value) -> str:
    """Both sides view the value they agree on, into shapes one a permutation of the other ((n, T, d) against (T, n, d)):
    where the NumPy program's, transposed to the port's shape, is not the port's, the port's view regrouped the entries
    as they lie where a transpose of the other view was meant (X.view(T, n, d) for X.view(n, T, d).transpose(0, 1))."""
    ours, port = mine.array, theirs.array
    if ours.shape == port.shape or sorted(ours.shape) != sorted(port.shape) or ours.ndim < 2:
        return ""
    order = next((axes for axes in permutations(range(ours.ndim)) if ours.transpose(axes).shape == port.shape), None)
    if order is None or np.array_equal(ours.transpose(order), port):
        return ""
    return (f"Both sides make a view of it: the NumPy program's {ours.shape}, the port's {port.shape} with a {theirs.op}, which "
            f"regroups the entries as they lie; the NumPy program's, transposed (axes {order}), is not the port's: a "
            f"{theirs.op} where a transpose of the other layout was meant (x.{theirs.op}{ours.shape}.permute{order}).")
