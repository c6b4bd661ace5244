"""Where two programs part in the forward pass, a NumPy value and the port's value of its place that differ by a
simple multiple of one of the port's own values: one term of a sum weighted otherwise on the two sides (the cross
term of ‖x‖² - 2x·c + ‖c‖² written without its 2, a term added on one side only).

    numpy = port + k · t        (t a value the port computes, k a whole number or a half)
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.carried_down import meets_again
from parity.diagnosis.derivative_factor import FORMS, in_range
from parity.diagnosis.op_pairs import number_scale
from parity.diagnosis.ratios import ratio_meaning, written_form
from parity.diagnosis.value_laws import op_kind
from parity.diagnosis.value_match import spread
from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.written_readings import roots

SIMPLE = (1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0)  # coefficients a slip in a term's weight gives


def term_apart(numpy_values: list[Value], torch_values: list[Value], tolerance: float,
               terms: list[Value] | None = None, trace: Trace | None = None, other: Trace | None = None) -> str:
    """`torch_values` the port's values of the place (the agreeing value and what it makes), `terms` every value of
    the port's a term may be (by default the same; its forward values only, the last 120). Given the port's trace
    (`other`), a term is the cause only where the NumPy program, given the port's value there, does not go on to
    part from the port downstream (log(r + μ) is η - log σ(η - log r) by an identity of the formula, whatever
    the port goes on to compute)."""
    terms = [t for t in terms if t.op != "grad" and not t.op.endswith(".grad")][-120:] if terms else None
    for mine in numpy_values:
        if mine.array.size < 2 or np.ptp(mine.array) == 0 or trace is not None and not roots(trace, mine.index):
            continue  # a value made from neither X nor y (a noise drawn, a table built) holds no place of the data's
        shape = mine.array.shape  # (n, 1) kept with keepdims against the port's (n,): the same numbers
        same = [t for t in torch_values if t.array.size == mine.array.size and np.ptp(t.array) > 0
                and (t.array.shape == shape or 1 in (*t.array.shape, *shape))]
        for theirs in same:
            if agrees(mine.array, theirs.array.reshape(shape), tolerance):
                continue
            gap = mine.array - theirs.array.reshape(shape)
            for term in [t for t in (terms or same) if t.array.size == mine.array.size and np.ptp(t.array) > 0
                         and (t.array.shape == shape or 1 in (*t.array.shape, *shape))]:
                if _operands_of(mine, trace, (theirs, term), tolerance):
                    continue  # the NumPy program computes theirs ± term itself: where it parts, not a coefficient
                k = _coefficient(gap, term.array.reshape(shape), tolerance)
                if term is not theirs and k is not None and not _parts_again(mine, theirs, (trace, other), (term.index, tolerance)):
                    return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} "
                            f"{'plus' if k > 0 else 'minus'} {_times(abs(k))}the port's {describe(term)}, element by "
                            "element: one term of that sum is weighted otherwise on the two sides (a coefficient such "
                            "as the 2 of a cross term -2·x·c dropped, a term counted twice, or added on one side only).")
    return ""


def _parts_again(mine: Value, theirs: Value, both: tuple[Trace | None, Trace | None], read: tuple[int, float]) -> bool:
    """Whether the NumPy program, given the port's value in the place of its own, goes on past it and still parts from
    every value of the port's it could meet."""
    trace, other = both
    if trace is None or other is None:
        return False
    term, tolerance = read
    corrected = theirs.array.reshape(mine.array.shape)
    return meets_again(trace, mine.index, corrected, other, tolerance, False, frozenset({theirs.index, term}), True) is False


def _operands_of(mine: Value, trace: Trace | None, values: tuple[Value, Value], tolerance: float) -> bool:
    """Whether one of the NumPy value's own operands is one of the two port values (a − b of the port's a and b)."""
    inputs = [trace.values[i].array for i in mine.inputs if isinstance(i, int)] if trace is not None else []
    return any(a.size == v.array.size and agrees(a.reshape(v.array.shape), v.array, tolerance) for a in inputs for v in values)


