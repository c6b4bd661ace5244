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
from parity.diagnosis.another_source import another_input, same_laid
from parity.diagnosis.value_trace import Trace, Value, describe

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
                    o.size > 1 and same_laid(factor * candidate, o, tolerance) for o in (a, b)):
                continue  # the sign taken back at once; or an operand itself again (a·2·0.5 is a): nothing computed otherwise
            twin = next((v for v in other.values if (factor == 1 and gradients or v.op != "grad") and same_laid(factor * candidate, v.array, tolerance)), None)
            if twin is not None and (twin.op == "grad" or not any(same_laid(v.array, twin.array, tolerance) for v in
                                                                  trace.values[:value.index])):  # not made already (x_t = a + b)
                times = "" if factor == 1 else f" times {factor:g}"
                return (f"With a = {_operand(value.inputs[0], trace)} and b = {_operand(value.inputs[1], trace)}, the "
                        f"NumPy program computes {op}(a, b); {words}{times}, on the very same a and b, gives {name(twin)}: "
                        f"the two programs compute these operands otherwise, {op}(a, b) against {words}{times} (an "
                        "operator's precedence, a / 2 * v for a / (2 * v), or the op itself).")
    return ""


SMALL_FACTORS = (1.0, 0.5, 2.0, -1.0)


def _operand(source: int | float | str, trace: Trace) -> str:
    return describe(trace.values[source]) if isinstance(source, int) else "an array it holds" if source == "?" else f"{source:.6g}"


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
                twin = next((v for v in other.values if result.size > 1 and same_laid(result, v.array, tolerance)), None)
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
