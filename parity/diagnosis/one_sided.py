"""A number one side applies to the agreeing value where the other takes the value as it is: a scale (and applied to
another term instead, or later over more of the formula), or an offset (a piecewise loss's joining constant)."""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.functions_apart import met_later
from parity.diagnosis.op_pairs import canonical, number_scale, same_step
from parity.diagnosis.value_match import in_a_layout
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


def one_sided_scale(numpy_ops: list[Value], torch_ops: list[Value], trace: Trace, other: Trace) -> str:
    """One side scales the agreeing value by a number where the other takes it as it is; where that side scales
    another value by the same number, the number weighs another term there (a β on the reconstruction, not the KL)."""
    mine, theirs = (number_scale(ops[0]) if ops else None for ops in (numpy_ops, torch_ops))
    if (mine is None) == (theirs is None) or not numpy_ops or not torch_ops:
        return ""
    scaling, plain, scaled_in, name = (("the NumPy program", "the port", other, "the port") if mine else
                                       ("the port", "the NumPy program", trace, "the NumPy program"))
    factor, words = mine or theirs
    first = numpy_ops[0] if mine else torch_ops[0]
    taken = torch_ops[0] if mine else numpy_ops[0]
    scaled_at = [(trace if mine else other).values[i] for i in first.users]
    meets = next((v for v in scaled_at if same_step(v, taken)), None)  # the scaled value goes where the other side's goes
    if meets is None:
        return ""
    if (source := next((scaled_in.values[i] for i in taken.inputs if isinstance(i, int)), None)) and \
            met_later(source, scaled_in, lambda v: _scaled_by(v, factor)):
        return ""  # the other side scales the value too, by another path (a running statistic beside the normalisation)
    if (alpha := re.search(r"\balpha=(-?[\d.e-]+)", taken.detail)) and abs(float(alpha.group(1)) - 1) > 1e-12:
        other_number = float(alpha.group(1))  # torch's add_(x, alpha=a): the value scaled there too, by another number
        exchanged = " (1 - a where a belongs, or the reverse: the two weights of an average exchanged)" if \
            abs(factor + other_number - 1) <= 1e-9 else ""
        return (f"{scaling[0].upper()}{scaling[1:]} {words} there; {plain} scales it by {other_number:g} in its {taken.op} "
                f"(alpha={other_number:g}): another number on each side{exchanged}.")
    if canonical(meets) in LINEAR and not _carried_scale(meets, taken, factor, bool(mine)):
        return ""  # a product both sides take (a gate's, a mask's) that the number does not carry through: no scale apart
    later = [scaled_in.values[u] for u in taken.users] + [scaled_in.values[w] for u in taken.users for w in scaled_in.values[u].users]
    if any((s := number_scale(v)) and not _scaled_by(v, factor) and abs(s[0] - 1) > 1e-12 for v in later):
        return ""  # the other side scales it too, by another number, an op later (÷ 0.25 after the mask where ÷ 0.75
        # comes before it): not taken as it is; the two numbers are read elsewhere
    into = canonical(meets)
    into = taken.op if into == canonical(taken) else into  # softmax, where the NumPy program writes its steps
    said = f"{scaling[0].upper()}{scaling[1:]} {words} there; {plain} takes it as it is, into its {into}"
    unary = len(taken.inputs) == 1 or into != taken.op
    said += (f": {into}({factor:g}·x) against {into}(x) (x the agreeing value)." if unary and mine else
             f": {into}(x) against {into}({factor:g}·x) (x the agreeing value)." if unary else ".")
    agreeing = [(trace if mine else other).values[i].array for i in first.inputs if isinstance(i, int)]
    near = [scaled_in.values[i] for i in taken.inputs if isinstance(i, int)]  # the other terms the value meets there
    near = [v for v in near if not any(v.array.shape == a.shape and agrees(v.array, a, 1e-6) for a in agreeing)]
    elsewhere = next((v for v in near if _scaled_by(v, factor) and v is not first), None)
    if elsewhere is not None:
        term = next(describe(scaled_in.values[i]) for i in elsewhere.inputs if isinstance(i, int))
        said += (f" {name[0].upper()}{name[1:]} applies that {factor:g} to another value, {term}, instead: the number "
                 "weighs another term of the loss on each side.")
    if elsewhere is None and (moved := next((v for v in later if _scaled_by(v, factor)), None)):
        said += (f" {name[0].upper()}{name[1:]} applies that {factor:g} later, to {describe(moved)}, made from its {taken.op}: "
                 f"the scale taken after the {taken.op} on one side, over more of the formula than the agreeing value (parentheses around more terms).")
    return said


