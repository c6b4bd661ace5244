"""Where two programs part in the forward pass by one op or one factor: the port applies an op once more to the
value they share (a sigmoid on a gate that already ends in one), or one program's value is the other's times a value
both have (swish's extra gate factor, value·g·σ(g) against value·σ(g)). Each measured on the programs' own numbers.

    mine = op_numpy(…, f(shared), …) = the port's value        (f applied on the port's side only)
    mine = theirs · shared      or      theirs = mine · shared
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.recompute import recomputed
from parity.diagnosis.sibling_place import unfelt
from parity.diagnosis.steps_left_out import made_already
from parity.diagnosis.term_apart import term_apart
from parity.diagnosis.value_trace import Trace, Value, agrees, describe, uses

MOST = 12  # values tried on each side
LINEAR_MAPS = ("matmul", "dot", "einsum", "tensordot", "inner")


def extra_op(numpy_ops: list[Value], frontier: Value, twin: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """A port op on the shared value alone (f(shared)) whose result, put in the shared value's place, makes the NumPy
    program's next op give one of the port's values: the port applies f there and the NumPy program does not."""
    applied = [other.values[u] for u in twin.users[:MOST] if other.values[u].inputs == (twin.index,)
               and other.values[u].array.size == frontier.array.size and other.values[u].op != "grad"]
    for port_op in applied:
        if agrees(port_op.array.reshape(frontier.array.shape), frontier.array, tolerance):
            continue  # a view or copy of the shared value: no op applied
        for value in (v for v in numpy_ops[:MOST] if frontier.index in v.inputs):
            again = recomputed(value, frontier.index, port_op.array.reshape(frontier.array.shape), trace)
            if again is None or not np.any(again) or again.size == frontier.array.size and agrees(
                    again.reshape(frontier.array.shape), frontier.array, tolerance):
                continue  # the NumPy op undoes the port's (-(-m)): the shared value again, no op the port adds
            match = next((v for v in other.values if v is not port_op and v.array.size == again.size
                          and agrees(again.reshape(v.array.shape), v.array, tolerance)), None)
            if match is not None:
                twice = f", itself a {port_op.op} output: {port_op.op} applied twice" if twin.op == port_op.op else ""
                return (f"The port applies {port_op.op} to {describe(twin)}{twice}, where the NumPy program uses that value "
                        f"as it is: with the port's {describe(port_op)} in its place, the NumPy program's {value.op} gives "
                        f"the port's {describe(match)} (an activation applied once more on the port's side: a module that "
                        "already ends in it, called again in forward).")
    return ""


def op_left_out(numpy_ops: list[Value], frontier: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """A NumPy op on the shared value (times a mask, a scale) whose next op, given the shared value itself in its
    place, gives one of the port's values: the NumPy program applies that op there and the port does not."""
    for applied in (v for v in numpy_ops[:MOST] if uses(v, frontier) and v.array.shape == frontier.array.shape
                    and v.op.removesuffix(" (in place)") not in LINEAR_MAPS  # A·(X·W) is (A·X)·W: no op left out
                    and all(_scale_or_mask(i, trace, v.unseen.get(k, _read_back(v, frontier))) for k, i in enumerate(v.inputs)
                            if not (isinstance(i, int) and i == frontier.index))):
        for value in (trace.values[u] for u in applied.users[:MOST]):
            again = recomputed(value, applied.index, frontier.array, trace)
            if again is None or again.shape != value.array.shape or not np.any(again) or agrees(again, value.array, tolerance):
                continue
            match = next((v for v in other.values if v.op != "grad" and v.array.size == again.size
                          and agrees(again.reshape(v.array.shape), v.array, tolerance)), None)
            if match is not None and not any(v.array.size == match.array.size and v.index != frontier.index and agrees(
                    v.array.reshape(match.array.shape), match.array, tolerance) for v in trace.values):
                # a value the NumPy program computes itself elsewhere (a count) is no op left out of this one's place
                return (f"The NumPy program applies {describe(applied)} to the shared value{_mask(applied, frontier)}"
                        f"{_number(applied, trace)}, where "
                        f"the port takes the value as it is: without it, the NumPy program's {value.op} gives the port's "
                        f"{describe(match)}. One side leaves that op out.")
    return ""


