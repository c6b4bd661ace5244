"""A departing NumPy value recomputed with one of the values it is made from replaced by another of the program's
values: where that gives a value of the port's, and the program so corrected meets the port again after it, the
program took that value from the wrong source (an off-by-one among states, a pre-activation for an activation)."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.agreements import known, read_back
from parity.diagnosis.carried_down import meets_again
from parity.diagnosis.recompute import leaves, recomputed, replay, replayable
from parity.diagnosis.value_match import spread, zero_one
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


def same_laid(candidate: np.ndarray, theirs: np.ndarray, tolerance: float) -> bool:
    """Two values alike as they are, or one transposed."""
    return agrees(candidate, theirs, tolerance) if candidate.shape == theirs.shape else \
        candidate.ndim == 2 and candidate.shape[::-1] == theirs.shape and agrees(candidate.T, theirs, tolerance)  # transposed


DEPTH = 5  # ops replayed back from the departing value (σ written out, 1 / (1 + exp(-a)), is four)
MOST_CANDIDATES = 60


def another_input(value: Value, trace: Trace, other: Trace, tolerance: float,
                  name: Callable[[Value], str] = lambda v: f"the port's {describe(v)}", reference: bool = True,
                  accept: Callable[[Value], bool] = lambda v: True, replaced: Callable[[Value], bool] = lambda v: True,
                  kin: bool = False) -> str:
    """The departing value recomputed with one of the values it is made from (a few elementwise ops back) replaced by
    another of its shape: where that gives a value of the other side's, the program took the wrong value there (an
    off-by-one among states, a pre-activation for an activation). With `kin`, only a value akin to it (`_akin`)."""
    sources = [leaf for leaf in leaves(trace, value.index, DEPTH) if replaced(trace.values[leaf])]
    for leaf in sources:
        shape = trace.values[leaf].array.shape
        candidates = [v for v in trace.values[:value.index] if v.index != leaf and v.array.shape == shape and np.ptp(v.array) > 0
                      and v.op not in ("y",) and not np.array_equal(v.array, trace.values[leaf].array)
                      and (not kin or _akin(trace, trace.values[leaf], v))][-MOST_CANDIDATES:]
        inputs = [spread(trace.values[i].array, value.array.shape) for i in value.inputs if isinstance(i, int)]
        for candidate in reversed(candidates):
            if zero_one(candidate.array) and not zero_one(trace.values[leaf].array) and not (
                    _one_op(candidate, trace.values[leaf]) or _one_op(trace.values[leaf], candidate)):
                continue  # a mask for a value one op apart from it neither way (zn > 0 for z - μ): a product that lands
                # on the other side's by its zeros, no source; z > 0 for z, or a mask for mask / keep, is one
            result = replay(trace, value.index, {leaf: candidate.array}, DEPTH)
            if result is None and leaf in value.inputs and _activation_of(trace, trace.values[leaf], candidate):
                result = recomputed(value, leaf, candidate.array, trace)  # the value's own operand, its other uses
                # as computed: only for an activation and its input, where the structure of the formula cannot make it
            if result is None or result.size < 2 or len(np.unique(result)) <= min(2, result.size - 1) or \
                    any(same_laid(result, a, tolerance) for a in [*inputs, candidate.array]):
                continue  # nothing, a constant or a mask's multiple (a mean's 1/n matches many), or an input or the value
                # put in again (a factor or mask of 1 there): no source shown
            twin = next((v for v in other.values if accept(v) and same_laid(result, v.array, tolerance)), None)
            if twin is not None and any(same_laid(v.array, twin.array, tolerance) for v in trace.values[:value.index]):
                continue  # a value the NumPy program already has: the formula collapsing to it with the value put in
                # (a·b/b), or a sibling's (dz = -g_z / n beside deta = -g_eta / n), which shows nothing of where they part
            if twin is not None and not (reference and not twin.op.endswith(".grad") and meets_again(
                    trace, value.index, result, other, tolerance) is False):
                # (so corrected, a NumPy backward that meets none of the port's values after it shows no source; a
                # parameter's gradient is the end of the backward pass: its optimizer's values no port trace holds)
                if reference and value.op == "mean" and (count := _divided_by_number(trace, trace.values[leaf], candidate)):
                    return (f"Recomputed with {known(candidate, other, tolerance)} in place of "
                            f"{known(trace.values[leaf], other, tolerance)}, which is it divided by {count:g}, the NumPy "
                            f"program's mean gives {name(twin)}: it divides by {count:g} and then takes the mean as well, "
                            "the count taken twice (a mean where the sum belongs: the delta already holds its 1/n).")
                if reference and _factor_of(trace, trace.values[leaf], candidate):
                    return (f"Recomputed with {known(candidate, other, tolerance)} in place of "
                            f"{known(trace.values[leaf], other, tolerance)}, a product of it with more factors, the NumPy "
                            f"program's {value.op} gives {name(twin)}: the NumPy program multiplies in a factor the port's "
                            "gradient does not have there (a derivative applied twice: an activation's derivative taken "
                            "again where the loss's gradient with respect to its input already holds it).")
                return (f"Recomputed with {known(candidate, other, tolerance)} in place of "
                        f"{known(trace.values[leaf], other, tolerance)}, the NumPy program's {value.op} gives {name(twin)}: "
                        + ("the program takes that value from the wrong source there" if reference else
                           "the two programs take that operand from different values there (which one is meant, the "
                           "forward pass alone cannot tell)")
                        + " (an off-by-one among a list of states, a pre-activation for an activation, or the like)."
                        + _one_op_off(read_back(trace, trace.values[leaf]), candidate) + _later(trace, trace.values[leaf], candidate)
                        + _exchanged(trace, other, trace.values[leaf], candidate, tolerance, accept))
    return ""


def _divided_by_number(trace: Trace, made: Value, source: Value, depth: int = 3) -> float | None:
    """k where `made` is `source` / k, through a few products and quotients by one number each (2·d / 40: k = 20)."""
    factor = 1.0
    for _ in range(depth):
        op, inputs = made.op.removesuffix(" (in place)"), made.inputs
        arrays, numbers = [i for i in inputs if isinstance(i, int)], [i for i in inputs if isinstance(i, float)]
        if len(inputs) != 2 or len(arrays) != 1 or len(numbers) != 1 or not numbers[0] or op not in ("divide", "true_divide", "multiply"):
            return None
        if op != "multiply" and inputs[1] != numbers[0]:
            return None  # a number divided by the array: no quotient by a count
        factor *= numbers[0] if op == "multiply" else 1 / numbers[0]
        if arrays[0] == source.index:
            return 1 / factor if 0 < factor < 1 else None
        made = trace.values[arrays[0]]
    return None


def _factor_of(trace: Trace, product: Value, factor: Value, depth: int = 3) -> bool:
    """Whether `product` is `factor` times other values, through products alone ((p - y)·p·(1 - p) of p - y)."""
    if depth == 0 or product.op.removesuffix(" (in place)") not in ("multiply", "mul"):
        return False
    return factor.index in product.inputs or any(
        isinstance(i, int) and _factor_of(trace, trace.values[i], factor, depth - 1) for i in product.inputs)


def _akin(trace: Trace, replaced: Value, put: Value) -> bool:
    """Two values a program mistakes for each other: of one op (h[t] for h[t-1]), one made from the other by one op
    (a pre-activation for its activation, x for -x), or a later layer's output for an earlier one's."""
    op = lambda v: v.op.removesuffix(" (in place)")  # noqa: E731
    return op(replaced) == op(put) or _one_op(replaced, put) or _one_op(put, replaced) or \
        replaced.op in ("X", "y") or bool(_later(trace, replaced, put)) or _written_out(trace, replaced, put) or \
        replaced.op.endswith("(in place)") and replaced.inputs[:1] == (put.index,)  # the array before a write into it


def _activation_of(trace: Trace, replaced: Value, put: Value) -> bool:
    """One value made from the other by one op, or by an activation written out in a few (σ as four ops)."""
    return _one_op(replaced, put) or _one_op(put, replaced) or _written_out(trace, replaced, put) or _written_out(trace, put, replaced)


def _written_out(trace: Trace, made: Value, source: Value, depth: int = 4) -> bool:
    """`made` is `source` through a few ops each on one array and numbers alone (σ written out as 1 / (1 + exp(-z))):
    an activation and its input, not two values a formula combines (x - h from x)."""
    for _ in range(depth):
        arrays = [i for i in made.inputs if not isinstance(i, float)]
        if len(arrays) != 1 or not isinstance(arrays[0], int):
            return False
        if arrays[0] == source.index:
            return True
        made = trace.values[arrays[0]]
    return False


def _one_op(made: Value, source: Value) -> bool:
    """`made` is one op on `source` alone, numbers beside it (tanh(z), 1 - t, -x): not x - h from x."""
    return source.index in made.inputs and all(isinstance(i, float) for i in made.inputs if i != source.index)


def _later(trace: Trace, replaced: Value, put: Value) -> str:
    """The value put in made from the one replaced through more ops (h2 from h1, h_t from h_t-1): the later one read."""
    if put.index <= replaced.index or _one_op(put, replaced) or replaced.index not in leaves(trace, put.index, 2 * DEPTH):
        return ""
    if replaced.op in ("X", "y"):
        return (f" Value {put.index} is made from {replaced.op} through more ops ({'targets' if replaced.op == 'y' else 'inputs'} "
                f"as the program makes them: mixed, smoothed, shifted or scaled): {replaced.op} itself is taken where "
                "those belong, or the reverse.")
    again = put.op == replaced.op and put.array.shape == replaced.array.shape  # the same op again: a recurrence's step
    return f" Value {put.index} is made from value {replaced.index} through more ops" + (
        f" and the same {put.op} again: one program reads the later one where the other reads the earlier (a recurrence's "
        "next time step, an index off by one in time; or a later layer of the same width)." if again else " (a later "
        "layer's output): one program reads a layer's output where the other reads a later layer's (a name rebound, h = "
        "layer2(h), before it is read).")


def _exchanged(trace: Trace, other: Trace, taken: Value, meant: Value, tolerance: float, accept: Callable[[Value], bool]) -> str:
    """The other way round too: a value made from `meant`, with `taken` in its place, is the other side's: exchanged."""
    for index in meant.users:
        if index == taken.index or trace.values[index].op == "grad" or not replayable(trace.values[index]):
            continue  # the taken value made from the meant one (1 - t from t): put back, it gives the meant one again
        result = replay(trace, index, {meant.index: taken.array}, 1)
        if result is None or result.size < 2 or any(same_laid(result, a, tolerance) for a in
                                                    (trace.values[index].array, meant.array, taken.array)):
            continue
        if any(accept(v) and same_laid(result, v.array, tolerance) for v in other.values):
            return (f" And the other way round: the NumPy program's {trace.values[index].op} of value {meant.index}, "
                    f"recomputed with value {taken.index} in its place, gives the other side's too: the two values are "
                    "exchanged between the programs (two outputs or heads unpacked in the other order, two arguments swapped).")
    return ""


