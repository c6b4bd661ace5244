"""The same ops on the two sides where two programs as written part, written otherwise: two operations in the other
order (ReLU after a residual addition against before it; a port's in-place sqrt_ and add_ are its sqrt and add), one
op with another number on each side, and a product and a division taken alike as a scale (÷ 32 against × 1: a mean
against a sum). A number on one side only: `one_sided`."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.bound_rows import ancestors
from parity.diagnosis.ratios import root_form
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


CANONICAL = {"add.reduce": "sum", "maximum.reduce": "amax", "max": "amax", "sub": "subtract", "mul": "multiply", "div": "divide", "true_divide": "divide", "dot": "matmul",
             "expit": "sigmoid", "relu": "relu", "maximum": "maximum", "clamp": "clip", "clip": "clip"}
COMPOSITE = {  # a torch function, and the NumPy ops its first step is written with
    "batch_norm": {"mean", "var", "std", "subtract"}, "layer_norm": {"mean", "var", "std", "subtract"},
    "group_norm": {"mean", "var", "std", "subtract"}, "softmax": {"exp", "maximum.reduce", "amax", "max", "subtract"},
    "log_softmax": {"exp", "maximum.reduce", "amax", "max", "subtract"}, "linear": {"matmul"},
    "cross_entropy": {"exp", "maximum.reduce", "amax", "max", "subtract"},
}
SAID = {"relu": "ReLU", "add": "the addition", "subtract": "the subtraction", "multiply": "the product", "divide": "the division",
        "matmul": "the matrix product", "exp": "exp", "softplus": "softplus", "log": "log", "tanh": "tanh", "sigmoid": "sigmoid", "square": "the square",
        "clip": "the clip"}


def op_order(numpy_chain: list[Value], torch_chain: list[Value], traces: tuple[Trace, Trace] | None = None,
             tolerance: float = 1e-5) -> str:
    """The same two operations after the last agreeing value, applied in the other order on the two sides (ReLU after
    a residual addition against before it, a scale before a nonlinearity against after). With the traces, each pair
    of ops must take equal other operands (x + noise against tanh(x) + noise, not h·k against (h + b)·k)."""
    mine, theirs = [canonical(v) for v in numpy_chain[:2]], [canonical(v) for v in torch_chain[:2]]
    if len(theirs) == 2 and len(mine) >= 2 and theirs[1] in COMPOSITE and mine[0] in COMPOSITE[theirs[1]] and \
            theirs[0] not in COMPOSITE[theirs[1]] and _moved(numpy_chain, torch_chain, traces, tolerance):
        done = SAID.get(theirs[0], theirs[0])  # the port's one op against the NumPy program's steps of the other
        return (f"Both sides apply {done} and {theirs[1]} there, in the other order: the port {done} first, then "
                f"{theirs[1]}; the NumPy program {theirs[1]}'s steps first ({mine[0]}, …), then {done}.")
    mine = mine[:2]
    if len(mine) < 2 or len(theirs) < 2 or mine == theirs or sorted(mine) != sorted(theirs) or mine[0] == mine[1] or \
            not _alike(numpy_chain[0], torch_chain[1]) or not _alike(numpy_chain[1], torch_chain[0]) or \
            traces and not (_same_operands(numpy_chain, 0, torch_chain, 1, traces, tolerance)
                            and _same_operands(numpy_chain, 1, torch_chain, 0, traces, tolerance)):
        return ""
    first, second = (SAID.get(name, name) for name in mine)
    return (f"Both sides apply {first} and {second} there, in the other order: the NumPy program {first} first, then "
            f"{second}; the port {second} first, then {first}{_written(numpy_chain, torch_chain, traces)}.")


def _moved(numpy_chain: list[Value], torch_chain: list[Value], traces: tuple[Trace, Trace] | None, tolerance: float) -> bool:
    """The port's first op found later in the NumPy program's chain as the same op, on equal other operands: not a
    step of the composite's own (softmax's division by its sum is no temperature moved, linear's bias no skip)."""
    for k in range(1, len(numpy_chain)):
        if canonical(numpy_chain[k]) == canonical(torch_chain[0]) and _alike(numpy_chain[k], torch_chain[0]) and \
                (traces is None or _same_operands(numpy_chain, k, torch_chain, 0, traces, tolerance)
                 and _same_share(numpy_chain[k], torch_chain[0], traces)):
            return True
    return False


