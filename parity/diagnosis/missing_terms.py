"""A NumPy backward value that parts from the port's gradient of its shape by one term: the term named, measured on
the two programs' own numbers. Another of the port's gradients (a skip connection's path, a tied weight's second use),
with either sign; a product of two of its values; a gradient through a weight from a later use of the value; a
symmetric product's transposed term ((dS + dSᵀ)·Z); a block of rows missing another part's term; a term added later
with another factor."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.recompute import leaves
from parity.diagnosis.value_trace import MASKED, Trace, Value, agrees, describe

MOST_PRODUCTS = 4000  # pairs of the port's values tried as a dropped product term


def is_gradient(value: Value) -> bool:
    return value.op == "grad" or value.op.endswith(".grad")


def toward(parameter: str) -> Callable[[Value], bool]:
    """The port's gradients a NumPy value on the way to `parameter`'s update may be: at one of the port's values, or of
    that parameter; another parameter's gradient remade there (a weight's gradient summed like a bias's) shows no source."""
    return lambda value: value.op in ("grad", f"{parameter}.grad")


def port_gradients(trace: Trace) -> list[Value]:
    """The gradients a trace holds: at its values, and of its parameters."""
    return [v for v in trace.values if is_gradient(v)]


def gradient_name(value: Value, trace: Trace) -> str:
    if value.op.endswith(".grad"):  # back-propagation's own where the port's step then changes .grad (a clip)
        return f"the port's gradient of {value.op.removesuffix('.grad')}" + (f" ({value.detail})" if value.detail else "")
    if value.op == "grad" and value.inputs and isinstance(value.inputs[0], int):
        return f"the gradient at the port's {describe(trace.values[value.inputs[0]])}"
    return f"the port's {describe(value)}"