def term_added(numpy_ops: list[Value], trace: Trace, other: Trace, tolerance: float) -> str:
    """A NumPy sum a + b of two values the port has too, whose next op, given b alone in its place, gives one of the
    port's values: the NumPy program adds a there and the port goes on with b (a residual's identity path)."""
    def the_ports(array: np.ndarray) -> Value | None:
        return next((v for v in other.values if v.op != "grad" and v.array.shape == array.shape and agrees(array, v.array, tolerance)), None)
    for applied in (v for v in numpy_ops[:MOST] if v.op.removesuffix(" (in place)") == "add" and len(v.inputs) == 2
                    and all(isinstance(i, int) and trace.values[i].array.shape == v.array.shape for i in v.inputs)):
        for kept, extra in (applied.inputs, applied.inputs[::-1]):
            if the_ports(trace.values[kept].array) is None or the_ports(trace.values[extra].array) is None:
                continue
            for value, again in _made_again(applied, trace.values[kept].array, trace, tolerance):
                if (match := the_ports(again)) is not None and not made_already(again, trace, tolerance):
                    # a value the NumPy program computes itself (the block applied to the kept value before) says nothing
                    return (f"The NumPy program adds {describe(trace.values[extra])} to {describe(trace.values[kept])} "
                            f"in its {describe(applied)}, where the port goes on with {describe(trace.values[kept])} alone: "
                            f"without that term, the NumPy program's {value.op} gives the port's {describe(match)}. One "
                            "side leaves the term out (a residual or skip connection's identity path).")
    return ""


def _made_again(applied: Value, array: np.ndarray, trace: Trace, tolerance: float):
    """The values made from `applied` (and those made from each of them: a product, then its bias), recomputed with
    `array` in its place: (value, recomputed)."""
    for value in (trace.values[u] for u in applied.users[:MOST]):
        again = recomputed(value, applied.index, array, trace)
        if again is None or again.shape != value.array.shape or not np.any(again) or agrees(again, value.array, tolerance):
            continue
        yield value, again
        for after in (trace.values[u] for u in value.users[:4]):
            further = recomputed(after, value.index, again, trace)
            if further is None and after.op.removesuffix(" (in place)") == "add" and after.array.shape == value.array.shape:
                further = again + (after.array - value.array)  # a bias the trace holds unseen: read back from the sum
            if further is not None and further.shape == after.array.shape and np.any(further):
                yield after, further


def _scale_or_mask(source, trace: Trace, unseen: np.ndarray | None = None) -> bool:
    """An operand an op left out can apply: a number, or a 0/1 mask (not data such as y, whose difference is a loss's;
    not an array the program holds, a learned std, which the other side may apply later in its formula)."""
    if source == "?":
        array = unseen
        if array is None:
            return False
        array = np.asarray(array)
        return array.size <= 1 or np.ptp(array) <= 1e-9 * np.abs(array).max() or bool(np.all((array == 0) | (array == 1)))
    if not isinstance(source, int):
        return True
    array = trace.values[source].array
    return array.size == 1 or bool(np.all((array == 0) | (array == 1)))


def _read_back(applied: Value, frontier: Value) -> np.ndarray | None:
    """The other operand of a product or quotient with the shared value, read back from the two (where it is not 0)."""
    op, a, f = applied.op.removesuffix(" (in place)"), applied.array, frontier.array
    if a.shape != f.shape:
        return None
    with np.errstate(all="ignore"):
        read = a / f if op in ("multiply", "mul") else f / a if op in ("divide", "true_divide", "div") else None
    return None if read is None else read[np.isfinite(read) & (f != 0)]


def _number(applied: Value, trace: Trace) -> str:
    """The one number an op applies, said with the batch's rows where it is their count (a mean against a sum)."""
    numbers = [i for i in applied.inputs if isinstance(i, float)]
    if len(numbers) != 1:
        return ""
    rows = trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0
    count = " (the batch's rows: a mean over the rows on one side, a sum on the other)" if numbers[0] == rows else ""
    return f" ({applied.op.removesuffix(' (in place)')} by {numbers[0]:g}{count})"