def _coefficient(gap: np.ndarray, term: np.ndarray, tolerance: float) -> float | None:
    """k among SIMPLE with gap = k · term, else None."""
    for k in SIMPLE:
        if agrees(gap, k * term, tolerance):
            return k
    return None


def _times(k: float) -> str:
    return "" if k == 1 else f"{k:g} × "


def terms_weighted(numpy_values: list[Value], gradients: list[Value], trace: Trace, tolerance: float,
                   name: Callable[[Value], str]) -> str:
    """A NumPy delta written as the sum of two terms, A + B, where the reference's gradient of its shape is a·A + b·B
    with other weights (fitted, then checked exactly): the term whose weight differs, by how much, and what that
    number is where the program writes it (a temperature's T² = 9 left out of one term's gradient)."""
    for mine in numpy_values:
        total, scale = _scaled(mine, trace)
        parts = [trace.values[i] for i in total.inputs if isinstance(i, int)]
        if op_kind(total.op) not in ("add", "subtract") or len(parts) != 2 or \
                any(spread(p.array, total.array.shape).shape != total.array.shape for p in parts):
            continue  # a term broadcast into the sum (a per-expert penalty's gradient added to every row) counts
        sign = 1.0 if op_kind(total.op) == "add" else -1.0
        A, B = (scale * k * spread(p.array, total.array.shape).ravel() for p, k in zip(parts, (1.0, sign)))
        if np.ptp(A) == 0 or np.ptp(B) == 0:
            continue
        for theirs in (g for g in gradients if g.array.size == mine.array.size and np.ptp(g.array) > 0):
            if said := _row_weighted(A, B, (total, parts, scale), theirs, trace, tolerance) or \
                    _derivative_weighted(A, B, (total, parts), theirs, trace, tolerance):
                return f"{said[0]}{name(theirs)}{said[1]}"
            (a, b), *_ = np.linalg.lstsq(np.stack([A, B], axis=1), theirs.array.ravel(), rcond=None)
            if not agrees(a * A + b * B, theirs.array.ravel(), tolerance) or \
                    abs(a - 1) <= 1e-6 and abs(b - 1) <= 1e-6 or abs(a) <= 1e-12:
                continue
            term, k = (parts[1], b / a) if abs(a - 1) <= 1e-6 else (parts[0], a / b) if abs(b - 1) <= 1e-6 else (None, 0.0)
            if term is None or abs(k) <= 1e-6 or any(agrees(x, theirs.array.ravel(), tolerance) for x in (a * A, b * B)):
                continue  # a weight of 0, or one within rounding of it, is a term the port does not have: no weight
            rows = trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0
            said = ratio_meaning(k, rows) if rows else None
            meaning = f" ({said[1]})" if said else written_number(k, trace)
            tail = ("that term's weight in the gradient differs from the loss's (a factor of the loss left out of its "
                    "derivative, or applied to the wrong term).")
            if term.op == "y" or roots(trace, term.index) == {"y"} and "?" not in term.inputs:
                tail = (f"that term, made from the targets alone, is {1 / k:.6g} times the port's: the targets rescaled "
                        f"(y divided by {k:.6g}) where the port's loss takes y as it is.")
            return (f"The NumPy program's {describe(mine)} is the sum of its {describe(parts[0])} and {describe(parts[1])}"
                    f"{f' times {scale:.6g}' if scale != 1 else ''}; "
                    f"{name(theirs)} is that sum with {describe(term)} weighted {k:.6g} times{meaning}: {tail}")
    return ""