def _same_share(mine: Value, theirs: Value, traces: tuple[Trace, Trace]) -> bool:
    """An index op keeps the same share of what it indexes on both sides (half the rows is no pick of one entry per
    row, whose index the trace does not hold): other ops, as their operands show."""
    if canonical(mine) != "getitem":
        return True
    shares = [v.array.size / max(trace.values[v.inputs[0]].array.size, 1) if v.inputs and isinstance(v.inputs[0], int) else None
              for v, trace in ((mine, traces[0]), (theirs, traces[1]))]
    return None not in shares and abs(shares[0] - shares[1]) <= 1e-9


def _operand_choices(chain_: list[Value], k: int) -> list[list[int]]:
    """The traced operands of the chain's k-th op besides the value the chain brings it: the op before it, or, for
    the first op, the agreeing value, which is one of its operands (each tried)."""
    inputs = [i for i in chain_[k].inputs if isinstance(i, int)]
    if k:
        return [[i for i in inputs if i != chain_[k - 1].index]]
    return [inputs[:m] + inputs[m + 1:] for m in range(len(inputs))] or [[]]


def _same_operands(mine: list[Value], k: int, theirs: list[Value], j: int, traces: tuple[Trace, Trace], tolerance: float) -> bool:
    """Whether the two ops take equal other operands. An operand the trace did not see (a weight read outside it) is
    held against the other side's where both were kept as they were given (V against V²: another operand)."""
    unseen = [list(getattr(v, "unseen", {}).values()) for v in (mine[k], theirs[j])]
    if all(len(u) == 1 for u in unseen) and unseen[0][0].shape == unseen[1][0].shape and \
            not agrees(unseen[0][0], unseen[1][0], tolerance):
        return False

    def equal(x, y) -> bool:
        return x.size == y.size and agrees(x.reshape(y.shape), y, tolerance)
    for a in _operand_choices(mine, k):
        for b in _operand_choices(theirs, j):
            arrays_a, arrays_b = [traces[0].values[i].array for i in a], [traces[1].values[i].array for i in b]
            arrays_a += _unseen_term(mine, k) if len(arrays_a) < len(arrays_b) else []
            if len(arrays_a) == len(arrays_b) and all(equal(x, y) for x, y in zip(arrays_a, arrays_b)):
                return True
    return False


def _unseen_term(chain_: list[Value], k: int) -> list:
    """An addition's operand the trace did not see ('?': a copy made before the step), recovered from its result."""
    value = chain_[k]
    if not k or canonical(value) != "add" or "?" not in value.inputs or value.array.shape != chain_[k - 1].array.shape:
        return []
    return [value.array - chain_[k - 1].array]


def _written(numpy_chain: list[Value], torch_chain: list[Value], traces: tuple[Trace, Trace] | None = None) -> str:
    """The two orders as formulas, where one op is a function of one value and the other takes one more operand."""
    unary = [v for v in (numpy_chain[0], numpy_chain[1]) if len(v.inputs) == 1]
    if len(unary) != 1:
        return ""
    f = canonical(unary[0])
    other = numpy_chain[1] if unary[0] is numpy_chain[0] else numpy_chain[0]
    sign = {"add": "+", "subtract": "-", "multiply": "·", "divide": "/"}.get(canonical(other))
    if sign is None:
        return ""
    mine = f"{f}(x) {sign} b" if unary[0] is numpy_chain[0] else f"{f}(x {sign} b)"
    port = f"{f}(x {sign} b)" if unary[0] is numpy_chain[0] else f"{f}(x) {sign} b"
    where = f"b taken inside the {f} on one side, outside it (after the {f}) on the other"
    skip = "; b, a value x is made from, is a residual (skip) branch" if sign == "+" and traces and \
        _skip_branch(torch_chain, traces[1]) else ""
    return f" ({mine} against {port}, x the agreeing value: {where}{skip})"


def _skip_branch(torch_chain: list[Value], trace: Trace) -> bool:
    """The port's addition takes, besides the value it carries, one of its shape that value is made from (h + f(W h)):
    a residual branch, where an operand made apart (a noise, an offset) is not one."""
    add = next((v for v in torch_chain[:2] if canonical(v) == "add"), None)
    ints = [i for i in add.inputs if isinstance(i, int)] if add is not None else []
    if len(ints) != 2 or not all(trace.values[i].array.shape == add.array.shape for i in ints):
        return False
    return min(ints) < add.index - 1 and min(ints) in ancestors(trace, max(ints))