def _mask(applied: Value, frontier: Value) -> str:
    """A product with a 0/1 array, said as the entries it zeroes (the pairs i == j of two like axes, a diagonal)."""
    if applied.op.removesuffix(" (in place)") not in ("multiply", "mul"):
        return ""
    with np.errstate(all="ignore"):
        ratio = np.where(frontier.array != 0, applied.array / np.where(frontier.array != 0, frontier.array, 1), np.nan)
    seen = ratio[np.isfinite(ratio)]
    if seen.size == 0 or not np.all((np.abs(seen) < 1e-9) | (np.abs(seen - 1) < 1e-6)):
        return ""
    zero = np.isfinite(ratio) & (np.abs(ratio) < 1e-9)
    shape = frontier.array.shape
    for a in range(1, len(shape) - 1):
        if shape[a] == shape[a + 1] and (diagonal := np.eye(shape[a], dtype=bool)).any():
            pairs = diagonal.reshape((1,) * a + diagonal.shape + (1,) * (len(shape) - a - 2))
            if np.all(~zero | pairs) and np.all(zero[np.broadcast_to(pairs, shape) & np.isfinite(ratio)]):
                return f" (a 0/1 mask zeroing the pairs i == j of axes {a} and {a + 1}: the diagonal, self-pairs, left out)"
    return f" (a 0/1 mask zeroing {int(zero.sum())} of its {zero.size} entries)"


def factor_apart(departing: list[Value], after: list[Value], trace: Trace, other: Trace, tolerance: float) -> str:
    """A NumPy value that is a port value of its shape times (or divided by) a value both programs have: a factor
    one program applies there and the other leaves out."""
    start = min((v.index for v in departing), default=0)
    shared = [v for v in trace.values[:start][::-1] if np.ptp(v.array) > 0 and v.op not in ("X", "y")
              and any(w.array.shape == v.array.shape and agrees(v.array, w.array, tolerance) for w in other.values)][:MOST * 2]
    for mine in reversed(departing[:MOST]):  # the last of a kind nearest the loss: the value each side goes on with,
        # not an intermediate the port's fused op (glu's σ(g)) never shows
        for theirs in (v for v in after[:MOST * 2] if v.array.shape == mine.array.shape and np.any(v.array)
                       and not agrees(mine.array, v.array, tolerance)):
            for factor in (f for f in shared if f.array.shape == mine.array.shape):
                for words, (a, b) in (("the port's {t} times", (mine.array, theirs.array * factor.array)),
                                      ("the port's {t} divided by", (mine.array * factor.array, theirs.array))):
                    if agrees(a, b, tolerance) and not unfelt(theirs, mine.array, other):
                        return (f"The NumPy program's {describe(mine)} is {words.format(t=describe(theirs))} "
                                f"{describe(factor)} (value {factor.index}, a value both programs have), element by "
                                "element: a factor one program applies there and the other leaves out (a gate's extra "
                                "factor, swish's x·σ(x) against σ(x), an input multiplied in once more).")
    return ""


def apart(departing: list[Value], frontier: Value, twin: Value, after: list[Value], numpy_ops: list[Value],
          both: tuple[Trace, Trace], tolerance: float, fix: str) -> tuple[str, str, float]:
    """The readings of two programs apart by one term, one op or one factor, in turn: (words, fix, fit)."""
    trace, other = both
    if term := term_apart(departing[:24], [twin, *after], tolerance, other.values, trace, other):
        return term, fix, 0.8
    if once_more := extra_op(numpy_ops, frontier, twin, trace, other, tolerance):
        return once_more, "Apply that op once, as the NumPy program does (or in both programs).", 0.8
    if left_out := op_left_out(numpy_ops, frontier, trace, other, tolerance):
        return left_out, "Apply that op in both programs (or in neither).", 0.8
    if added := term_added(numpy_ops, trace, other, tolerance):
        return added, "Add the same terms in both programs (a residual's identity path on both sides, or on neither).", 0.8
    return factor_apart(departing[:24], after, trace, other, tolerance), fix, 0.75