def missing_term(first: Value, region: list[int], numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """The departing value, or the gradient it leads to, against the port's gradient of its shape: the difference
    another of the port's values, or a product of two."""
    departing = [first] + [numpy_trace.values[i] for i in region if i > first.index]
    gradients = [v for v in torch_trace.values if is_gradient(v)]
    sums = [abs(float(np.sum(v.array))) for v in torch_trace.values]  # a term equal to the gap, ± and in any layout,
    # has the gap's sum: compared first, the elementwise check only where it holds (an unrolled recurrence has many)
    for value in departing[:12]:
        if not np.any(value.array):
            continue
        for theirs in gradients:
            a = aligned(value.array, theirs.array, merged=True)
            if a is None or agrees(a, theirs.array, tolerance):
                continue
            gap = theirs.array - a
            if said := _transposed_term(value, theirs.array, numpy_trace, tolerance):
                return f"It is {gradient_name(theirs, torch_trace)} less {said}"
            gap_is_theirs = gap.shape == theirs.array.shape and (agrees(gap, theirs.array, tolerance) or agrees(
                -gap, theirs.array, tolerance))  # a value 0 or 2 times the port's: one factor, no term of its own
            total, slack = abs(float(np.sum(gap))), 2 * tolerance * float(np.abs(gap).max(initial=0.0)) * gap.size
            for other in torch_trace.values:
                if other.array.size != gap.size or abs(sums[other.index] - total) > slack:
                    continue
                term = aligned(other.array, gap)
                if term is None or other.op in KIT_READS or (agrees(other.array, theirs.array, tolerance)
                                                             if other.array.shape == gap.shape else gap_is_theirs):
                    continue
                if other is not theirs and agrees(term, gap, tolerance):
                    if later := _added_later(value, gap, departing, tolerance):
                        return f"It is {gradient_name(theirs, torch_trace)} less {gradient_name(other, torch_trace)}: that term {later}"
                    return (f"It is {gradient_name(theirs, torch_trace)} less {gradient_name(other, torch_trace)}: the "
                            f"two part by exactly that term ({_path(other, torch_trace)}){ONE_TERM}")
                if other is not theirs and is_gradient(other) and agrees(-term, gap, tolerance):
                    for whole, extra in ((theirs, other), (other, theirs)):  # a sum of two: either may be the extra
                        if twice := _counted_twice(value, extra.array, numpy_trace, tolerance):
                            return f"It is {gradient_name(whole, torch_trace)} plus {gradient_name(extra, torch_trace)}: {twice}"
                    return (f"It is {gradient_name(theirs, torch_trace)} plus {gradient_name(other, torch_trace)}: the "
                            "two part by exactly that term, a term of the derivative through another value it meets "
                            f"(a distance's second operand, another branch){ONE_TERM}")
            if block := _block_term(gap, theirs, gradients, torch_trace, tolerance):
                return f"It is {gradient_name(theirs, torch_trace)} less {block}{ONE_TERM}"
            if value is first and theirs.op == "grad" and (carried := _gated_term(gap, theirs, gradients, torch_trace, tolerance)):
                return (f"It is {gradient_name(theirs, torch_trace)} less {carried}: the two part by exactly the term that "
                        "reaches the value through its use in that product (a cell state carried to the next time step "
                        f"through its forget gate, a value gated on into another path){ONE_TERM}")
            summed_later = any(v.op.removesuffix(" (in place)") in ("add", "subtract") and value.index in v.inputs for v in departing)
            if theirs.op.endswith(".grad") and not summed_later and not gap_is_theirs and (
                    product := _product(gap, torch_trace, tolerance)):  # a gap that is the whole gradient is no second use's
                # a partial sum the program goes on to add the other use's term to is no missing use
                return (f"Its gradient of {theirs.op.removesuffix('.grad')} is the port's less {product}: the term of "
                        f"a second use of that parameter (a tied or shared weight) is missing on the NumPy side.")
            if theirs.op == "grad" and (through := _through_weight(gap, theirs, torch_trace, tolerance)):
                it = "It" if value is first else f"The NumPy program's {describe(value)}, a value on its way there,"
                if later := _added_later(value, gap, departing, tolerance):
                    return (f"{it} is {gradient_name(theirs, torch_trace)} less {through[0]}: that term, the path through a "
                            f"weight from a later use of the value, {later}")
                return (f"{it} is {gradient_name(theirs, torch_trace)} less {through[0]}: the two part by exactly the term "
                        "that reaches that value through a weight from a later use of it (the next time step's "
                        f"recurrence, dh_next; a second layer or head it feeds){ONE_TERM}")
    return ""


def _counted_twice(value: Value, term: np.ndarray, trace: Trace, tolerance: float) -> str:
    """value = A + B where A is the extra term and B is a sum already made from a value equal to it: the NumPy
    program adds a path's term to a total that holds it (d_h1 = d_h2.copy(); d_h1 += d_h2 + block)."""
    if value.op.removesuffix(" (in place)") != "add" or len(value.inputs) != 2:
        return ""
    for mine, rest in (value.inputs, value.inputs[::-1]):
        if not isinstance(rest, int):
            continue
        held = trace.values[mine].array if isinstance(mine, int) else value.array - trace.values[rest].array
        if aligned(held, term) is None or not agrees(aligned(held, term), term, tolerance):
            continue
        within = [i for i in leaves(trace, rest, 3) if trace.values[i].array.shape == held.shape]
        if trace.values[rest].op.removesuffix(" (in place)") == "add" and (
                source := next((i for i in within if agrees(trace.values[i].array, held, tolerance)), None)) is not None:
            return (f"the NumPy program adds that term to {describe(trace.values[rest])}, a sum already made from "
                    f"{describe(trace.values[source])}, which equals it: the term counted twice, once on its own and "
                    "once in the sum (a skip path's gradient added again, a copy taken and then added to) (measured).")
    return ""


def _transposed_term(value: Value, theirs: np.ndarray, trace: Trace, tolerance: float) -> str:
    """value = A·B with A square, and the port's gradient c·(A + Aᵀ)·B (c a factor the NumPy program applies later,
    a temperature): the term of a product whose matrix is symmetric in its use (S = Z·Zᵀ uses Z on both sides, so
    dZ = (dS + dSᵀ)·Z) kept on one side only."""
    if value.op.removesuffix(" (in place)") not in ("matmul", "dot") or len(value.inputs) != 2 or \
            not all(isinstance(i, int) for i in value.inputs):
        return ""
    A, B = (trace.values[i].array for i in value.inputs)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or B.ndim != 2 or (A @ B).shape != theirs.shape:
        return ""
    both = (A + A.T) @ B
    fit = fit_ratio(theirs, both)
    if fit is None or not agrees(fit[0] * both, theirs, tolerance) or agrees(fit[0] * (A @ B), theirs, tolerance):
        return ""
    later = f" (up to the factor {fit[0]:.4g} the program applies after it)" if abs(fit[0] - 1) > 1e-6 else ""
    return (f"the same product with its square matrix transposed{later}, {describe(trace.values[value.inputs[0]])}ᵀ · "
            f"{describe(trace.values[value.inputs[1]])}: the NumPy program keeps dS·Z alone where the value is used on "
            "both sides of a product (S = Z·Zᵀ, a similarity or Gram matrix), whose gradient is (dS + dSᵀ)·Z.")


def _block_term(gap: np.ndarray, theirs: Value, gradients: list[Value], trace: Trace, tolerance: float) -> str:
    """The two part in one block of rows only, and there by ± another of the port's gradients of the block's shape
    (a stacked value's part missing the term through another part: an anchor's gradient without its negative's)."""
    if gap.ndim < 1 or not np.any(gap):
        return ""
    rows = np.flatnonzero(np.abs(gap.reshape(len(gap), -1)).max(axis=1) > tolerance * np.abs(theirs.array).max())
    if len(rows) == 0 or len(rows) == len(gap) or rows[-1] - rows[0] + 1 != len(rows):
        return ""
    block = gap[rows[0]:rows[-1] + 1]
    for other in gradients:
        if other is theirs or other.array.shape != block.shape:
            continue
        for sign, words in ((1.0, ""), (-1.0, "minus ")):
            if agrees(sign * other.array, block, tolerance):
                return (f"{words}{gradient_name(other, trace)} in rows {rows[0]}:{rows[-1] + 1} (the other rows agree): "
                        "that block of the value misses the term it receives through another part of it")
    return ""


ONE_TERM = (": left out on the NumPy side, or there with another sign or weight (a loss's weight on that path, a sign "
            "flipped in its derivative), which the difference alone does not tell apart.")


def _added_later(value: Value, term: np.ndarray, departing: list[Value], tolerance: float) -> str:
    """A later NumPy value that is this one plus k times the missing term: the term is there, with the factor k where
    1 belongs (a weight on that path applied twice, or another weight)."""
    for later in departing:
        if later.index <= value.index or later.array.shape != term.shape:
            continue
        added = later.array - value.array
        fit = fit_ratio(added, term)
        if fit is not None and abs(fit[0] - 1) > 1e-6 and abs(fit[0]) > 1e-9 and agrees(added, fit[0] * term, tolerance):
            return (f"is added later ({describe(later)}) times {fit[0]:.6g} where 1 belongs: a factor on that path, a weight "
                    "applied twice or left out, or another weight (measured).")
    return ""


def _through_weight(gap: np.ndarray, theirs: Value, trace: Trace, tolerance: float) -> tuple[str, np.ndarray] | None:
    """gap = G·W or G·Wᵀ for one of the port's gradients G and one of its weights W (as the kit read them)."""
    if gap.ndim != 2 or not np.any(gap):
        return None
    peak = float(np.abs(gap).max())
    for grad, weight, words, product, its_peak in _weight_products(trace, gap.shape[0]):
        # |max|a| - max|b|| <= max|a - b|: a product whose peak is that far from the gap's cannot agree with it
        if grad is theirs or product.shape != gap.shape or (peak < MASKED and abs(its_peak - peak) > tolerance * peak):
            continue
        if agrees(product, gap, tolerance):
            return f"({gradient_name(grad, trace)}) · {words} (W of shape {weight.array.shape})", product
    return None


def _weight_products(trace: Trace, rows: int) -> list[tuple[Value, Value, str, np.ndarray, float]]:
    """G·W and G·Wᵀ for the port's gradients G of `rows` rows and the weights W the kit read, with each one's peak:
    made once per trace, since every gap of a run is held against the same products."""
    key = f"weight products {rows}"
    if key not in trace.memo:
        weights = {v.array.shape + (v.array.tobytes()[:64],): v for v in trace.values if v.op in KIT_READS and v.array.ndim == 2}
        grads = [v for v in trace.values if v.op == "grad" and v.array.ndim == 2 and v.array.shape[0] == rows]
        products = [(grad, weight, words, product := grad.array @ W, float(np.abs(product).max(initial=0.0)))
                    for grad in grads[:MOST_PRODUCTS // 8 + 1] for weight in weights.values()
                    for W, words in ((weight.array, "W"), (weight.array.T, "Wᵀ")) if W.shape[0] == grad.array.shape[1]]
        trace.memo[key] = products
    return trace.memo[key]


KIT_READS = {"detach", "cpu", "clone", "numpy", "to"}  # the kit reading a port's tensors, not values of the port's
VIEWS = {"t", "transpose", "permute", "T", "mT", "view", "reshape", "expand"}


def _path(other: Value, trace: Trace) -> str:
    """What the missing term is: a weight's second use (its transpose: a tied weight, used twice), or a path."""
    source = trace.values[other.inputs[0]] if other.op == "grad" and other.inputs and isinstance(other.inputs[0], int) else None
    if source is not None and source.op in VIEWS and "?" in source.inputs:
        return (f"the gradient through the parameter's second use, its {source.op}: a tied weight is used twice, and "
                f"its gradient is the sum of both uses' terms")
    if source is not None and source.op in VIEWS and source.inputs and isinstance(own := source.inputs[0], int) and \
            any(own in trace.values[u].inputs for u in source.users):
        return (f"the gradient through the transposed factor of {describe(trace.values[own])} times its own "
                f"{source.op} (F·Fᵀ, a Gram or similarity matrix): both factors are the same value, and its gradient "
                "is the sum of both factors' terms, (dG + dGᵀ)·F")
    return "a path the gradient takes besides the one written, such as a skip connection's identity path"


def _gated_term(gap: np.ndarray, theirs: Value, gradients: list[Value], trace: Trace, tolerance: float) -> str:
    """gap = A ⊙ G: one of the port's forward values times the gradient at a product A ⊙ V made from the value
    (V the value the gap's gradient is at): that product's term of V's gradient (dc += f ⊙ dc_next)."""
    at = theirs.inputs[0]
    for product in (v for v in trace.values if at in v.inputs and v.op in ("mul", "multiply") and v.array.shape == gap.shape):
        factor = next((trace.values[i] for i in product.inputs if isinstance(i, int) and i != at), None)
        grad = next((g for g in gradients if g.op == "grad" and g.inputs == (product.index,)), None)
        if factor is not None and grad is not None and factor.array.shape == gap.shape and np.any(gap) and \
                agrees(factor.array * grad.array, gap, tolerance):
            return f"{describe(factor)} times {gradient_name(grad, trace)}"
    return ""


def _product(gap: np.ndarray, trace: Trace, tolerance: float) -> str:
    """gap = Aᵀ·B for two of the port's values A, B of the batch's rows."""
    if gap.ndim != 2:
        return ""
    # a value over (rows, time, features) is rows of features too: the products of a sequence's steps, summed
    rows = [(v, v.array.reshape(-1, v.array.shape[-1])) for v in trace.values if v.array.ndim >= 2]
    tried = 0
    for a, left in rows:
        for b, right in rows:
            if left.shape[0] != right.shape[0] or (left.shape[1], right.shape[1]) not in (gap.shape, gap.shape[::-1]):
                continue
            tried += 1
            if tried > MOST_PRODUCTS:
                return ""
            product = left.T @ right
            product = product if product.shape == gap.shape else product.T
            if agrees(product, gap, tolerance):
                return f"({gradient_name(a, trace) if is_gradient(a) else describe(a)})ᵀ · ({gradient_name(b, trace) if is_gradient(b) else describe(b)})"
    return ""


def aligned(a: np.ndarray, b: np.ndarray, merged: bool = False) -> np.ndarray | None:
    """a laid out as b: as it is, transposed (each matrix of a batch), or, with `merged`, with trailing axes merged or
    split (a feature map (n, c, h, w) against (n, c, h·w)): the departing value against the port's gradient only, the
    terms searched for it being many."""
    if a.shape == b.shape:
        return a
    if a.ndim >= 2 and a.shape[:-2] == b.shape[:-2] and a.shape[-2:] == b.shape[-2:][::-1]:
        return np.swapaxes(a, -1, -2)
    if merged and a.size == b.size and a.ndim != b.ndim and min(a.ndim, b.ndim) >= 2 and a.shape[:2] == b.shape[:2]:
        return a.reshape(b.shape)
    return None