def _row_weighted(A: np.ndarray, B: np.ndarray, made: tuple, theirs: Value, trace: Trace,
                  tolerance: float) -> tuple[str, str] | None:
    """The port's gradient A + w·B, one term right and the other weighted by one number per row w that is a value of
    the NumPy program's forward pass (a p_y the term's derivative holds): that factor left out of the term."""
    total, parts, scale = made
    rows = total.array.shape[0] if total.array.ndim == 2 else 0
    if rows < 2 or total.array.shape[1] < 2:
        return None
    target = theirs.array.reshape(total.array.shape)
    for kept, weighted, term in ((A, B, parts[1]), (B, A, parts[0])):
        rest, other = (target - kept.reshape(target.shape)), weighted.reshape(target.shape)
        if np.count_nonzero(np.abs(other) > tolerance * np.abs(other).max()) < other.size * 0.9:
            continue
        w = np.sum(rest * other, axis=1) / np.maximum(np.sum(other * other, axis=1), 1e-300)
        if np.ptp(w) <= 1e-6 * np.abs(w).max() or not agrees(w[:, None] * other, rest, tolerance):
            continue
        value = next((v for v in trace.values[:total.index] if v.array.size == rows and np.ptp(v.array) > 0
                      and agrees(v.array.ravel(), w, tolerance)), None)
        if value is not None:
            return (f"The NumPy program's {describe(total)} is the sum of its {describe(parts[0])} (value {parts[0].index}) and "
                    f"{describe(parts[1])} (value {parts[1].index}); ", f" is that sum with value {term.index} times one "
                    f"number per row, the NumPy program's own {describe(value)} "
                    f"(value {value.index}): that factor left out of that term of the derivative (a term of the loss "
                    "multiplied by that value, whose derivative carries it).")
    return None


def _derivative_weighted(A: np.ndarray, B: np.ndarray, made: tuple, theirs: Value, trace: Trace,
                         tolerance: float) -> tuple[str, str] | None:
    """The port's gradient A + f'·B, one term right and the other times an activation's derivative at one of the NumPy
    program's forward values (σ's v(1 - v)): that term taken at the activation's output, its derivative left out."""
    total, parts = made
    target = theirs.array.reshape(total.array.shape)
    for kept, weighted, term in ((A, B, parts[1]), (B, A, parts[0])):
        kept, other = kept.reshape(target.shape), weighted.reshape(target.shape)
        if np.mean(np.abs(other) > 1e-12 * max(float(np.abs(other).max()), 1e-300)) < 0.9 or agrees(kept + other, target, tolerance):
            continue
        for value in reversed(trace.values[:total.index]):
            if value.array.size != target.size or np.ptp(value.array) == 0:
                continue
            v = value.array.reshape(target.shape)
            steps = [(words, form(v) * other) for words, (form, _) in FORMS.items() if in_range(v, words)]  # any op's
            # values: σ written as 0.5·(1 + tanh(z/2)) ends in a product; no value outside the activation's range fits
            if v.ndim == 2 and np.all(v > 0) and np.allclose(v.sum(axis=1), 1.0):  # a softmax's rows: its Jacobian
                steps.append(("the softmax's Jacobian, v·(g - Σ v·g)", v * (other - np.sum(v * other, axis=1, keepdims=True))))
                steps.append(("its row sum, v·g - v·Σ v·g, where the term is v·g", other - v * other.sum(axis=1, keepdims=True)))
            for words, stepped in steps:  # judged on the whole gradient: its rounding is the sum's, not the term's
                if agrees(kept + stepped, target, tolerance):
                    return (f"The NumPy program's {describe(total)} is the sum of its {describe(parts[0])} and "
                            f"{describe(parts[1])}; ", f" is that sum with {describe(term)} taken through {words} at the "
                            f"NumPy program's {describe(value)}: " + (
                                "that term is a softmax's backward taken as v·g, the row sum Σ v·g left out."
                                if words.startswith("its row sum") else "that term is the gradient at the activation's "
                                "output where its input's belongs (that activation's derivative left out of one term of the sum)."))
    return None


def _scaled(value: Value, trace: Trace) -> tuple[Value, float]:
    """The value a product or division by one number (or a few) scales, and the factor: (s, k) with value = k·s."""
    k = 1.0
    while (scale := number_scale(value)) and scale[0] and isinstance(array := next(i for i in value.inputs if not isinstance(i, float)), int):
        k *= scale[0]
        value = trace.values[array]
    return value, k


def written_number(k: float, trace: Trace) -> str:
    """Words for a number that is one the program writes, its square, or one over either: ", which is 3² (3 as the
    program writes it in ...)", else ""."""
    found = written_form(k, trace.values, squares=True)
    if found is None:
        return ""
    value, n, kind = found
    return f", which is {kind.replace('n', f'{n:g}')} ({n:g} as the program writes it in its {value.op})"
