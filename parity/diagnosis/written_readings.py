"""Readings of where two programs as written part, from their traced values: a reduction over the other axis, the
other operand of the same op (the two operands related by a law where one holds), columns computed otherwise, and the
data's rows drawn otherwise."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.bound_rows import ancestors
from parity.diagnosis.operand_powers import complement
from parity.diagnosis.broadcasts import other_axis
from parity.diagnosis.held_statistics import held_statistics
from parity.diagnosis.masked_means import mask_scaled, zeroed_on_one_side
from parity.diagnosis.value_laws import law_between, op_kind
from parity.diagnosis.windows import reordered, windows_apart
from parity.diagnosis.precedence import constants_grouped, count_off_by_one, term_weighted
from parity.diagnosis.value_match import zero_one
from parity.diagnosis.value_trace import Trace, Value
from parity.tolerance.diagnosis import TRACE_AGREES


def roots(trace: Trace, index: int) -> set[str]:
    """The data a value is made from ("X", "y"), and "?" where an input was not seen; each value's set kept on the
    trace, so a reading that asks of every value asks once."""
    known: list[frozenset] = trace.memo.setdefault("roots", [])
    for value in trace.values[len(known):index + 1]:  # a value's inputs come before it
        found: set[str] = set()
        for source in value.inputs:
            if isinstance(source, int):
                found |= {trace.values[source].op} if trace.values[source].op in ("X", "y") else known[source]
            elif source == "?":
                found.add("?")
        known.append(frozenset(found))
    return set(known[index])


ELEMENTWISE = {"add": "add", "subtract": "subtract", "sub": "subtract", "multiply": "multiply by", "mul": "multiply by"}


def operands(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, trace: Trace,
             port_trace: Trace) -> tuple[str, str]:
    """Where both sides apply the same elementwise op to the agreeing value, what each applies it with: the other
    operand, recovered from the result, described by its range and moments, by whether it is one number for the
    whole array or one per column, and by whether it is computed from this batch. (words, how the two operands differ:
    "held", a statistic held apart; "broadcast", a vector along the other axis; "reordered", weights reversed; or "")."""
    pairs = [(m, t) for m in numpy_ops for t in torch_ops
             if ELEMENTWISE.get(m.op) and ELEMENTWISE.get(m.op) == ELEMENTWISE.get(t.op) and m.array.shape == frontier.array.shape]
    if not pairs:
        return "", ""
    mine, theirs = pairs[0]
    verb = ELEMENTWISE[mine.op]
    recover = (lambda r, f: r - f) if verb == "add" else (lambda r, f: f - r) if verb == "subtract" else (
        lambda r, f: np.divide(r, f, out=np.zeros_like(r), where=f != 0))
    other_np = recover(mine.array, frontier.array)
    if theirs.array.shape not in (twin.array.shape, twin.array.T.shape) or frontier.array.shape not in (twin.array.shape, twin.array.T.shape):
        return "", ""  # the two in another layout (channels-last against channels-first): no operand to recover
    other_t = recover(theirs.array, twin.array if twin.array.shape == frontier.array.shape else twin.array.T)
    said = f"Both sides {verb} another array: the NumPy program's {_moments(other_np)}; the port's {_moments(other_t)}."
    if np.ptp(other_np) <= 1e-6 * np.abs(other_np).max(initial=0.0) and np.ptp(other_t) <= 1e-6 * np.abs(other_t).max(initial=0.0) \
            and other_np.size and (grouped := constants_grouped(float(other_np.flat[0]), float(other_t.flat[0])) or
                                   count_off_by_one(float(other_np.flat[0]), float(other_t.flat[0]))):
        return said + grouped, "grouped"
    if other_np.size == other_t.size == 1 and (weighted := term_weighted(
            float(other_np.flat[0]), float(other_t.flat[0]), _rows(trace), len(trace.data) if trace.data is not None else 0)):
        return said + weighted, "grouped"
    if scaled := mask_scaled(other_np, other_t.reshape(other_np.shape) if other_t.size == other_np.size else None) or \
            zeroed_on_one_side(other_np, other_t.reshape(other_np.shape) if other_t.size == other_np.size else None):
        return said + scaled, ""
    if (spread := [_per_column(v) for v in (other_np, other_t)])[0] != spread[1]:
        said += (f" The NumPy program's is {spread[0]}, the port's {spread[1]} (a statistic taken over the whole array, "
                 "with no axis, on one side, and over axis=0, each feature, on the other).")
    if (made := [_from_batch(v, t) for v, t in ((mine, trace), (theirs, port_trace))])[0] != made[1]:
        said += (f" The NumPy program's is {made[0]}; the port's {made[1]} (statistics of each batch against statistics "
                 "kept from the whole data).")
    if made[0] == made[1] == HELD and (held := held_statistics(other_np, other_t, trace.data)):
        return said + held, "held"
    if other_np.size > 1 and np.ptp(other_np) > 0 and (turned := complement(other_np, other_t)):
        return said + turned, "complement"
    if crossed := other_axis(other_np, other_t):
        return said + crossed, "broadcast"
    if window := windows_apart(other_np, other_t):
        return said + window, "window"
    return said + (turned := reordered(other_np, other_t)), "reordered" if turned else ""


def _rows(trace: Trace) -> int:
    return int(trace.values[0].array.shape[0]) if trace.values and trace.values[0].array.ndim else 0


def _per_column(other: np.ndarray) -> str:
    if other.ndim == 2 and other.shape[1] > 1 and np.ptp(other, axis=0).max() <= 1e-6 * max(np.abs(other).max(), 1e-12):
        return "one number for the whole array" if np.ptp(other) <= 1e-6 * max(np.abs(other).max(), 1e-12) else "one per column"
    return "one per column" if other.ndim == 2 and other.shape[1] > 1 else "an array"


def _from_batch(value: Value, trace: Trace) -> str:
    """Whether an op's operands other than the data are computed from this batch's X."""
    for source in value.inputs[1:]:
        if isinstance(source, int) and "X" in roots(trace, source) | ({trace.values[source].op} & {"X"}):
            return "computed from this batch's X"
    return HELD


HELD = "held by the program (not computed from this batch)"


def _moments(array: np.ndarray) -> str:
    return f"in [{array.min():.2g}, {array.max():.2g}], mean {array.mean():.2g}, standard deviation {array.std():.2g}"


JOINS = {"hstack", "concatenate", "column_stack", "stack"}


def columns(numpy_values: list[Value], torch_ops: list[Value], frontier: Value, trace: Trace) -> str:
    """The port's first value beside the NumPy program's of its shape: the same values in another order (a reshape
    in another memory order), or some columns agreeing and others not (each differing column's source said)."""
    theirs = next((v for v in torch_ops if v.array.ndim == 2), None)
    mine = next((v for v in numpy_values if theirs is not None and v.array.shape == theirs.array.shape), None)
    if mine is None or mine.array.shape[1] < 2:
        return ""
    a, b = mine.array, theirs.array
    if np.allclose(np.sort(a, axis=1), np.sort(b, axis=1)) and not np.allclose(a, b):
        order = [next((k for k in range(b.shape[1]) if np.allclose(a[:, j], b[:, k])), -1) for j in range(a.shape[1])]
        how = (f": its column j holds the port's column {order[:8]}…" if -1 not in order else "")
        why = ("a reshape in column-major order='F' against the port's row-major C order" if "order='F'" in mine.detail else
               "the same values arranged otherwise: a reshape's memory order, axes swapped before it, or elements "
               "repeated in place against a whole row tiled")
        return (f"The NumPy program's {mine.op}({mine.detail}) holds the same values as the port's {theirs.op} in another "
                f"order{how} ({why}).")
    same = [j for j in range(a.shape[1]) if np.allclose(a[:, j], b[:, j], rtol=1e-5, atol=1e-7)]
    differ = [j for j in range(a.shape[1]) if j not in same]
    if not same or not differ or mine.op not in JOINS:
        return ""  # columns built one by one: elsewhere a column agreeing may be chance (a global minimum is one column's)
    return (f"Columns {same} of the NumPy program's {mine.op} agree with the port's {theirs.op}; column(s) {differ} "
            f"differ: {'; '.join(_column(mine, j, trace, b[:, j], frontier) for j in differ[:3])}.")


def _column(mine: Value, j: int, trace: Trace, port_column: np.ndarray, frontier: Value) -> str:
    said = f"column {j}"
    sources = [i for i in mine.inputs if isinstance(i, int)]
    if mine.op in JOINS and len(sources) == mine.array.shape[1] and isinstance(sources[j], int):
        source = trace.values[sources[j]]
        constants = [f"{i:g}" for i in source.inputs if isinstance(i, float)]
        said += f" is the NumPy program's {source.op}({', '.join(['…', *constants])})"
    x = frontier.array.reshape(-1) if frontier.array.size == port_column.size else None
    power = next((p for p in (1, 2, 3, 4) if x is not None and np.allclose(x ** p, port_column)), None)
    if power is not None:
        said += f", the port's is {frontier.op}**{power}"
    return said


def compared_with(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, trace: Trace,
                  port_trace: Trace) -> str:
    """The first op each side applies to the agreeing output, with another input: where the two inputs differ (one side
    compares with the data itself, the other with a value made from it), each is said, and a NumPy value equal to the
    port's input that the NumPy program computes but does not use there."""
    found = _compared(numpy_ops, torch_ops, frontier, twin, trace, port_trace)
    return found[0] if found else ""


def compared_finding(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, trace: Trace,
                     port_trace: Trace) -> tuple[str, str, float] | None:
    """compared_with as a finding: the loss's targets where either other operand is made from y (fit 0.8 with a law
    between the two, 0.75 without); otherwise 0.8 only where a law holds, else a location (0.6): the output meets
    another value there (a residual's branch, an offset), which is no target."""
    found = _compared(numpy_ops, torch_ops, frontier, twin, trace, port_trace)
    if found is None:
        return None
    said, a, b, law = found
    made = roots(trace, a.index) | roots(port_trace, b.index) | {a.op, b.op}
    if "y" in made:  # other targets: which law makes them, or only that they differ
        return "loss-function", said, 0.8 if law else 0.75
    return "forward", said, 0.75 if law == "order" else 0.8 if law else 0.6


def _compared(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, trace: Trace,
              port_trace: Trace) -> tuple[str, Value, Value, str] | None:
    """(words, the NumPy program's other operand, the port's, the law between them or '')."""
    if frontier.op in ("X", "y"):
        return None  # the data itself, not an output: what is added to it is read as another operand
    mine = next((v for v in numpy_ops if _other_input(v, frontier.index) is not None), None)
    theirs = next((v for v in torch_ops if _other_input(v, twin.index) is not None), None)
    if mine is None or theirs is None:
        return None
    a, b = trace.values[_other_input(mine, frontier.index)], port_trace.values[_other_input(theirs, twin.index)]
    if a.array.shape != b.array.shape or np.allclose(a.array, b.array, rtol=1e-5, atol=1e-7) or {a.op, b.op} <= {"X", "y"}:
        return None
    unused = next((v for v in trace.values if v.op not in ("X", "y") and v.array.shape == b.array.shape
                   and np.allclose(v.array, b.array, rtol=1e-5, atol=1e-7)), None)
    said = (f"The NumPy program's {mine.op} takes {_made_from(a, trace)} beside the agreeing output, where the port's "
            f"{theirs.op} takes {_made_from(b, port_trace)}: the two compare the output with different values.")
    if triangles := _causal_apart((mine, a), (theirs, b)):
        said, law = f"{said} {triangles}", triangles
    elif law := law_between(np.asarray(a.array, np.float64), np.asarray(b.array, np.float64), TRACE_AGREES["float32"]):
        said += f" Of the two, {law}."
    elif deeper := _inputs_apart(a, b, trace, port_trace):
        said += f" {deeper}"
        law = deeper
    if unused is not None:
        said += f" The NumPy program computes the port's value too ([{unused.op} {unused.array.shape}]) but does not use it there."
        path = [trace.values[i] for i in ancestors(trace, a.index) if i > unused.index and unused.index in ancestors(trace, i)]
        if 0 < len(path) <= 3 and any(v.op in ("matmul", "dot", "einsum", "tensordot") for v in path):  # h·W + b, gated
            said += (f" Its [{a.op} {a.array.shape}] is made from it: the same ops in another order, the op at the agreeing "
                     "output applied after them on one side and before them on the other (a gate on h before the product "
                     "h·W where it belongs after it, or the reverse).")
            law = law or ("order" if np.any(unused.array) else "")  # zeros (a first state) equal any zeros: place only
    return said, a, b, law


def _inputs_apart(a: Value, b: Value, trace: Trace, port_trace: Trace, depth: int = 3) -> str:
    """Two values of one op followed back through the one input where they part, to inputs one a law of the other (x², x)."""
    if depth == 0 or len(a.inputs) != len(b.inputs) or op_kind(a.op) != op_kind(b.op):
        return ""
    apart = [(trace.values[i], port_trace.values[j]) for i, j in zip(a.inputs, b.inputs) if isinstance(i, int)
             and isinstance(j, int) and not (trace.values[i].array.shape == port_trace.values[j].array.shape and np.allclose(
                 trace.values[i].array, port_trace.values[j].array, rtol=1e-5, atol=1e-7))]
    if len(apart) != 1:  # an operand not traced on one side (a weight) is taken as the same
        return ""
    x, z = apart[0]
    if x.array.shape == z.array.shape and (law := law_between(np.asarray(z.array, np.float64), np.asarray(x.array, np.float64),
                                                              TRACE_AGREES["float32"])):
        return (f"Followed back, the NumPy program's {a.op} takes {_made_from(x, trace)} where the port's takes "
                f"{_made_from(z, port_trace)}: of those, "
                + law.replace("the port's", "\0").replace("the NumPy program's", "the port's").replace("\0", "the NumPy program's") + ".")
    return _inputs_apart(x, z, trace, port_trace, depth - 1)


def _other_input(value: Value, source: int) -> int | None:
    ints = [i for i in value.inputs if isinstance(i, int)]
    return next((i for i in ints if i != source), None) if source in ints else None


def _made_from(value: Value, trace: Trace) -> str:
    if value.op in ("X", "y"):
        return f"{value.op} itself"
    made = sorted(roots(trace, value.index) - {"?"})
    said = f"[{value.op} {value.array.shape}]"
    root = next((v for v in trace.values if v.op in made and v.array.shape == value.array.shape), None)
    return said + (f", {_against(value.array, root.array, root.op)}" if root is not None else
                   f", made from {' and '.join(made)}" if made else "")


def _against(array: np.ndarray, root: np.ndarray, name: str) -> str:
    """A value read against the data it is made from: an affine function of it (standardised), or it with some
    elements set to zero."""
    if np.ptp(root) > 0:
        a, b = np.polyfit(root.ravel(), array.ravel(), 1)
        if np.allclose(a * root + b, array, rtol=1e-5, atol=1e-7):
            standard = " (standardised: mean 0, standard deviation 1)" if abs(array.mean()) < 1e-4 and abs(array.std() - 1) < 1e-3 else ""
            return f"{a:.4g}·{name} {'+' if b >= 0 else '-'} {abs(b):.4g}{standard}"
    zeroed = (array == 0) & (root != 0)
    if np.any(zeroed) and np.allclose(array[~zeroed], root[~zeroed]):
        return f"{name} with {zeroed.mean():.0%} of its elements set to 0 (masked, corrupted)"
    return f"made from {name}"


def columns_said(said: Callable, words: str, located: float) -> tuple | None:
    """Columns that differ, said at a location's fit where no differing column's source is read (only where)."""
    told = "same values" in words or " is the NumPy program's " in words or ", the port's is " in words
    return said("forward", words, "Compute those columns alike in both programs.", 0.8 if told else located)


def _kept(op: Value, mask: np.ndarray) -> np.ndarray | None:
    """The entries a 0/1 square mask lets through: where(mask, x, fill) and x * mask keep its ones, masked_fill its zeros."""
    if mask.ndim != 2 or mask.shape[0] != mask.shape[1] or not zero_one(mask):
        return None
    name = op.op.removesuffix("_").removesuffix(" (in place)")
    return mask == 1 if name in ("where", "multiply", "mul") else mask == 0 if name == "masked_fill" else None


def _causal_apart(mine: tuple[Value, Value], theirs: tuple[Value, Value]) -> str:
    """Two causal masks on other diagonals: each keeps the entries on and below its own diagonal (tril(ones, k))."""
    kept = [_kept(op, np.asarray(mask.array)) for op, mask in (mine, theirs)]
    if any(k is None for k in kept):
        return ""
    n = kept[0].shape[0]
    diagonals = [next((k for k in range(-n + 1, n) if np.array_equal(m, np.tril(np.ones((n, n), bool), k))), None) for m in kept]
    if None in diagonals or diagonals[0] == diagonals[1]:
        return ""
    a, b = diagonals
    return (f"Both are causal masks on other diagonals: the NumPy program keeps the entries on and below diagonal {a} "
            f"(position t sees up to t{a:+d}), the port on and below diagonal {b} (up to t{b:+d}): one side's mask is "
            f"{abs(a - b)} diagonal{'s' if abs(a - b) > 1 else ''} off (tril's diagonal argument, or a position sees the next token).")
