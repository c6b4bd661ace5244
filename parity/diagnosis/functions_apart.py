"""Where two programs as written part at a function of one value: the NumPy program applies one elementwise
function to the value both agree on, the port another (log1p against log, exp against softplus, tanh against
sigmoid). Both calls are in the traces, on the same agreeing value; what is said is what each side computes there.

    numpy:  f(x)        port:  g(x)        f ≠ g, x the value both agree on
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees

# one value in, one value of its shape out; NumPy's names and torch's for the same function are one name here
ELEMENTWISE = {"exp", "expm1", "log", "log1p", "log2", "log10", "sqrt", "rsqrt", "tanh", "sigmoid", "softplus", "relu",
               "gelu", "elu", "selu", "celu", "silu", "mish", "leaky_relu", "softsign", "logsigmoid", "hardtanh", "relu6",
               "hardsigmoid", "hardswish", "erf", "sin", "cos", "abs", "absolute", "square", "reciprocal", "arctan", "atan",
               "sinh", "cosh", "arcsinh", "asinh", "sign", "negative", "neg", "exp2", "cbrt"}
VIEWS = {"reshape", "view", "transpose", "t", "squeeze", "unsqueeze", "flatten", "ravel", "astype", "to", "contiguous",
         "getitem", "expand", "expand_as", "view_as", "permute", "swapaxes"}
# functions written in one another's place: a log for a log1p, an exp for a softplus, one squashing or one
# rectifying activation for another, one power for another, sin for cos
FAMILIES = ({"log", "log1p", "log2", "log10"}, {"exp", "expm1", "exp2", "softplus"},
            {"tanh", "sigmoid", "hardtanh", "softsign", "erf", "arctan", "hardsigmoid", "logsigmoid"},
            {"relu", "gelu", "elu", "selu", "celu", "silu", "mish", "leaky_relu", "softplus", "relu6", "hardswish", "abs"},
            {"sqrt", "rsqrt", "cbrt", "square", "abs", "reciprocal"}, {"sin", "cos"}, {"sinh", "cosh", "arcsinh"})
SAME = {"absolute": "abs", "atan": "arctan", "asinh": "arcsinh", "neg": "negative"}
MEANINGS = {"log1p": "log(1 + x)", "expm1": "exp(x) - 1", "softplus": "log(1 + exp(x))", "logsigmoid": "log σ(x)",
            "selu": "1.0507·elu(x, 1.6733)", "silu": "x·σ(x)", "gelu": "x·Φ(x)", "softsign": "x / (1 + |x|)",
            "relu6": "min(max(x, 0), 6)", "hardtanh": "clip(x, -1, 1)", "hardsigmoid": "clip(x/6 + 1/2, 0, 1)",
            "rsqrt": "1/√x", "reciprocal": "1/x", "mish": "x·tanh(softplus(x))", "celu": "max(0, x) + min(0, exp(x) - 1)"}


def functions_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, tolerance: float) -> str:
    """The first of the NumPy program's elementwise functions of the agreeing value against the port's, where the
    two are other functions and give other values."""
    mine_all = [v for v in numpy_ops if _function_of(v, frontier)]
    theirs_all = [v for v in torch_ops if _function_of(v, twin)]
    others = [v for v in numpy_ops if frontier.index in v.inputs and v not in mine_all and v.op not in VIEWS]
    if others or any(twin.index in v.inputs and v not in theirs_all and v.op not in VIEWS for v in torch_ops):
        return ""  # a side that computes more of the value (max(z, 0) - z·y + log(1 + e^-|z|)) writes a formula, not a function
    both = {_name(v) for v in mine_all} & {_name(v) for v in theirs_all}  # a function both apply: no slip between them
    for mine in (v for v in mine_all if _name(v) not in both):
        for theirs in (v for v in theirs_all if _name(v) not in both):
            a, b = _name(mine), _name(theirs)
            if not any(a in family and b in family for family in FAMILIES):
                continue  # a square against a cosine is no function written in another's place
            if mine.array.size != theirs.array.size or agrees(mine.array.reshape(theirs.array.shape), theirs.array, tolerance):
                continue
            block = (f" The value is one block of the port's {twin.op}: blocks taken in another order (gates i, f, g, o "
                     "against i, f, o, g) give each block another function." if twin.op in ("chunk", "split", "unbind", "tensor_split") else "")
            return (f"The NumPy program applies {_said(a)} to the value both agree on where the port applies {_said(b)}: "
                    f"two different functions of the same value (measured: their inputs agree, their outputs do not; "
                    f"the largest difference is {float(np.max(np.abs(mine.array.ravel() - theirs.array.ravel()))):.3g}).{block}")
    return ""


def _name(value: Value) -> str:
    name = value.op.removesuffix(" (in place)").removesuffix("_")
    return SAME.get(name, name)


def _function_of(value: Value, source: Value) -> bool:
    """One tensor in, the source; the same number of elements out."""
    tensors = [i for i in value.inputs if isinstance(i, int) or i == "?"]
    return _name(value) in ELEMENTWISE and tensors == [source.index] and value.array.size == source.array.size


def _said(name: str) -> str:
    meaning = MEANINGS.get(name)
    return f"{name} ({meaning})" if meaning else name


BOUNDS = {"clamp", "clip", "hardtanh", "relu", "maximum", "minimum", "relu6"}
IDENTITIES = VIEWS | {"detach", "clone", "copy", "array"}
FORMULA_OPS = {"greater", "less", "greater_equal", "less_equal", "where", "exp", "expm1", "log", "log1p", "abs"}


def one_side_only(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value,
                  traces: tuple[Trace, Trace]) -> str:
    """One side clips the value both agree on, or scales it by one number, where the other takes it as it is (a view, a
    copy, a detach) or goes on with an op of another kind: the clip or the factor written on one side only (a clamp of
    every parameter, biases too, where the other clips the weights; a dampening (1 - d) on one side's first step)."""
    for mine, theirs, who, other in ((numpy_ops, torch_ops, "The NumPy program", "the port"),
                                     (torch_ops, numpy_ops, "The port", "the NumPy program")):
        source = frontier if who.startswith("The NumPy") else twin
        trace = traces[1] if who.startswith("The NumPy") else traces[0]  # the other side's, where it takes the value
        named = {_name(v) for v in theirs}
        if named & (ELEMENTWISE | BOUNDS) or {_name(v) for v in mine} & FORMULA_OPS:
            continue  # a function on one side, a formula written out on the other (ELU's minimum(z, 0)): no clip
        for value in mine[:3]:
            name, numbers = _name(value), [i for i in value.inputs if isinstance(i, float)]
            tensors = [i for i in value.inputs if isinstance(i, int) or i == "?"]
            if tensors != [source.index] or value.array.size != source.array.size or name in named:
                continue
            if name in BOUNDS and numbers and not np.allclose(value.array.ravel(), source.array.ravel(), rtol=1e-6, atol=0):
                cut = int(np.sum(~np.isclose(value.array.ravel(), source.array.ravel(), rtol=1e-6, atol=0)))
                if name in ("maximum", "relu") and numbers == [0.0]:  # max(z, 0): a ReLU, not a constraint
                    later = next((v for v in theirs if _rectified_later(v, trace)), None)
                    return (f"{who} applies a ReLU, {name}(z, 0), to the value both agree on ({cut} of its "
                            f"{source.array.size} entries set to 0) where {other} " + (
                                f"applies it after its {later.op}: the ReLU and that op in another order." if later else
                                "takes it without one: an activation on one side only (left out of the other, or applied "
                                "twice on this one)."))
                return (f"{who} applies {name} to the value both agree on (bounds {', '.join(f'{n:g}' for n in numbers)}: "
                        f"{cut} of its {source.array.size} entries cut back) where {other} uses it unclipped: a clip on one "
                        "side only (a clamp of every parameter, biases too, where the other clips the weights alone; a "
                        "constraint left out).")
            if name in ("multiply", "mul") and len(numbers) == 1 and abs(numbers[0] - 1) > 1e-6 and \
                    any(_name(v) in IDENTITIES and not _scaled_later(v, numbers[0], trace) for v in theirs):
                return (f"{who} multiplies the value both agree on by {numbers[0]:g} where {other} takes it as it is: a "
                        "factor on one side only (a dampening 1 - d applied at a first step where the other starts from "
                        "the value itself, a scale or a weight left out).")
    return ""


def met_later(value: Value, trace: Trace, meets, hops: int = 3) -> bool:
    """Whether an op a few uses on from the value is one `meets` says yes to."""
    frontier = [value]
    for _ in range(hops):
        frontier = [trace.values[i] for v in frontier for i in v.users]
        if any(meets(u) for u in frontier):
            return True
    return False


def _rectified_later(value: Value, trace: Trace) -> bool:
    """Whether a ReLU (or max(·, 0)) follows the value within a few ops."""
    return met_later(value, trace, lambda u: _name(u) in ("relu", "maximum", "clamp"))


def _scaled_later(value: Value, factor: float, trace: Trace) -> bool:
    """Whether the value taken as it is is scaled a few ops on (by the same factor, or by any product: a copy
    multiplied afterwards, a discount times a mask), so that it is not taken as it is."""
    return met_later(value, trace, lambda u: _name(u) in ("mul", "multiply", "div", "divide", "true_divide") or any(
        isinstance(i, float) and abs(i - factor) <= 1e-9 * abs(factor) for i in u.inputs))


def positions_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value,
                    traces: tuple[Trace, Trace] | None = None) -> str:
    """Both sides take one position of the value they agree on along the same axis, at other indices (the first
    position against the last: a CLS slot read at the end, a state off by one)."""
    if traces is not None:  # every read of the value, the agreeing ones too (a column both sides read alike)
        numpy_ops = [traces[0].values[i] for i in frontier.users]
        torch_ops = [traces[1].values[i] for i in twin.users]
    mine = {p for v in numpy_ops if v.op.startswith("getitem") and (p := _position(v.array, frontier.array))}
    theirs = {p for v in torch_ops if v.op.startswith("getitem") and (p := _position(v.array, twin.array))}
    if len(mine) != 1 or len(theirs) != 1 or mine == theirs:
        return ""  # each side reads one position, and another one (a side that reads both uses them otherwise)
    mine, theirs = next(iter(mine)), next(iter(theirs))
    if mine[0] != theirs[0]:
        return ""
    axis, size = mine[0], frontier.array.shape[mine[0]]
    where = lambda k: f"{k}{' (the last)' if k == size - 1 else ' (the first)' if k == 0 else ''}"  # noqa: E731
    return (f"Both sides take one position of it along axis {axis} (of {size}): the NumPy program position "
            f"{where(mine[1])}, the port position {where(theirs[1])}: another position read (a summary slot put at one "
            "end and read at the other, an index off by one).")


