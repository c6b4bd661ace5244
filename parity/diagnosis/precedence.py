"""Two programs that apply the same three operands with the same two operators, grouped otherwise: Python reads
a / b * c as (a / b) * c, a - b + c as (a - b) + c, a * b - c as (a * b) - c and a ** b * c as (a ** b) * c, where
parentheses meant a / (b * c), a - (b + c), a * (b - c) or a ** (b * c). The NumPy program's two ops are evaluated
the other way round; where that value is one the port computes, the grouping is the difference.

    (a / b) * c   against   a / (b * c)
"""

from __future__ import annotations

import math

from typing import Callable

import numpy as np

from parity.diagnosis.value_match import spread, zero_one
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

SYMBOLS = {"divide": "/", "true_divide": "/", "multiply": "*", "subtract": "-", "add": "+", "power": "**"}
APPLY: dict[str, Callable] = {"/": np.divide, "*": np.multiply, "-": np.subtract, "+": np.add, "**": np.power}
FIRST_VALUES = 24  # departing values tried, earliest first


def grouped_otherwise(departing: list[Value], trace: Trace, after: list[Value], tolerance: float) -> str:
    """The first of the NumPy program's departing values whose two operators, grouped the other way, give a value the
    port computes (and as written give none)."""
    for value in departing[:FIRST_VALUES]:
        for leaves, arrays, ops, left in _chains(value, trace):
            if any(zero_one(a) for a in arrays):
                continue  # a 0/1 mask regrouped differs only where it is 0: no sign of parentheses
            written, other = _grouped(arrays, ops, left), _grouped(arrays, ops, not left)
            if written is None or other is None or written.shape != value.array.shape or not np.all(np.isfinite(other)) \
                    or not agrees(written, value.array, tolerance):
                continue  # an operand read in part (a view, a slice): the leaves do not give the value as written
            if _one_operand(other, arrays, tolerance):
                continue  # the other grouping leaves one operand all but alone (a + b·c, b·c within rounding of a): a port
                # value equal to it shows that operand, not the parentheses
            if _factor_twice(leaves, ops, left, trace):
                continue  # regrouped, a number would weigh a term it weighs already (0.5·dce + 0.5·dkl as 0.5·(dce + 0.5·dkl)):
                # the numbers say as well that the term is 1/a times the other's, a factor more likely than parentheses
            theirs = next((t for t in after if t.array.shape == other.shape and agrees(other, t.array, tolerance)), None)
            if theirs is None or any(t.array.shape == value.array.shape and agrees(value.array, t.array, tolerance) for t in after):
                continue
            if _one_leaf_unread(arrays, ops, not left, theirs.array, tolerance):
                continue  # neg / (32 + δ) with δ a thousandth: the port's value is neg / 32, and the grouping shows nothing
            a, b, c = (describe(trace.values[x]) if isinstance(x, int) else f"{x:.6g}" if isinstance(x, float) else "…"
                       for x in leaves)
            as_written, regrouped = (f"({a} {ops[0]} {b}) {ops[1]} {c}", f"{a} {ops[0]} ({b} {ops[1]} {c})")[::1 if left else -1]
            said = (f"The NumPy program's {describe(value)} is {as_written}; grouped as {regrouped} it is the port's "
                    f"[{theirs.op} {theirs.array.shape}]: the same operands and operators, grouped otherwise (operator "
                    f"precedence: Python reads a {ops[0]} b {ops[1]} c as {_python(ops)}, so one program lacks the "
                    "parentheses the other has)")
            if ops[1] in FLIPPED and TIGHT[ops[0]] == TIGHT[ops[1]]:  # (a / b) / c regrouped is (a / b) * c: as well
                return said + f", or the last operator written the other way ({ops[1]} where {FLIPPED[ops[1]]} belongs)."
            return said + "."
    return ""


def _one_operand(grouped: np.ndarray, arrays: tuple, tolerance: float) -> bool:
    """Whether a grouping's value is, within rounding, one of its three operands (a number, or an array broadcast)."""
    spreads = (spread(np.asarray(operand, np.float64), grouped.shape) for operand in arrays)
    return any(s.shape == grouped.shape and np.any(s) and agrees(grouped, s, tolerance) for s in spreads)


IDENTITY = {"+": 0.0, "-": 0.0, "*": 1.0, "/": 1.0, "**": 1.0}


