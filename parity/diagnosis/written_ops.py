"""Ops that mean other things on the two sides where two programs as written part: a convolution of another
length (its padding), ops of one name and another meaning (np.convolve against conv1d, np.repeat against repeat)."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.fused_cells import written_out_calls
from parity.diagnosis.broadcasts import keepdims_left_out
from parity.diagnosis.called_again import recalled
from parity.diagnosis.comparisons import bias_order
from parity.diagnosis.factor_chains import factors_apart
from parity.diagnosis.op_pairs import chain, constants, op_order
from parity.diagnosis.one_sided import one_sided_offset, one_sided_scale
from parity.diagnosis.value_laws import sign_taken_back
from parity.diagnosis.agreements import known, read_back
from parity.diagnosis.recompute import leaves, recomputed, replay, replayable
from parity.diagnosis.value_match import spread, zero_one
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

CONVOLUTIONS = {"conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d"}


def lengths(numpy_values: list[Value], torch_ops: list[Value]) -> str:
    """The port's first op gives a value one axis longer or shorter than the NumPy program's output (not the windows
    it stacks for a product): a padding or a stride."""
    if (theirs := next((v for v in torch_ops if v.op in CONVOLUTIONS), None)) is None:
        return ""
    shape = theirs.array.shape
    for value in (v for v in numpy_values if v.op not in ("stack", "concatenate", "pad", "getitem", "reshape", "transpose")):
        mine = value.array.shape
        differ = [k for k in range(len(mine)) if len(mine) == len(shape) and mine[k] != shape[k]]
        if len(differ) == 1 and mine[:2] == shape[:2]:
            k = differ[0]
            gap = shape[k] - mine[k]
            padding = (f": the port's {theirs.op} pads {gap} more in all, {gap // 2} more on each side (a 'same' convolution "
                       "against a 'valid' one, or a causal padding on both sides whose extra positions are cut from the "
                       "other end)" if gap > 0 and gap % 2 == 0 else
                       f": the two convolutions pad or stride otherwise ({shape[k]} against {mine[k]} positions)")
            return (f"The port's {theirs.op} gives {shape[k]} positions along axis {k} ({shape}), the NumPy program's "
                    f"convolution {mine[k]} ({mine}){padding}.")
    return ""


SUBSTITUTES = {  # an op, and the ops a program writes in its place by mistake, each tried on the same operands
    "dot": {"the elementwise product a * b": np.multiply, "a.T @ b": lambda a, b: a.T @ b, "a @ b.T": lambda a, b: a @ b.T},
    "matmul": {"the elementwise product a * b": np.multiply, "a.T @ b": lambda a, b: a.T @ b, "a @ b.T": lambda a, b: a @ b.T},
    "multiply": {"the matrix product a @ b": np.matmul},
    "add": {"a - b": np.subtract},
    "subtract": {"a + b": np.add, "b - a (the operands swapped: the sign flipped)": lambda a, b: b - a},
    "divide": {"a * b": np.multiply, "b / a": lambda a, b: b / a},
    "true_divide": {"a * b": np.multiply, "b / a": lambda a, b: b / a},
}


def substituted(value: Value, trace: Trace, other: Trace, tolerance: float,
                name: Callable[[Value], str] = lambda v: f"the port's {describe(v)}", gradients: bool = True) -> str:
    """The first departing value one op on two operands, and another op on the very same ones the other side's."""
    op = value.op.removesuffix(" (in place)")
    operands = [trace.values[i].array if isinstance(i, int) else value.unseen.get(k, i) for k, i in enumerate(value.inputs)]
    if op not in SUBSTITUTES or len(operands) != 2 or any(isinstance(o, str) for o in operands):
        return ""  # an array the program holds and the trace kept no copy of (a large weight): not tried
    a, b = (np.asarray(o, np.float64) for o in operands)
    flip_undone = sign_taken_back(value, dict(enumerate(trace.values)))
    for words, function in SUBSTITUTES[op].items():
        with np.errstate(all="ignore"):
            try:
                candidate = np.asarray(function(a, b), np.float64)
            except ValueError:  # shapes that do not fit that op
                continue
        if candidate.size < 2 or not np.all(np.isfinite(candidate)) or not np.any(candidate):
            continue
        for factor in SMALL_FACTORS:  # exactly, or with a half or a sign placed otherwise (r²/2·v for r²/(2v))
            if flip_undone and factor == 1 and "sign flipped" in words or any(
                    o.size > 1 and _same(factor * candidate, o, tolerance) for o in (a, b)):
                continue  # the sign taken back at once; or an operand itself again (a·2·0.5 is a): nothing computed otherwise
            twin = next((v for v in other.values if (factor == 1 and gradients or v.op != "grad") and _same(factor * candidate, v.array, tolerance)), None)
            if twin is not None and (twin.op == "grad" or not any(_same(v.array, twin.array, tolerance) for v in
                                                                  trace.values[:value.index])):  # not made already (x_t = a + b)
                times = "" if factor == 1 else f" times {factor:g}"
                return (f"With a = {_operand(value.inputs[0], trace)} and b = {_operand(value.inputs[1], trace)}, the "
                        f"NumPy program computes {op}(a, b); {words}{times}, on the very same a and b, gives {name(twin)}: "
                        f"the two programs compute these operands otherwise, {op}(a, b) against {words}{times} (an "
                        "operator's precedence, a / 2 * v for a / (2 * v), or the op itself).")
    return ""


