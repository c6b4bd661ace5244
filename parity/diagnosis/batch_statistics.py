"""A number one program computes from this batch's data where the other holds a constant: a global mean rating, a
baseline or a normaliser taken as the batch's mean of y (or of X) on one side and written as the data set's number
on the other. Measured by recomputing the op with the other side's constant in place of the statistic.

    pred = dot + b_u + b_i + y.mean()      the batch's mean: another number each batch
    pred = dot + b_u + b_i + MU            the training set's mean, held
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.written_readings import roots

OPS = {"add": np.add, "subtract": np.subtract, "sub": np.subtract, "multiply": np.multiply, "mul": np.multiply,
       "divide": np.divide, "true_divide": np.divide, "div": np.divide}
MOST_VALUES = 24


def statistic_for_constant(departing: list[Value], traces: tuple[Trace, Trace], agreed: dict[int, Value],
                           tolerance: float) -> str:
    """The NumPy program's op on a batch statistic where the port's same op takes a constant (or the other way round)
    and the op with that constant gives the other program's value."""
    numpy_trace, torch_trace = traces
    inverse = {twin.index: numpy_trace.values[index] for index, twin in agreed.items()}
    port_departing = [v for v in torch_trace.values if v.index not in inverse and v.op != "grad"]
    for mine, theirs, pairs, whose in ((numpy_trace, torch_trace, agreed, ("The NumPy program", "the port")),
                                       (torch_trace, numpy_trace, inverse, ("The port", "the NumPy program"))):
        for value in (departing if mine is numpy_trace else port_departing)[:MOST_VALUES]:
            if said := _held_instead(value, mine, theirs, pairs, tolerance, whose):
                return said
    return ""


def _held_instead(value: Value, mine: Trace, theirs: Trace, pairs: dict[int, Value], tolerance: float,
                  whose: tuple[str, str]) -> str:
    op = OPS.get(value.op.removesuffix(" (in place)"))
    if op is None or len(value.inputs) != 2 or not all(isinstance(i, int) for i in value.inputs):
        return ""
    for k in (0, 1):
        statistic, other = mine.values[value.inputs[k]], mine.values[value.inputs[1 - k]]
        if statistic.array.size != 1 or other.index not in pairs or statistic.index in pairs or \
                not (made := roots(mine, statistic.index)) or not made <= {"X", "y"}:
            continue
        for twin, user in _users(pairs[other.index], theirs):
            constants = [c for c in user.inputs if isinstance(c, float)]
            if OPS.get(user.op.removesuffix(" (in place)")) is not op or len(constants) != 1 or twin.index not in user.inputs:
                continue
            operands = [other.array.reshape(twin.array.shape)] * 2
            operands[k] = np.float64(constants[0])
            with np.errstate(all="ignore"):
                again = op(*operands)
            if again.shape == user.array.shape and agrees(again, user.array, tolerance):
                return (f"{whose[0]}'s {describe(value)} takes {describe(statistic)} = {float(statistic.array.ravel()[0]):.6g}, "
                        f"a number it computes from this batch's {' and '.join(sorted(made))}, where {whose[1]}'s "
                        f"{describe(user)} takes the constant {constants[0]:g}: with {constants[0]:g} in its place the "
                        f"two agree. One side takes the statistic (a mean, a baseline) of each batch, the other holds "
                        "the data set's number.")
    return ""


RESHAPING = {"squeeze", "unsqueeze", "view", "reshape", "flatten", "to", "contiguous", "getitem", "ravel"}


def _users(twin: Value, trace: Trace) -> list[tuple[Value, Value]]:
    """(value, a user of it): the twin's users, and those of the same numbers reshaped (a (n, 1) column squeezed)."""
    shaped = [twin] + [trace.values[u] for u in twin.users if trace.values[u].op in RESHAPING
                       and trace.values[u].array.size == twin.array.size]
    return [(v, trace.values[u]) for v in shaped for u in v.users]