def _scaled_by(value: Value, factor: float) -> bool:
    """Whether the value is one array times (or divided into) this very number."""
    return (scale := number_scale(value)) is not None and abs(scale[0] - factor) <= 1e-12 * abs(factor)


LINEAR = ("multiply", "matmul", "einsum", "linear")  # ops a number multiplying one operand carries through


def _carried_scale(meets: Value, taken: Value, factor: float, numpy_scales: bool) -> bool:
    """Whether the product the scaled value meets is the other side's times the number (the same other operand)."""
    mine, theirs = (meets.array, factor * taken.array) if numpy_scales else (factor * taken.array, meets.array)
    mine, theirs = np.asarray(mine, np.float64), np.asarray(theirs, np.float64)
    if in_a_layout(mine, theirs, 1e-4):
        return True
    if mine.shape != theirs.shape or mine.ndim < 2:
        return False
    rest = (mine - theirs).reshape(len(mine), -1)  # one row added to every row: a bias the product's op adds after it
    return bool(np.allclose(rest, rest[:1], rtol=1e-4, atol=1e-6 * max(float(np.abs(mine).max()), 1e-30)))


def _offset(value: Value) -> float | None:
    """A value one array plus or minus a number (x - c, x + c; c - x is no offset of x): the signed number, else None."""
    op, numbers = canonical(value), [i for i in value.inputs if isinstance(i, float)]
    if len(value.inputs) != 2 or len(numbers) != 1 or not numbers[0] or op not in ("add", "subtract"):
        return None
    if op == "subtract" and value.inputs[0] == numbers[0]:
        return None
    return numbers[0] if op == "add" else -numbers[0]


def one_sided_offset(numpy_ops: list[Value], torch_ops: list[Value], trace: Trace, other: Trace) -> str:
    """One side adds a number to the agreeing value where the other takes it as it is, nowhere adding that number
    near it (a constant term of a piecewise loss, an offset, left out)."""
    if not numpy_ops or not torch_ops:
        return ""
    mine, theirs = _offset(numpy_ops[0]), _offset(torch_ops[0])
    if (mine is None) == (theirs is None):
        return ""
    c = mine if mine is not None else theirs
    plain_ops, plain_trace = (torch_ops, other) if mine is not None else (numpy_ops, trace)
    if any(canonical(v) in ("add", "subtract") for v in plain_ops[:2]):
        return ""  # the other side offsets it too, by an array: the operands' reading
    near = {i for v in plain_ops for i in (v.index, *v.users)}
    if any((o := _offset(plain_trace.values[i])) is not None and abs(abs(o) - abs(c)) <= 1e-12 * abs(c) for i in near):
        return ""
    adding, plain = ("The NumPy program", "the port") if mine is not None else ("The port", "the NumPy program")
    into = next((v.op for v in plain_ops if v.op not in ("le", "lt", "ge", "gt", "less_equal", "less", "greater_equal",
                                                         "greater")), plain_ops[0].op)  # past a branch's condition
    return (f"{adding} {'adds' if c > 0 else 'subtracts'} {abs(c):g} {'to' if c > 0 else 'from'} the agreeing value x there "
            f"(x {'+' if c > 0 else '-'} {abs(c):g}); {plain} takes x as it is, into its {into}, and adds no such number near it: a "
            "constant term of the formula (a piecewise loss's joining constant, an offset) on one side only.")