SMALL_FACTORS = (1.0, 0.5, 2.0, -1.0)


def _same(candidate: np.ndarray, theirs: np.ndarray, tolerance: float) -> bool:
    return agrees(candidate, theirs, tolerance) if candidate.shape == theirs.shape else \
        candidate.ndim == 2 and candidate.shape[::-1] == theirs.shape and agrees(candidate.T, theirs, tolerance)  # transposed


def _operand(source: int | float | str, trace: Trace) -> str:
    return describe(trace.values[source]) if isinstance(source, int) else "an array it holds" if source == "?" else f"{source:.6g}"


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
            if result is None or result.size < 2 or len(np.unique(result)) <= 2 or \
                    any(_same(result, a, tolerance) for a in [*inputs, candidate.array]):
                continue  # nothing, a constant or a mask's multiple (a mean's 1/n matches many), or an input or the value
                # put in again (a factor or mask of 1 there): no source shown
            twin = next((v for v in other.values if accept(v) and _same(result, v.array, tolerance)), None)
            if twin is not None and twin.op != "grad" and not twin.op.endswith(".grad") and any(
                    _same(v.array, twin.array, tolerance) for v in trace.values[:value.index]):
                continue  # a forward value the NumPy program already has: the formula collapsing to it with the
                # value put in (a·b/b), which shows nothing of where the two part
            if twin is not None:
                return (f"Recomputed with {known(candidate, other, tolerance)} in place of "
                        f"{known(trace.values[leaf], other, tolerance)}, the NumPy program's {value.op} gives {name(twin)}: "
                        + ("the program takes that value from the wrong source there" if reference else
                           "the two programs take that operand from different values there (which one is meant, the "
                           "forward pass alone cannot tell)")
                        + " (an off-by-one among a list of states, a pre-activation for an activation, or the like)."
                        + _one_op_off(read_back(trace, trace.values[leaf]), candidate) + _later(trace, trace.values[leaf], candidate)
                        + _exchanged(trace, other, trace.values[leaf], candidate, tolerance, accept))
    return ""


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
        if result is None or result.size < 2 or any(_same(result, a, tolerance) for a in
                                                    (trace.values[index].array, meant.array, taken.array)):
            continue
        if any(accept(v) and _same(result, v.array, tolerance) for v in other.values):
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