def _one_op_off(replaced: Value, put: Value) -> str:
    """The value replaced one op on the value put in (numbers beside it): that op the slip (a sign, 1 - x); the value put
    in one op on the one replaced: that op left out (a pre-activation where its activation belongs)."""
    if _one_op(put, replaced):
        args = ", ".join(f"value {replaced.index}" if i == replaced.index else f"{i:g}" for i in put.inputs)
        return f" The value put in is {put.op}({args}): that {put.op} is the one op apart, left out where it belongs."
    if replaced.op.endswith("(in place)") and replaced.inputs[0] == put.index:
        return (f" The value replaced is {replaced.op} written into value {put.index}'s own array after it was made: the program "
                "reads that array after the write (one array under two names: b = a then b += …, where a.copy() was meant).")
    if not _one_op(replaced, put):
        return ""
    args = ", ".join(f"value {put.index}" if i == put.index else f"{i:g}" for i in replaced.inputs)
    sign = (" (-x where x belongs: a sign)" if replaced.op == "negative" else
            " (1 - x where x belongs, or x where 1 - x belongs: a complement, a gate and its carry)"
            if replaced.op == "subtract" and replaced.inputs == (1.0, put.index) else "")
    return f" The value replaced is {replaced.op}({args}): that {replaced.op} is the one op apart{sign}."