def _alike(mine: Value, theirs: Value) -> bool:
    """One op on both sides as far as its operands show: the same numbers, and as many arrays (x * 0.5 is not x * eps)."""
    def numbers(value: Value) -> list[float]:
        return sorted(i for i in value.inputs if isinstance(i, float))
    if canonical(mine) in ("relu", "softplus"):  # np.maximum(x, 0) against relu(x), np.logaddexp(0, x) against softplus(x)
        return True
    if canonical(mine) in ("mean", "sum", "amax") and mine.array.size == theirs.array.size:
        return True  # a reduction's axis is numbered in each side's own layout (time last against channels last)
    if canonical(mine) == "square":  # np.square(x) against x ** 2
        return True
    return numbers(mine) == numbers(theirs) and len(mine.inputs) - len(numbers(mine)) == len(theirs.inputs) - len(numbers(theirs))


def canonical(value: Value) -> str:
    op = value.op.removesuffix(" (in place)").rstrip("_")  # a port's in-place method (sqrt_, add_) is its op
    if op == "maximum" and 0.0 in value.inputs:
        return "relu"  # np.maximum(x, 0)
    if op == "logaddexp" and 0.0 in value.inputs:
        return "softplus"  # np.logaddexp(0, x)
    if op in ("pow", "power", "float_power") and value.inputs[1:] == (2.0,):
        return "square"  # x ** 2
    return CANONICAL.get(op, op)


def chain(trace: Trace, start: Value | None, allowed: set[int] | None = None, length: int = 2) -> list[Value]:
    """A value and the first value made from it, and so on: the path the computation takes from it."""
    found = []
    while start is not None and len(found) < length:
        found.append(start)
        start = next((trace.values[i] for i in start.users if trace.values[i].op != "grad" and (allowed is None or i in allowed)), None)
    return found


def constants(numpy_ops: list[Value], torch_ops: list[Value], rows: int = 0, nearby: tuple[Value, ...] = ()) -> str:
    """The same op on the agreeing value with another number on each side (a scale, a divisor, a shift), a product
    and a division taken alike as a scale; `nearby`, the ops each side applies next (a power one side binds otherwise)."""
    if said := _scales(numpy_ops, torch_ops, rows):
        return said
    for mine in numpy_ops:
        theirs = next((t for t in torch_ops if canonical(t) == canonical(mine)), None)
        numbers = [[i for i in v.inputs if isinstance(i, float)] for v in (mine, theirs)] if theirs is not None else [[], []]
        if len(numbers[0]) == len(numbers[1]) == 2 and numbers[0] != numbers[1]:  # a clip's two bounds
            return (f"Both sides apply {SAID.get(canonical(mine), canonical(mine))} there with other numbers: the NumPy "
                    f"program with ({numbers[0][0]:g}, {numbers[0][1]:g}), the port with ({numbers[1][0]:g}, "
                    f"{numbers[1][1]:g}).")
        if len(numbers[0]) != 1 or len(numbers[1]) != 1 or numbers[0][0] == numbers[1][0]:
            continue
        a, b = numbers[0][0], numbers[1][0]
        complement = (f" ({a:g} = 1 - {b:g}: one side takes a probability's complement, a keep probability where the "
                      "other has a drop probability, β where 1 - β belongs)") if abs(a + b - 1) <= 1e-6 and min(a, b) >= 1e-3 else ""  # float32 numbers
        return (f"Both sides apply {SAID.get(canonical(mine), canonical(mine))} there with another number: the NumPy "
                f"program with {a:g}, the port with {b:g} (a ratio of {a / b:.4g}){complement}"
                f"{_powered(a, b, [*numpy_ops, *torch_ops, *nearby])}.") if b else ""
    return ""