def _one_leaf_unread(arrays: tuple, ops: tuple[str, str], left: bool, theirs: np.ndarray, tolerance: float) -> bool:
    """Whether the grouping still gives the port's value with one of its three operands put to its operator's
    identity (0 in a sum, 1 in a product): that operand is within rounding of nothing there."""
    applied = (ops[0], ops[0], ops[1]) if left else (ops[0], ops[1], ops[1])  # the operator each leaf is applied with
    for k, op in enumerate(applied):
        dropped = list(arrays)
        dropped[k] = IDENTITY[op]
        value = _grouped(tuple(dropped), ops, left)
        if value is not None and value.shape == theirs.shape and np.all(np.isfinite(value)) and agrees(value, theirs, tolerance):
            return True
    return False


def _factor_twice(leaves: tuple, ops: tuple[str, str], left: bool, trace: Trace) -> bool:
    """Whether the regrouping applies a number to a term the program made with that very number already."""
    number, moved = (leaves[0], leaves[2]) if left else (leaves[2], leaves[0])
    if not isinstance(number, float) or not isinstance(moved, int):
        return False
    made = trace.values[moved]
    return SYMBOLS.get(made.op) == (ops[0] if left else ops[1]) and any(
        isinstance(i, float) and abs(i - number) <= 1e-12 * abs(number) for i in made.inputs)


TIGHT = {"**": 3, "*": 2, "/": 2, "+": 1, "-": 1}
FLIPPED = {"*": "/", "/": "*", "+": "-", "-": "+"}


def _chains(value: Value, trace: Trace) -> list[tuple[tuple, tuple, tuple[str, str], bool]]:
    """(the three leaves a, b, c, their arrays, the two operators as written left to right, whether the inner op is on
    the left). One operand the trace did not see ('…', a parameter) is read back from the values it made."""
    outer = SYMBOLS.get(value.op)
    if outer is None or len(value.inputs) != 2:
        return []
    found = []
    for position, source in enumerate(value.inputs):
        inner_value = trace.values[source] if isinstance(source, int) else None
        inner = SYMBOLS.get(inner_value.op) if inner_value is not None else None
        if inner is None or len(inner_value.inputs) != 2 or len(inner_value.users) != 1:
            continue
        inner_arrays = _operands(inner_value, inner, trace)
        outer_arrays = _operands(value, outer, trace, {position: inner_value.array})
        if inner_arrays is None or outer_arrays is None:
            continue
        if position == 0:  # (a inner b) outer c
            leaves, arrays = (*inner_value.inputs, value.inputs[1]), (*inner_arrays, outer_arrays[1])
        else:  # a outer (b inner c)
            leaves, arrays = (value.inputs[0], *inner_value.inputs), (outer_arrays[0], *inner_arrays)
        found.append((leaves, arrays, (inner, outer) if position == 0 else (outer, inner), position == 0))
    return found


INVERSE = {"+": (lambda r, y: r - y, lambda r, x: r - x), "-": (lambda r, y: r + y, lambda r, x: x - r),
           "*": (lambda r, y: r / y, lambda r, x: r / x), "/": (lambda r, y: r * y, lambda r, x: x / r)}


def _operands(value: Value, op: str, trace: Trace, known: dict[int, np.ndarray] | None = None) -> tuple | None:
    """The op's two operands: seen, or one unseen read back from the result and the other (x = r - y under +)."""
    arrays = [(known or {}).get(k, trace.values[x].array if isinstance(x, int) else x if isinstance(x, float) else None)
              for k, x in enumerate(value.inputs)]
    missing = [k for k, a in enumerate(arrays) if a is None]
    if not missing:
        return tuple(arrays)
    if len(missing) > 1 or op not in INVERSE:
        return None
    k = missing[0]
    with np.errstate(all="ignore"):
        arrays[k] = INVERSE[op][k](value.array, arrays[1 - k])
    return tuple(arrays)


def _grouped(values: tuple, ops: tuple[str, str], left: bool) -> np.ndarray | None:
    """(a op0 b) op1 c where `left`, else a op0 (b op1 c)."""
    a, b, c = values
    with np.errstate(all="ignore"):
        try:
            result = APPLY[ops[1]](APPLY[ops[0]](a, b), c) if left else APPLY[ops[0]](a, APPLY[ops[1]](b, c))
        except ValueError:  # shapes that broadcast only one way
            return None
    return np.asarray(result, np.float64)


def _python(ops: tuple[str, str]) -> str:
    return "a {0} (b {1} c)".format(*ops) if TIGHT[ops[1]] > TIGHT[ops[0]] else "(a {0} b) {1} c".format(*ops)


