"""Where the NumPy backward parts before any gradient it shares with the reference (its output delta itself), the delta
against the reference's gradient of its shape: a forward value as the factor between them is a chain-rule factor missing
or extra there (a log link's rate), where the program, so corrected, meets the reference after it.   δ = g_ref·v or g_ref/v"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.bound_rows import ancestors, bound_part
from parity.diagnosis.class_weights import label_weighted
from parity.diagnosis.columns_read import listed
from parity.diagnosis.carried_down import meets_again, parts_after_correction
from parity.diagnosis.finding import Finding
from parity.diagnosis.local_derivatives import factor_against, fused, local_derivative
from parity.diagnosis.derivative_factor import softmax_times_its_values
from parity.diagnosis.row_factors import row_and_column_factors
from parity.diagnosis.masks_left_out import mask_left_out
from parity.diagnosis.mean_counts import count_meaning
from parity.diagnosis.ratios import constant_ratio, ratio_meaning, written_form
from parity.diagnosis.target_entries import target_entries
from parity.diagnosis.term_apart import terms_weighted
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.bound_derivative import clipped_on_one_side, where_bound
from parity.diagnosis.softmax_temperature import factor_at_another_temperature
from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.written_forward import op_text
from parity.diagnosis.written_readings import roots

FIRST_VALUES = 8  # departing values tried, earliest first


def delta_factor(numpy_trace: Trace, torch_trace: Trace, region: list[int], tolerance: float,
                 name: Callable[[Value], str], constants_only: bool = False) -> str:
    gradients = port_gradients(torch_trace)
    deltas = [numpy_trace.values[i] for i in region[:3 * FIRST_VALUES] if "y" in roots(numpy_trace, i)]  # a loss's gradient
    # depends on the targets; a forward value that happens to be a multiple of some gradient does not
    deltas = deltas or consumed(numpy_trace, region[:3 * FIRST_VALUES])
    factors = {(mine.index, theirs.index): found for mine in deltas for theirs in gradients
               if theirs.array.shape == mine.array.shape and np.ptp(theirs.array) > 0 and np.any(mine.array)
               and (found := _constant_factor(mine, theirs, _departing_columns(mine.array, theirs.array, tolerance),
                                              numpy_trace, torch_trace, tolerance, name))
               and not _cancelled_later(mine, numpy_trace, gradients, tolerance, found[2])}
    # a factor with a meaning (2, -1, rows), or one number added on every entry (a constant term of the derivative),
    # the last on its path: an unscaled delta (p - y) is scaled after it, a factor's value offset after it
    read = [((False, i), said) for (i, _), (said, meant, _) in factors.items() if meant]  # a factor of no meaning
    read += [] if constants_only else [((theirs.op.endswith(".grad"), mine.index), said) for mine in deltas  # (0.18: an
                                       for theirs in gradients  # lr times a decay); a parameter's own gradient first
                                       if (said := _constant_offset(mine, theirs, tolerance, name, numpy_trace))]
    if read or constants_only:
        return max(read, key=lambda found: found[0])[1] if read else ""
    weighted = []  # (rank, said): a ratio of a factor per row times one per column, the most telling first
    for index in region[:FIRST_VALUES]:
        mine = numpy_trace.values[index]
        if mine.array.size < 2 or not np.any(mine.array):
            continue
        for theirs in (g for g in gradients if g.array.shape == mine.array.shape and np.ptp(g.array) > 0):  # a constant
            # gradient (a mean's 1/n) makes every value a factor of it: no reading
            if agrees(mine.array, theirs.array, tolerance):
                continue
            columns = _departing_columns(mine.array, theirs.array, tolerance)
            if said := where_bound(mine, theirs, numpy_trace, tolerance, name, torch_trace) or \
                    clipped_on_one_side(mine, theirs, _rows(numpy_trace), name):
                return said
            own = local_derivative(theirs, torch_trace)  # f'(U) at the port's V = f(U): the chain rule's own step
            for factor in numpy_trace.values[:index] if not fused(theirs, torch_trace) else ():  # a fused cell's inner
                # factors (its gates, tanh of its state) are the chain rule's own: no one of them reads as extra
                if (on := _on(factor.array, mine.array.shape, columns)) is None or _itself(on, theirs.array[columns], tolerance):
                    continue  # a gradient times itself is its square (a norm's), no factor of the chain rule
                if own is not None and _itself(on, own[2][columns], tolerance):
                    continue  # times the op's own derivative: the step through it, taken right (a term lies elsewhere)
                for product, words in ((theirs.array[columns] * on, "times"), (theirs.array[columns] / on, "divided by")):
                    if agrees(mine.array[columns], product, tolerance) and not parts_after_correction(
                            mine, (theirs, factor, words), own, columns, (numpy_trace, torch_trace), tolerance):
                        where = "" if columns == (...,) else f" in column {listed(columns[1])} (the other columns agree)"
                        said = (f"The NumPy program's {describe(mine)} is {name(theirs)} {words} its own "
                                f"{op_text(factor, numpy_trace)} (value {factor.index}), element by element{where}")
                        if words == "times" and (tempered := factor_at_another_temperature(factor.array, torch_trace)):
                            return f"{said}. {tempered}"
                        if columns == (...,) and (through := factor_against(
                                factor.array if words == "times" else 1 / factor.array, theirs, torch_trace,
                                describe(factor) if words == "times" else f"1/{describe(factor)}", _rows(numpy_trace))):
                            return said + "." + through
                        if words == "times" and softmax_times_its_values(factor.array, theirs, torch_trace):
                            return (f"{said}: the port's softmax's values, times the gradient at its output: its backward "
                                    "taken as a·g, the row sum left out (a softmax's backward is a·(g - Σ a·g)).")
                        return (f"{said}: a factor of the chain rule {'missing' if words == 'divided by' else 'extra'} "
                                "there (a derivative taken with respect to that value where the one before it was meant, "
                                "or the reverse).")
            if said := row_and_column_factors(mine.array, theirs.array, numpy_trace):
                weighted.append((said[0], f"The NumPy program's {describe(mine)} is {name(theirs)} {said[1]}"))
    return min(weighted, key=lambda found: found[0])[1] if weighted else ""


def _itself(factor: np.ndarray, gradient: np.ndarray, tolerance: float) -> bool:
    return np.shape(factor) == np.shape(gradient) and agrees(factor, gradient, tolerance)


LINEAR = {"sub": -1.0, "rsub": -1.0, "neg": -1.0, "negative": -1.0}  # the chain rule's own factor through these


def _constant_factor(mine: Value, theirs: Value, columns: tuple, trace: Trace, other: Trace, tolerance: float,
                     name: Callable[[Value], str]) -> tuple[str, bool, float] | None:
    """δ_numpy = k · g_ref with one number k over the elements read: a constant of the chain rule, named where it is
    the batch's rows (a mean's 1/n), 2 (a square's derivative) or a number the forward pass or the loss writes."""
    a, b = mine.array[columns], theirs.array[columns]
    ratio = constant_ratio(a, b)
    if ratio is None or abs(ratio - 1) <= 1e-6 or not agrees(a, ratio * b, tolerance) or _chain_rule(theirs, other, ratio):
        return None
    corrected = np.array(mine.array, np.float64)
    corrected[columns] = corrected[columns] / ratio  # so divided, it must meet the port after it: not a count divided
    if meets_again(trace, mine.index, corrected, other, tolerance, up_to_factor=False) is False:  # out later, per row then / n
        return None
    meaning = ratio_meaning(ratio, _rows(trace)) or count_meaning(ratio, next((np.shape(v.array) for v in trace.values if v.op == "y"), ())) \
        or _written_constant(ratio, trace)
    if meaning and meaning[0] == "factor-2" and (written := _written_constant(ratio, trace, nearest=True)):
        meaning = (meaning[0], f"{meaning[1]}; {written[1]}")  # a temperature of 0.5 is a half too
    where = "" if columns == (...,) else f" in column {listed(columns[1])} (the other columns agree)"
    if columns == (...,) and (skipped := _step_skipped(theirs, other, ratio)):
        return f"The NumPy program's {describe(mine)} is {name(theirs)} times {ratio:.6g}, element by element: {skipped}", True, ratio
    return (f"The NumPy program's {describe(mine)} is {name(theirs)} times {ratio:.6g}, element by element{where}: a "
            f"constant factor of the chain rule wrong there" + (f" ({meaning[1]})." if meaning else ".")), meaning is not None, ratio


def _step_skipped(theirs: Value, other: Trace, ratio: float) -> str:
    """The port's gradient at V = U / s (or U · s), U = y - x, times U's op's own factor: V's step (1/s, s) skipped."""
    at = other.values[theirs.inputs[0]] if theirs.op == "grad" and theirs.inputs and isinstance(theirs.inputs[0], int) else None
    arrays = [i for i in at.inputs if isinstance(i, int)] if at is not None and at.op in ("div", "true_divide", "mul") else []
    for position, inner in enumerate(arrays if len(arrays) == 2 else ()):
        made, by = other.values[inner], other.values[arrays[1 - position]]
        if made.op in LINEAR and abs(ratio - LINEAR[made.op]) <= 1e-6 and (at.op == "mul" or position == 0) and np.ptp(by.array) > 0:
            step = f"the division by {describe(by)} (its factor 1/{describe(by)})" if at.op != "mul" else \
                f"the product with {describe(by)} (its factor {describe(by)})"
            return (f"{ratio:g} is the chain rule's factor through the port's {describe(made)}, so the NumPy program steps "
                    f"through that op but leaves out the step through {step} on the way from the port's "
                    f"{describe(at)}: a factor of the chain rule missing there.")
    return ""


def _written_constant(ratio: float, trace: Trace, nearest: bool = False) -> tuple[str, str] | None:
    """A number the forward pass or its loss (the s of ((y - p) / s)²) writes, one over it, or its square, as the factor:
    applied once more, or left out, in the chain rule; `nearest`: the last before the loss."""
    meets = next((v.index for v in trace.values if {"X", "y"} <= roots(trace, v.index)), len(trace.values))  # the loss
    loss = next((v.index for v in trace.values if v.array.ndim == 0 and {"X", "y"} <= roots(trace, v.index)), None)
    of_loss = set(ancestors(trace, loss)) if loss is not None else set()  # what the loss is made from: not an update's (an lr)
    forward = [v for v in trace.values if "X" in roots(trace, v.index) and ("y" not in roots(trace, v.index) or v.index in of_loss)]
    forward = [v for v in forward if v.index < meets][::-1] if nearest else forward
    if (found := written_form(ratio, forward, squares=not nearest)) is None:
        return None
    value, number, kind = found
    return "constant", (f"{'1 over ' if kind.startswith('1/') else ''}{number:g}{'²' * kind.endswith('²')}, the number the "
                        f"program writes in {op_text(value, trace)}: that constant applied once more, or left out, in the "
                        "chain rule there")


def _rows(trace: Trace) -> int:
    return trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0


def _cancelled_later(value: Value, trace: Trace, gradients: list[Value], tolerance: float, ratio: float) -> bool:
    """Whether a value made from this one (a few ops on) is one of the port's gradients exactly, or divides by the
    ratio or a multiple of it: a factor read on this value is taken back later (-γ·z/σ/n: the 1/n applied at the end),
    so it is no slip here."""
    seen, frontier = set(), list(value.users)
    for _ in range(4):
        nxt = []
        for index in frontier:
            if index in seen:
                continue
            seen.add(index)
            made = trace.values[index]
            numbers = [i for i in made.inputs if isinstance(i, float)]
            op = made.op.removesuffix(" (in place)")
            if any(g.array.shape == made.array.shape and agrees(made.array, g.array, tolerance) for g in gradients) or \
                    op in ("divide", "true_divide") and numbers and _taken_back(numbers[-1], ratio) or \
                    op == "multiply" and numbers and abs(numbers[0] * ratio - 1) <= 1e-3:
                return True
            nxt += made.users
        frontier = nxt
    return False


def _taken_back(divisor: float, ratio: float) -> bool:
    """A later division by the ratio itself, or by a whole multiple of it (the rows times the classes, where the
    ratio is the rows): the factor read here is taken back there, wholly or with another count (read on that value)."""
    multiple = divisor / ratio if ratio else 0.0
    return abs(multiple - 1) <= 1e-3 or multiple >= 2 and abs(multiple - round(multiple)) <= 1e-6 * multiple


def _constant_offset(mine: Value, theirs: Value, tolerance: float, name: Callable[[Value], str], trace: Trace) -> str:
    """δ_numpy = g_ref + c with one number c on every entry (c ≠ 0, g_ref not itself constant): the targets it is
    made from shifted by one number (y - mean(y)), or a constant term of the derivative missing or extra (the
    derivative of a term linear in the value)."""
    a, b = mine.array, theirs.array
    if a.shape != b.shape or a.size < 2 or np.ptp(b) <= tolerance * np.abs(b).max():
        return ""
    gap = a - b
    if not np.all(np.isfinite(gap)):
        return ""  # a NaN or an infinity on either side is no constant term
    c = float(np.mean(gap))
    scale = max(float(np.abs(b).max()), 1e-30)
    if abs(c) <= tolerance * scale or np.ptp(gap) > tolerance * scale:
        return ""
    if shifted := _shifted_targets(mine, trace):
        return (f"The NumPy program's {describe(mine)} is {name(theirs)} plus {c:.6g} on every entry, and it is made from "
                f"{shifted}: the delta is taken against targets shifted by one number where y itself belongs.")
    return (f"The NumPy program's {describe(mine)} is {name(theirs)} plus {c:.6g} on every entry: a constant term of the "
            f"derivative {'extra' if c > 0 else 'missing'} there (the derivative of a term linear in that value, λ·s "
            "gives λ).")


def _shifted_targets(mine: Value, trace: Trace) -> str:
    """A value the delta is made from, made from y alone, that is y plus one number per column (y - y.mean(0))."""
    y = next((v for v in trace.values if v.op == "y"), None)
    for index in ancestors(trace, mine.index) if y is not None else ():
        value = trace.values[index]
        if value.op == "y" or value.array.shape != y.array.shape or roots(trace, index) != {"y"}:
            continue
        shift = value.array - y.array
        if np.any(shift) and np.ptp(shift, axis=0).max() <= 1e-5 * max(float(np.abs(y.array).max()), 1.0):  # float32
            mean = " (y - y.mean(): the targets centred)" if np.allclose(-shift[0], y.array.mean(axis=0), rtol=1e-5) else ""
            return f"{describe(value)}, which is y {'+' if shift.flat[0] > 0 else '-'} {abs(float(shift.flat[0])):.6g}{mean}"
    return ""


def _chain_rule(theirs: Value, other: Trace, ratio: float) -> bool:
    """Whether the ratio is the chain rule's own factor through the op the port's gradient is taken at (-1 through a
    subtraction's second operand, c through a product with c): the value is that op's operand's gradient, as it should be."""
    at = other.values[theirs.inputs[0]] if theirs.op == "grad" and theirs.inputs and isinstance(theirs.inputs[0], int) else None
    if at is None:
        return False
    numbers = [i for i in at.inputs if isinstance(i, float)]
    factors = [LINEAR[at.op]] if at.op in LINEAR else [c for c in numbers for c in (c, 1 / c) if c] if at.op in (
        "mul", "div", "true_divide") else numbers[:1] if at.op in ("pow", "__pow__") else []  # a power's k of k·z^(k-1)
    return any(abs(ratio - f) <= 1e-6 * abs(f) for f in factors)


def _departing_columns(mine: np.ndarray, theirs: np.ndarray, tolerance: float) -> tuple:
    """The index of the elements to read: all of them, or, for a matrix whose columns part only in some, those
    columns (a two-headed output whose one head's delta is off)."""
    if mine.ndim != 2:
        return (...,)
    scale = max(float(np.abs(theirs).max(initial=0.0)), 1e-30)
    off = np.abs(mine - theirs).max(axis=0) > tolerance * scale
    return (...,) if off.all() else (slice(None), np.flatnonzero(off))


def _on(factor: np.ndarray, shape: tuple, columns: tuple) -> np.ndarray | None:
    """A forward value as a factor of the elements read: of their shape, or a column broadcast along the rows."""
    if factor.shape == shape:
        factor = factor[columns]
    elif not (len(shape) == 2 and factor.shape == (shape[0], 1)):
        return None
    return factor if np.ptp(factor) > 0 and np.all(factor) else None


CONSUMERS = ("add.reduce", "sum", "matmul", "dot", "einsum", "tensordot")  # ops a parameter's gradient is made by


def consumed(trace: Trace, indices: list[int]) -> list[Value]:
    """Where no departing value depends on y (a loss whose target is made from X: a teacher's features, the input
    itself), the values a sum or a product takes on the way to a parameter's gradient: the deltas."""
    return [trace.values[i] for i in indices if any(trace.values[u].op in CONSUMERS for u in trace.values[i].users)]


def before_the_frontier(numpy_trace: Trace, torch_trace: Trace, target: Value, region: list[int], tolerance: float,
                        at: tuple[int, str, str], shared: bool, name: Callable[[Value], str]) -> Finding | None:
    """One row of y broadcast where the batch belongs (a value equal to the reference's by chance may hide it); an
    output delta that parts before any gradient the two share, read as the reference's times a forward value."""
    step, parameter, reference = at
    where = {"step": step, "stage": "backward", "parameter": parameter, "side": "numpy"}
    if part := bound_part(numpy_trace, ancestors(numpy_trace, target.index)):
        return Finding("numpy-backward", f"At step {step} the NumPy program's step parts from {reference}'s on the way to "
                       f"{parameter}'s update. {part}", where, "Name the loop's variables apart from the batch's.", 0.85)
    if shared:
        return None
    deltas = [numpy_trace.values[i] for i in region[:3 * FIRST_VALUES] if "y" in roots(numpy_trace, i)] or \
        consumed(numpy_trace, region[:3 * FIRST_VALUES])
    gradients = port_gradients(torch_trace)
    if masked := mask_left_out(deltas, torch_trace, tolerance, name, numpy_trace):  # zeros no factor of the port's gives
        return Finding("numpy-backward", f"At step {step} the NumPy program's backward pass parts from {reference}'s "
                       f"before any gradient they share. {masked}", where, "Apply the forward pass's mask to the "
                       "gradient too (zero where the forward zeroed).", 0.8)
    factor = delta_factor(numpy_trace, torch_trace, region, tolerance, name) or terms_weighted(
        deltas, gradients, numpy_trace, tolerance, name) or label_weighted(deltas, gradients, numpy_trace, name)
    split = "" if factor else target_entries(deltas, gradients, numpy_trace, name)
    said = factor or split
    return Finding("numpy-backward", f"At step {step} the NumPy program's backward pass parts from {reference}'s before "
                   f"any gradient they share. {said}", where, "Apply the chain rule's factor there." if factor else
                   "Differentiate that term of the loss again, with y in it.", 0.8 if factor else 0.75) if said else None
