"""The same two ops applied in the other order: from the value where the programs last agree, one side applies f then
g and the other g then f, each with the same constant (√v + ε against √(v + ε); exp then clip against clip then exp).
Measured: the NumPy program's own two ops, recomputed in the port's order from its value, give the port's."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.value_laws import op_kind
from parity.diagnosis.value_match import in_a_layout
from parity.diagnosis.value_trace import Trace, Value

# an op of one operand, or of the value and one number (x + c, c - x), recomputed
UNARY: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sqrt": np.sqrt, "exp": np.exp, "log": np.log, "tanh": np.tanh, "abs": np.abs, "absolute": np.abs,
    "negative": np.negative, "neg": np.negative, "square": np.square, "log1p": np.log1p, "expm1": np.expm1}
BINARY: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide, "power": np.power,
    "maximum": np.maximum, "minimum": np.minimum}


Step = tuple[str, float | None, bool]  # an op's kind, its number, and whether the number comes first (c - x)


def swapped_order(frontier: Value, twin: Value, numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """The NumPy program's f then g from the frontier, where the port applies g then f to its twin; '' where no two
    ops are so swapped."""
    for first in _users(frontier, numpy_trace):
        for second in _users(first, numpy_trace):
            for theirs_first in _users(twin, torch_trace):
                for theirs_second in _users(theirs_first, torch_trace):
                    mine = (_step(first, frontier.index), _step(second, first.index))
                    theirs = (_step(theirs_first, twin.index), _step(theirs_second, theirs_first.index))
                    if _swapped(mine, theirs) and _recomputed(frontier, (mine[1], mine[0]), theirs_second, second, tolerance):
                        return (f"From that value the NumPy program applies {_said(first, mine[0])} and then "
                                f"{_said(second, mine[1])}; the port applies {_said(theirs_first, theirs[0])} and then "
                                f"{_said(theirs_second, theirs[1])}: the same two ops in the other "
                                f"order. The NumPy program's ops, recomputed in the port's order, give the port's "
                                f"[{theirs_second.op} {theirs_second.array.shape}].")
    return ""


def _users(value: Value, trace: Trace) -> list[Value]:
    """The values made from this one and at most one number."""
    return [trace.values[i] for i in value.users if _step(trace.values[i], value.index) is not None][:4]


def _step(value: Value, source: int) -> Step | None:
    """(kind, the number, whether the number comes first) of an op of the source and at most one number."""
    kind = op_kind(value.op)
    numbers = [i for i in value.inputs if isinstance(i, float)]
    sources = [i for i in value.inputs if isinstance(i, int)]
    if sources != [source] or "?" in value.inputs or "alpha" in value.detail or "value=" in value.detail:
        return None
    if kind in UNARY and not numbers:
        return kind, None, False
    if kind in BINARY and len(numbers) == 1:
        return kind, numbers[0], value.inputs.index(numbers[0]) < value.inputs.index(source)
    return None


def _swapped(mine: tuple[Step | None, Step | None], theirs: tuple[Step | None, Step | None]) -> bool:
    """f then g on one side, g then f on the other, with the same numbers."""
    (f, g), (g_, f_) = mine, theirs
    if None in (f, g, f_, g_) or f[0] == g[0]:
        return False
    return _same(f, f_) and _same(g, g_)


def _same(a: Step, b: Step) -> bool:
    if a[0] != b[0] or a[2] != b[2] or (a[1] is None) != (b[1] is None):
        return False
    return a[1] is None or abs(a[1] - b[1]) <= 1e-9 * max(abs(a[1]), abs(b[1]), 1e-300)


def _recomputed(start: Value, order: tuple[Step, Step], theirs: Value, written: Value, tolerance: float) -> bool:
    """The two NumPy ops applied to the start in the given order give the port's value, and as written do not."""
    array = start.array
    for kind, number, number_first in order:
        with np.errstate(all="ignore"):
            array = UNARY[kind](array) if number is None else \
                BINARY[kind](number, array) if number_first else BINARY[kind](array, number)
    if not np.all(np.isfinite(array)):
        return False
    return in_a_layout(array, theirs.array, tolerance) and not in_a_layout(written.array, theirs.array, tolerance)


def _said(value: Value, step: Step) -> str:
    kind, number, number_first = step
    op = value.op.removesuffix(" (in place)").rstrip("_")
    return op if number is None else f"{op} from {number:.6g}" if number_first else f"{op} {number:.6g}"