def _powered(a: float, b: float, ops: list[Value]) -> str:
    """One side's number the other's raised to a power either side applies next: the power bound to the number alone
    (x / c**k where (x / c)**k was meant)."""
    powers = {i for v in ops if canonical(v) in ("power", "pow") for i in v.inputs if isinstance(i, float) and i not in (0.0, 1.0)}
    for k in sorted(powers):
        for number, base, side in ((a, b, "NumPy program's"), (b, a, "port's")):
            if base > 0 and abs(number - base ** k) <= 1e-6 * abs(number):
                return (f"; the {side} {number:g} is {base:g}^{k:g}, the power {k:g} applied to the number alone (x / c**k "
                        f"where (x / c)**k was meant: ** binds before /)")
    return ""


def number_scale(value: Value) -> tuple[float, str] | None:
    """A value one array times a number or divided by one: (the factor, as written), else None."""
    op, numbers = canonical(value), [i for i in value.inputs if isinstance(i, float)]
    if len(value.inputs) != 2 or len(numbers) != 1 or op not in ("multiply", "divide"):
        return None
    root = f" (= {form}, a square root: a scale such as √d)" if numbers[0] and (form := root_form(numbers[0])) else ""
    if op == "divide" and value.inputs[1] == numbers[0] and numbers[0]:
        return 1.0 / numbers[0], f"divides it by {numbers[0]:g}{root}"
    return (numbers[0], f"multiplies it by {numbers[0]:g}{root}") if op == "multiply" else None


def _scales(numpy_ops: list[Value], torch_ops: list[Value], rows: int) -> str:
    """Each side scales the agreeing value by a number of its own, written as a product on one side and a division on
    the other: the factor between them, and the batch's rows where it is that."""
    mine = next((s for v in numpy_ops[:1] if (s := number_scale(v))), None)
    theirs = next((s for v in torch_ops[:1] if (s := number_scale(v))), None)
    if mine is None or theirs is None or not theirs[0] or canonical(numpy_ops[0]) == canonical(torch_ops[0]):
        return ""
    ratio = mine[0] / theirs[0]
    if abs(ratio - 1) <= 1e-12:
        return ""
    counted = next((f" ({k:g} is the batch's rows: a mean over the rows on one side, a sum on the other)"
                    for k in (ratio, 1 / ratio) if rows > 1 and abs(k - rows) <= 1e-9 * rows), "")
    return (f"Both sides scale that value there by another number: the NumPy program {mine[1]}, the port {theirs[1]} "
            f"(a factor of {ratio:.6g} between them){counted}.")


def same_step(a: Value, b: Value) -> bool:
    """One op, or a torch function against the first NumPy op it is written with (softmax against x.max())."""
    one, two = canonical(a), canonical(b)
    return one == two or one in COMPOSITE.get(two, ()) or two in COMPOSITE.get(one, ())


SIGNED = {"add": ("adds", "to"), "subtract": ("subtracts", "from")}  # a term's sign, in words


def sign_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, traces: tuple[Trace, Trace],
               tolerance: float) -> str:
    """One side adds a term to the value both agree on and the other subtracts the same term (an entropy bonus added
    as a penalty): the two operands measured equal, the value both agree on first on both sides."""
    mine = next((v for v in numpy_ops[:2] if canonical(v) in SIGNED and v.inputs[:1] == (frontier.index,)), None)
    theirs = next((v for v in torch_ops[:2] if canonical(v) in SIGNED and v.inputs[:1] == (twin.index,)), None)
    if mine is None or theirs is None or canonical(mine) == canonical(theirs) or len(mine.inputs) != 2 or len(theirs.inputs) != 2:
        return ""
    terms = [trace.values[v.inputs[1]].array if isinstance(v.inputs[1], int) else np.asarray(v.inputs[1], np.float64)
             if isinstance(v.inputs[1], float) else None for v, trace in ((mine, traces[0]), (theirs, traces[1]))]
    if any(t is None for t in terms) or terms[0].shape != terms[1].shape or not np.any(terms[0]) or \
            not agrees(terms[0], terms[1], tolerance):
        return ""
    (verb, to), (their_verb, _) = SIGNED[canonical(mine)], SIGNED[canonical(theirs)]
    term = describe(traces[0].values[mine.inputs[1]]) if isinstance(mine.inputs[1], int) else f"{mine.inputs[1]:g}"
    return (f"The NumPy program {verb} its {term} {to} the value both agree on, "
            f"where the port {their_verb} the same term (equal on both sides): that term's sign flipped on one "
            "side (a bonus subtracted where a penalty is added, or the reverse).")
