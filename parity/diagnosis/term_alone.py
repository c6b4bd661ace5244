"""Where two forward passes part, one side adding a term the other never computes: a value both programs have, to
which one side adds (or from which it subtracts) a term made past the parting, and which the other side takes on as
it is into the same next op (the complement of a Bernoulli KL, a penalty or a bias left out of one side's sum).

    numpy: s = a + t → op(s)        port: op(a)        (a agreed, t the NumPy program's alone)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.carried_down import meets_again
from parity.diagnosis.recompute import replay
from parity.diagnosis.value_laws import op_kind, same_kind
from parity.diagnosis.value_match import in_a_layout
from parity.diagnosis.value_trace import Trace, Value, describe

SUMS = {"add", "subtract"}
SYMBOLS = {"add": "+", "subtract": "−", "multiply": "·", "divide": "/", "true_divide": "/", "matmul": "@"}
DEPTH = 4  # ops written out in a term before the rest is named by its value


def term_alone(departing: list[Value], after: list[Value], agreed: dict[int, Value], both: tuple[Trace, Trace],
               tolerance: float) -> str:
    """The NumPy program's added term, then the port's, in words; "" where neither side adds one alone. `departing`,
    the NumPy program's values past the parting; `after`, the port's. A term the NumPy program adds is its cause
    only where the program, given the sum without it, meets the port again past the op that reads it (the port's
    log r is no log(r + μ) with μ left out where the port goes on to another formula)."""
    numpy_trace, torch_trace = both
    if (found := _added(departing, {v.index for v in departing}, agreed, numpy_trace, torch_trace)) and meets_again(
            numpy_trace, found[0].index, found[1].array, torch_trace, tolerance, False, frozenset(found[3].users), True) is not False:
        return _said(found, numpy_trace, set(agreed), ("The NumPy program", "the port", "left out of the port, or added on "
                                                       "the NumPy side only"))
    mirrored = {twin.index: numpy_trace.values[index] for index, twin in agreed.items()}
    port_side = [v for v in after if v.index not in mirrored]  # the sum past the parting, its term from anywhere
    if found := _added(port_side, {v.index for v in torch_trace.values if v.index not in mirrored}, mirrored, torch_trace,
                       numpy_trace):
        return _said(found, torch_trace, set(mirrored), ("The port", "the NumPy program", "left out of the NumPy program, "
                                                         "or added in the port only"))
    return ""


def _said(found: tuple[Value, Value, Value, Value], trace: Trace, shared: set[int], who: tuple[str, str, str]) -> str:
    total, kept, term, twin = found
    adds = op_kind(total.op) == "add"
    return (f"{who[0]} {'adds' if adds else 'subtracts'} {_bare(formula(term, trace, shared))} {'to' if adds else 'from'} its "
            f"{describe(kept)}, a value {who[1]} computes too (its {describe(twin)}), and goes on with the result where "
            f"{who[1]} goes on with that value as it is: a term of that sum {who[2]}.")


def _added(region: list[Value], inside: set[int], agreed: dict[int, Value], trace: Trace,
           other: Trace) -> tuple[Value, Value, Value, Value] | None:
    """(sum, agreed operand, term, the other side's twin of that operand) for the first sum of an agreed value and
    a term made inside the region, whose next op the other side applies to the twin directly."""
    for total in region:
        if op_kind(total.op) not in SUMS or len(total.inputs) != 2 or not all(isinstance(i, int) for i in total.inputs):
            continue
        first, second = total.inputs
        kept, term = (first, second) if first in agreed and second in inside else \
            (second, first) if second in agreed and first in inside and op_kind(total.op) == "add" else (None, None)
        if kept is None:
            continue
        twin = agreed[kept]
        nexts = [trace.values[i] for i in total.users if trace.values[i].op != "grad"]
        theirs = [other.values[i] for i in twin.users if other.values[i].op != "grad"]
        if any(op_kind(u.op) in SUMS for u in theirs):
            continue  # the other side adds something to it too: another term, not a term left out
        if _made_otherwise(total, twin, other):
            continue  # the other side computes the sum too, another way (a log-sum-exp of its own): no term left out
        if any(same_kind(mine, their) and mine.array.shape == their.array.shape and _alone_gives(trace, mine, (total, kept), their)
               for mine in nexts for their in theirs):
            return total, trace.values[kept], trace.values[term], twin
    return None


def _alone_gives(trace: Trace, mine: Value, summed: tuple[Value, int], theirs: Value) -> bool:
    """Whether the next op, given the agreed operand alone in place of the sum, gives the other side's next value
    (a product with a mask after it is no multiply by √(2/π) inside a GELU); taken as said where it cannot be recomputed."""
    total, kept = summed
    result = replay(trace, mine.index, {total.index: trace.values[kept].array}, 1)
    return result is None or result.size == theirs.array.size and in_a_layout(result, theirs.array, 1e-4)


def _made_otherwise(total: Value, twin: Value, other: Trace) -> bool:
    """Whether the other side holds a value of the sum's shape one number per row from the sum (the same quantity made
    another way: a log-sum-exp of its own, over another count), besides the operand it is said to carry."""
    if total.array.ndim < 2:
        return False
    scale = max(float(np.abs(total.array).max()), 1e-30)
    for value in other.values:
        if value.array.shape != total.array.shape or value.index == twin.index or value.op == "grad":
            continue
        gap = (value.array - total.array).reshape(len(total.array), -1)
        if float(np.ptp(gap, axis=1).max()) <= 1e-4 * scale:
            return True
    return False


def formula(value: Value, trace: Trace, stop: set[int], depth: int = DEPTH) -> str:
    """A value written as the ops that make it, down to values the two programs share or `depth` ops."""
    if value.index in stop or depth == 0 or not value.inputs or value.op in ("X", "y"):
        return describe(value)
    args = [formula(trace.values[i], trace, stop, depth - 1) if isinstance(i, int) else "…" if i == "?" else f"{i:g}"
            for i in value.inputs]
    kind = op_kind(value.op)
    if kind in SYMBOLS and len(args) == 2:
        return f"({args[0]} {SYMBOLS[kind]} {args[1]})"
    if kind == "negative" and len(args) == 1:
        return f"−{args[0]}"
    return f"{kind}({', '.join(_bare(a) for a in args)})"


def _bare(text: str) -> str:
    """An infix term without its outer parentheses, where a function's own parentheses enclose it."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and i < len(text) - 1:
            return text
    return text[1:-1] if text.startswith("(") else text
