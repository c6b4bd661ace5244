"""A value two programs take with opposite signs: the NumPy program's ops past the agreeing value, on its negative (a
sign the program takes back on the way to its loss aside)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe
from parity.diagnosis.recompute import replay
from parity.diagnosis.value_laws import sign_taken_back
from parity.diagnosis.another_source import DEPTH, same_laid
from parity.diagnosis.written_ops import meant_there


def negated_input(numpy_ops: list[Value], frontier: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """The NumPy program's ops past the agreeing value x, recomputed on -x: where one gives a value of the port's (or
    its negative), the two take the agreeing value with opposite signs there (a difference taken the other way round,
    s_neg - s_pos for s_pos - s_neg, in a loss not symmetric in it)."""
    for value in numpy_ops[:3]:
        result = replay(trace, value.index, {frontier.index: -frontier.array}, DEPTH)
        if result is None or result.size < 2 or np.ptp(result) == 0 or same_laid(result, value.array, tolerance):
            continue
        if sign_taken_back(value, dict(enumerate(trace.values))):
            continue  # the program negates it on the way to its loss (-(log p · mask).sum()): no sign apart
        for sign, words in ((1.0, ""), (-1.0, "the negative of ")):
            if same_laid(sign * result, frontier.array, tolerance):
                continue  # -(-x) is x: the agreeing value itself, no reading
            twin = next((v for v in other.values if v.op != "grad" and same_laid(sign * result, v.array, tolerance)), None)
            if twin is not None and any(same_laid(v.array, twin.array, tolerance) for v in trace.values[:value.index]):
                continue  # a value the NumPy program made already (x_t = a + b, from the very terms it subtracts)
            if twin is not None:
                return (f"The NumPy program's {value.op}, computed on -x (x the agreeing value, {describe(frontier)}), gives "
                        f"{words}the port's {describe(twin)}: the two programs take that value with opposite signs there "
                        "(a difference taken the other way round, b - a for a - b, in a loss that is not symmetric in it).")
    return ""


def meant(numpy_ops: list[Value], torch_ops: list[Value], numpy_trace: Trace, torch_trace: Trace, region: list[int],
          tolerance: float) -> tuple | None:
    """written_ops.meant_there as a reading: (finding, words, fix, fit)."""
    found = meant_there(numpy_ops, torch_ops, numpy_trace, torch_trace, region, tolerance)
    return found and ("forward", *found)