MOST_DENOMINATOR = 16  # fractions p/q read as a term's weight: beyond, a ratio of two numbers is any number
GROUPED = 0.75  # the fit of two constants read as one round number grouped two ways: a reading of two numbers, no more
SMALL = (1.0, 2.0)  # the b and c of a + b / c: a + 1/2 against (a + 1)/2, a half read against a whole
CONSTANT_FORMS = (  # (as written, as meant) for a round a: a + b / c against (a + b) / c, a - b / c against (a - b) / c
    ("{a:g} + {b:g}/{c:g}", "({a:g} + {b:g})/{c:g}", lambda a, b, c: a + b / c, lambda a, b, c: (a + b) / c, lambda v, b, c: v - b / c),
    ("{a:g} - {b:g}/{c:g}", "({a:g} - {b:g})/{c:g}", lambda a, b, c: a - b / c, lambda a, b, c: (a - b) / c, lambda v, b, c: v + b / c),
)


def constants_grouped(numpy_constant: float, port_constant: float) -> str:
    """Two constants, one per side, that are one round number a grouped two ways: a + b/c on one side, (a + b)/c on
    the other (ν + 1/2 where (ν + 1)/2 belongs). Compared by size: a sign carried by the other operand aside."""
    for mine, theirs, side in ((abs(numpy_constant), abs(port_constant), "NumPy program"), (abs(port_constant), abs(numpy_constant), "port")):
        for written, meant, as_written, as_meant, solve in CONSTANT_FORMS:
            for b in SMALL[:1]:
                for c in SMALL[1:]:
                    a = solve(mine, b, c)
                    if a >= 2 and abs(a - round(a)) <= 1e-5 * a and abs(as_meant(round(a), b, c) - theirs) <= 1e-5 * theirs \
                            and abs(as_written(round(a), b, c) - mine) <= 1e-5 * mine:
                        words = dict(a=round(a), b=b, c=c)
                        return (f" One number each: the {side}'s {mine:g} is {written.format(**words)}, the other's "
                                f"{theirs:g} is {meant.format(**words)}: the same numbers grouped otherwise (the parentheses "
                                f"left out on the {side}'s side: the division binds before the {'sum' if '+' in written else 'difference'}).")
    return ""


def count_off_by_one(numpy_constant: float, port_constant: float) -> str:
    """Two constants, one per side, that are 1/n and 1/(n ± 1) (a step size dt = T/n) or n and n ± 1: a count off by one
    (a grid of n points has n - 1 intervals, a range's end taken or left out)."""
    for form, value in (("1/{}", lambda c: 1 / c), ("{}", lambda c: c)):
        counts = [value(abs(c)) if c else 0.0 for c in (numpy_constant, port_constant)]
        if all(n >= 2 and abs(n - round(n)) <= 1e-5 * n for n in counts) and abs(round(counts[0]) - round(counts[1])) == 1:
            mine, theirs = (form.format(round(n)) for n in counts)
            return (f" One number each: the NumPy program's is {mine}, the port's {theirs}: a count off by one on one side "
                    "(a step size T/n from a grid of n points where n + 1 were meant, or the reverse: linspace's count, a "
                    "range's end taken or left out).")
    return ""


def term_weighted(numpy_term: float, port_term: float, rows: int, data_rows: int) -> str:
    """Two one-number terms added on each side whose ratio is a small fraction p/q: one term weighted otherwise (a
    divergence divided by the batch's rows where the data's belong, a penalty's weight written twice)."""
    if not numpy_term or not port_term or numpy_term * port_term < 0:
        return ""
    k = numpy_term / port_term
    fraction = next(((p, q) for q in range(1, MOST_DENOMINATOR + 1) if 1 <= (p := round(k * q)) <= 4 * MOST_DENOMINATOR
                     and (p, q) != (1, 1) and math.gcd(p, q) == 1 and abs(k * q - p) <= 1e-5 * k * q), None)
    if fraction is None:
        return ""
    counts = next((f", {a} / {b}: the data's {data_rows} rows against the batch's {rows}" for a, b in
                   ((data_rows, rows), (rows, data_rows)) if a and b and a != b and abs(k - a / b) <= 1e-5 * k), "")
    return (f" One number each: the NumPy program's {numpy_term:.6g} is {fraction[0]}/{fraction[1]} of the port's "
            f"{port_term:.6g}{counts}: the same term weighted otherwise on one side (a divergence's or a penalty's weight, "
            "or the count it is divided by).")