def weight_left_out(value: Value, trace: Trace, other: Trace, tolerance: float, weights: list[np.ndarray],
                    name: Callable[[Value], str] = lambda v: f"the port's {describe(v)}") -> str:
    """The departing value recomputed with one operand times one of the other side's weights (W or Wᵀ) is the other
    side's: that product missing (a delta broadcast across a layer instead of carried back through its weights)."""
    op = value.op.removesuffix(" (in place)")
    function = getattr(np, op, None)
    if not isinstance(function, np.ufunc) or value.detail or "?" in value.inputs:
        return ""
    args = [trace.values[i].array if isinstance(i, int) else i for i in value.inputs]
    for k, arg in enumerate(args):
        if not isinstance(arg, np.ndarray) or arg.ndim < 2:
            continue
        for weight in (np.asarray(w, np.float64) for w in weights if 1 <= np.ndim(w) <= 2):
            products = ((weight, "W", arg @ weight if weight.shape[0] == arg.shape[-1] else None),  # over its last axis
                        (weight.T, "Wᵀ", arg @ weight.T if weight.shape[-1] == arg.shape[-1] else None)) if weight.ndim == 2 else \
                ((weight, "w elementwise (a gain or scale)", arg * weight if weight.shape[0] == arg.shape[-1] else None),)
            for W, words, product in products:
                if product is None or W.size == 1 or not np.ptp(W):
                    continue
                with np.errstate(all="ignore"):
                    try:
                        result = np.asarray(function(*args[:k], product, *args[k + 1:]), np.float64)
                    except ValueError:
                        continue
                twin = next((v for v in other.values if result.size > 1 and _same(result, v.array, tolerance)), None)
                if twin is not None:
                    return (f"With {describe(trace.values[value.inputs[k]])} first multiplied by {words} (the weight of "
                            f"shape {weight.shape}), the NumPy program's {op} gives {name(twin)}: the product with that "
                            "weight is missing there (the delta broadcast across the layer instead of carried back "
                            "through its weights, delta @ W.T).")
    return ""


def _scaled_later(trace: Trace, value: Value) -> bool:
    """One number the program goes on to scale (a sum it then divides by n): its reduction is not done there."""
    return value.array.size == 1 and any(trace.values[u].op.removesuffix(" (in place)") in ("divide", "true_divide", "multiply")
                                         and any(isinstance(i, float) for i in trace.values[u].inputs) for u in value.users)


def meant_there(numpy_ops: list[Value], torch_ops: list[Value], trace: Trace, other: Trace, region: list[int],
                tolerance: float) -> tuple[str, str, float] | None:
    """What a program may have meant where the two part, each tried on the program's own numbers: (said, fix, fit)."""
    if numpy_ops and torch_ops and (order := op_order(chain(trace, numpy_ops[0], set(region), 8), chain(other, torch_ops[0]),
                                                      (trace, other), tolerance)):
        return order + bias_order(chain(trace, numpy_ops[0], set(region), 8), chain(other, torch_ops[0]), trace, other), \
            "Apply the two operations in the same order.", 0.8
    nearby = (*chain(trace, numpy_ops[0], set(region), 3), *chain(other, torch_ops[0], None, 3)) if numpy_ops and torch_ops else ()
    if number := factors_apart((trace, other), numpy_ops, torch_ops, region) or constants(
            numpy_ops, torch_ops, trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0, nearby):
        return number, "Use the same number in both programs.", 0.8
    if broadcast := keepdims_left_out([trace.values[i] for i in region], trace, other, tolerance):
        return broadcast, "Keep the reduced axis (keepdims=True) so that each row takes its own number.", 0.85
    further = dict.fromkeys([v.index for v in torch_ops] + [i for v in torch_ops for i in v.users])  # and one op on
    tried = [other.values[i] for i in further if other.values[i].op != "grad"][:12] + written_out_calls(other, torch_ops)
    finished = [trace.values[i] for i in region if not _scaled_later(trace, trace.values[i])]
    start = min(region, default=0)
    shared = tuple(v.array for v in trace.values[max(0, start - 64):start])  # the values before the two part
    if again := recalled(tried, other.called, finished, tolerance, shared, trace, other):
        return again, "Call it as the NumPy program computes it.", 0.85
    if numpy_ops and (swapped := substituted(numpy_ops[0], trace, other, tolerance, gradients=False)):
        return swapped, "Use that operation there.", 0.85
    for value in chain(trace, numpy_ops[0], set(region), 6) if numpy_ops else ():  # the departing value, and what it makes
        if source := another_input(value, trace, other, tolerance, reference=False, kin=True):
            return source, "Take that value from the same source in both programs.", 0.75
    if scaled := one_sided_scale(numpy_ops, torch_ops, trace, other):
        return scaled, "Scale the same term by that number in both programs.", 0.8
    if offset := one_sided_offset(numpy_ops, torch_ops, trace, other):
        return offset, "Write the formula's constant term alike in both programs.", 0.75
    return None