def _position(taken: np.ndarray, source: np.ndarray) -> tuple[int, int] | None:
    """(axis, index) where `taken` is `source` at one index of one axis, the only one that gives it."""
    found = [(axis, k) for axis in range(source.ndim) if np.delete(np.array(source.shape), axis).tolist() == list(taken.shape)
             for k in range(source.shape[axis]) if np.array_equal(np.take(source, k, axis=axis), taken)]
    return found[0] if len(found) == 1 else None


# the constants a function's written-out form takes: a NumPy program writes the function as its formula
FORMULAS = {("gelu", "tanh"): {"√(2/π)": np.sqrt(2 / np.pi), "0.044715": 0.044715}}
NAMED = {"√(π/2)": np.sqrt(np.pi / 2), "√(2π)": np.sqrt(2 * np.pi), "1/√(2π)": 1 / np.sqrt(2 * np.pi), "√2": np.sqrt(2),
         "1/√2": 1 / np.sqrt(2), "2/π": 2 / np.pi, "π/2": np.pi / 2, "√π": np.sqrt(np.pi), "√(2/π)": np.sqrt(2 / np.pi)}
PLAIN = (0.5, 1.0, 2.0, 3.0, -1.0, -0.5)


def formula_constant(departing: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """The port calls a function whose formula the NumPy program writes out (the tanh GELU); one of the formula's
    constants is missing from the NumPy program's numbers and another stands in its place: that constant, said. The
    numbers are those of the ops made from the value both agree on, elementwise, until a product changes the shape."""
    for op in torch_ops[:3]:
        form = next((f for (name, kind), f in FORMULAS.items() if _name(op) == name and kind in op.detail), None)
        if form is None:
            continue
        made, written = {frontier.index}, []
        for v in departing[:40]:
            if v.array.shape == frontier.array.shape and any(i in made for i in v.inputs if isinstance(i, int)):
                made.add(v.index)
                written += [n for n in v.inputs if isinstance(n, float)]
        numbers = {round(float(n), 12) for n in written}
        missing = [w for w, c in form.items() if not any(np.isclose(n, c, rtol=1e-6) for n in numbers)]
        extra = [n for n in numbers if not any(np.isclose(n, c, rtol=1e-6) for c in (*form.values(), *PLAIN))]
        if len(missing) == 1 and len(extra) == 1:
            named = next((f" = {w}" for w, c in NAMED.items() if np.isclose(extra[0], c, rtol=1e-6)), "")
            return (f"The port's {op.op} ({op.detail}) takes {missing[0]} = {form[missing[0]]:.6g} in its formula; the "
                    f"NumPy program's written-out form takes {extra[0]:.6g}{named} in its place, its other constants "
                    "the formula's: that constant written otherwise.")
    return ""


def read_on_one_side(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, traces: tuple[Trace, Trace]) -> str:
    """A value of the data both agree on that one program goes on with and the other never reads (no value of the
    same numbers read elsewhere either): a term, mask or factor made from it on one side only (a mask's complement
    left out of a target, a weight column never applied)."""
    for mine, theirs, who, other, trace, held in ((numpy_ops, torch_ops, "The NumPy program", "the port", traces[1], twin),
                                                  (torch_ops, numpy_ops, "The port", "the NumPy program", traces[0], frontier)):
        if not mine or theirs or any(v.index != held.index and v.array.shape == held.array.shape and agrees(v.array, held.array, 0.0)
                                     and any(trace.values[u].op != "grad" for u in v.users) for v in trace.values):
            continue
        return (f"{who} goes on with that value ({mine[0].op}) and {other} never reads it, nor any copy of it: a term, a "
                "mask or a factor made from it on one side only (a mask's complement 1 − m, a weight, a second input left "
                "out of the other program, or read on this side where it is not meant).")
    return ""
