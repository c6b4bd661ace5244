"""The derivative of one of the port's elementwise ops at its input, computed from the traced values, and a factor
the NumPy program applies read against it: the chain rule's step through that op written otherwise (z where 2z
belongs, exp(z) where softplus's sigmoid(z) belongs).

    g_U = g_V · f'(U)        for V = f(U): what the port's chain takes from V back to U
"""

from __future__ import annotations

import math

import numpy as np

from parity.diagnosis.ratios import constant_ratio, ratio_meaning
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.recompute import recomputed


def _sigmoid(u: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.tanh(0.5 * u))


_erf = np.vectorize(math.erf, otypes=[float])


# op -> (f'(U) from U, V and the op's one number, as the port's chain takes it; the derivative in words)
DERIVATIVES = {
    "pow": (lambda u, v, k: k * u ** (k - 1), "k·z^(k-1)"),
    "square": (lambda u, v, k: 2 * u, "2z"),
    "exp": (lambda u, v, k: v, "exp(z)"),
    "tanh": (lambda u, v, k: 1 - v**2, "1 - tanh(z)²"),
    "sigmoid": (lambda u, v, k: v * (1 - v), "σ(z)(1 - σ(z))"),
    "softplus": (lambda u, v, k: _sigmoid(u), "σ(z)"),
    "log": (lambda u, v, k: 1 / u, "1/z"),
    "sin": (lambda u, v, k: np.cos(u), "cos(z)"),
    "cos": (lambda u, v, k: -np.sin(u), "-sin(z)"),
    "sqrt": (lambda u, v, k: 0.5 / v, "1/(2√z)"),
    "silu": (lambda u, v, k: _sigmoid(u) * (1 + u * (1 - _sigmoid(u))), "σ(z)(1 + z(1 - σ(z)))"),
    "gelu": (lambda u, v, k: 0.5 * (1 + _erf(u / np.sqrt(2))) + u * np.exp(-0.5 * u**2) / np.sqrt(2 * np.pi), "Φ(z) + z·φ(z)"),
    "log1p": (lambda u, v, k: 1 / (1 + u), "1/(1 + z)"),
    "expm1": (lambda u, v, k: v + 1, "exp(z)"),
    "relu": (lambda u, v, k: (u > 0).astype(np.float64), "1 where z > 0, else 0"),
}


def local_derivative(gradient: Value, trace: Trace, held: np.ndarray | None = None) -> tuple[str, str, np.ndarray] | None:
    """For the port's gradient at V = f(U), f a unary elementwise op: (f's name, its derivative in words, f'(U)). U
    may be an array the port holds (a parameter, `held`), which its trace does not record."""
    if gradient.op != "grad" or not gradient.inputs or not isinstance(gradient.inputs[0], int):
        return None
    made = trace.values[gradient.inputs[0]]
    while True:  # past a number added (softplus(z) + floor): its derivative is 1, the gradient the same
        op = made.op.removesuffix(" (in place)").removesuffix("_")
        arrays = [i for i in made.inputs if isinstance(i, int)]
        numbers = [i for i in made.inputs if isinstance(i, float)]
        if op not in ("add", "sub", "subtract") or len(arrays) != 1 or len(numbers) != 1 or made.inputs[0] != arrays[0]:
            break
        made = trace.values[arrays[0]]
    if not arrays and made.inputs.count("?") == 1 and held is not None:
        u = np.asarray(held, np.float64)
        u = u.T if u.ndim == 2 and u.shape != made.array.shape else u  # held as the NumPy program holds it (W1 = fc1.weight.T)
    elif len(arrays) == 1:
        u = trace.values[arrays[0]].array
    else:
        return None
    if op not in DERIVATIVES or len(numbers) > 1 or (op == "pow") != (len(numbers) == 1) or "tanh" in made.detail:
        return None  # gelu(approximate='tanh') is another function than the one read here
    if u.shape != made.array.shape:
        return None
    form, words = DERIVATIVES[op]
    k = numbers[0] if numbers else 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        derivative = form(u, made.array, k)
    if not np.isfinite(derivative).all():
        return None
    if op == "pow":
        words = {2.0: "2z", 3.0: "3z²", 0.5: "1/(2√z)"}.get(k, f"{k:g}·z^{k - 1:g}")
    return op, words, derivative


def factor_against(factor: np.ndarray, gradient: Value, trace: Trace, factor_name: str, rows: int,
                   where: np.ndarray | None = None) -> str:
    """A factor the NumPy program multiplies the port's gradient at V by, read against f'(U): a constant times it
    (the 2 of 2z dropped), or another function in its place (exp where σ belongs). "" where V is no such op. `where`:
    the entries read (a factor recovered by a division, where the gradient is not 0)."""
    local = local_derivative(gradient, trace)
    if local is None or np.shape(factor) != local[2].shape:
        return ""
    op, words, derivative = local
    where = np.ones(derivative.shape, bool) if where is None else where
    ratio = constant_ratio(factor[where], derivative[where])
    if ratio is not None and abs(ratio - 1) <= 1e-6:
        return ""
    if ratio is not None:
        meaning = ratio_meaning(ratio, rows)
        slip = "with its sign flipped" if abs(ratio + 1) <= 1e-6 else "with a wrong constant (2z written z, a power's exponent dropped)"
        return (f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program's factor is "
                f"{ratio:.6g} times that{f' ({meaning[1]})' if meaning else ''}: {op}'s derivative written {slip}.")
    return (f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program multiplies by "
            f"{factor_name} in its place: {op}'s derivative written as another function.")


PRODUCTS = ("multiply", "mul", "divide", "true_divide")


def product_factor(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace) -> str:
    """The NumPy program's first departing value is the shared gradient at V = f(U) times factors (g·s·(1 - s) is
    two products): their product read against f'(U) (-sin written +sin, σ's derivative where swish's belongs). Silent
    where any run of those products is f'(U): the chain through that op is right, the departure lies further on."""
    if first.op.removesuffix(" (in place)") not in PRODUCTS[:2] or len(first.inputs) != 2 or \
            frontier.index not in first.inputs:
        return ""
    chain = [first]
    while len(chain) < 4 and (after := next((trace.values[u] for u in chain[-1].users if trace.values[u].op.removesuffix(
            " (in place)") in PRODUCTS and all(isinstance(i, int) for i in trace.values[u].inputs)
            and trace.values[u].array.shape == first.array.shape), None)) is not None:
        chain.append(after)
    where = np.broadcast_to(frontier.array != 0, first.array.shape)
    if where.mean() < 0.9:
        return ""
    with np.errstate(divide="ignore", invalid="ignore"):
        factors = [np.where(where, value.array / np.broadcast_to(frontier.array, first.array.shape), 0.0) for value in chain]
    rows = trace.values[0].array.shape[0] if trace.values and trace.values[0].array.ndim else 0
    saids = [factor_against(f, twin, other, "", rows, where) for f in factors]
    if not all(saids) or _written_over(chain, frontier, trace):
        return ""  # a run of the products is the op's derivative: the chain rule through it is right; or the factor
        # reads an activation's array after an in-place write into it, which the wrong source's reading says
    ops = " · ".join(describe(trace.values[i]) if isinstance(i, int) else "an array it holds" if i == "?" else f"{i:g}"
                     for value in chain for i in value.inputs if i != frontier.index and i not in [v.index for v in chain])
    said = factor_against(factors[-1], twin, other, f"the product of {ops}", rows, where)
    if said.endswith("written as another function.") and _derivative_elsewhere(factors[-1], twin, other, where) is not None:
        return ""  # the op's derivative at another of its values (another time step's tanh): a source, not a function
    return f"The NumPy program's {describe(chain[-1])} is {describe(frontier)} times {ops}.{said}"


def _written_over(chain: list[Value], frontier: Value, trace: Trace) -> bool:
    """A factor made (within three ops) from an activation's array after an in-place op wrote into it (h2 = h1; h2 += r)."""
    near = {i for v in chain for i in v.inputs if isinstance(i, int) and i != frontier.index}
    for _ in range(2):
        near |= {i for n in list(near) for i in trace.values[n].inputs if isinstance(i, int)}
    return any(trace.values[n].op.endswith("(in place)") and isinstance(trace.values[n].inputs[0], int)
               and trace.values[trace.values[n].inputs[0]].op in DERIVATIVES for n in near)


def derivative_elsewhere(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace) -> str:
    """The NumPy program's first departing value is the shared gradient times one factor that is the port's op's
    derivative at another of the port's values made by that op: the derivative taken at another layer's (or time
    step's) value."""
    if first.op.removesuffix(" (in place)") not in PRODUCTS[:2] or len(first.inputs) != 2 or frontier.index not in first.inputs:
        return ""
    where = np.broadcast_to(frontier.array != 0, first.array.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(where, first.array / np.broadcast_to(frontier.array, first.array.shape), 0.0)
    own = other.values[twin.inputs[0]] if twin.op == "grad" and twin.inputs and isinstance(twin.inputs[0], int) else None
    at = _derivative_elsewhere(factor, twin, other, where)
    if where.mean() < 0.3 or own is None or at is None or at.index == own.index:
        return ""
    return (f"The NumPy program's {describe(first)} is {describe(frontier)} times {own.op}'s derivative taken at the "
            f"port's {describe(at)} (value {at.index}), not at {describe(own)} (value {own.index}), whose gradient this "
            f"is: the derivative of another value made by {own.op} (another layer's or time step's, a variable mixed up).")


def _derivative_elsewhere(factor: np.ndarray, twin: Value, other: Trace, where: np.ndarray) -> Value | None:
    """The port's value made by the same op as the twin's where that op's derivative is the factor, if any."""
    local = local_derivative(twin, other)
    if local is None:
        return None
    form = DERIVATIVES[local[0]][0]
    for value in other.values:
        inputs = [i for i in value.inputs if isinstance(i, int)]
        if value.op.removesuffix("_") != local[0] or value.array.shape != factor.shape or len(inputs) != 1:
            continue
        with np.errstate(all="ignore"):
            derivative = form(other.values[inputs[0]].array, value.array, 0.0)
        if np.shape(derivative) == factor.shape and np.allclose(derivative[where], factor[where], rtol=1e-4,
                                                                                         atol=1e-5 * np.abs(factor).max()):
            return value
    return None


def step_left_out(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """The NumPy program goes on from the port's gradient at V = f(U) as if it were the gradient at U: recomputed
    with the port's gradient at U in its place, its next op gives one of the port's gradients. The chain rule's step
    through f is left out (the 1/C of C·tanh(z / C), a square's 2z)."""
    if twin.op != "grad" or not twin.inputs or not isinstance(twin.inputs[0], int):
        return ""
    gradients = port_gradients(other)
    at = {g.inputs[0]: g for g in gradients if g.op == "grad" and g.inputs and isinstance(g.inputs[0], int)}
    steps, seen = [(other.values[twin.inputs[0]], i) for i in other.values[twin.inputs[0]].inputs if isinstance(i, int)], set()
    while steps:
        made, source = steps.pop(0)
        at_input = at.get(source)
        if source in seen or at_input is None or at_input.array.size != frontier.array.size:
            continue
        seen.add(source)
        given = at_input.array.reshape(frontier.array.shape)  # (n, 1, d) where the port holds (n, d): the same numbers
        if agrees(given, frontier.array, tolerance):  # a step whose derivative is 1 (an addition): past it
            steps += [(other.values[source], i) for i in other.values[source].inputs if isinstance(i, int)]
            continue
        again = recomputed(first, frontier.index, given, trace)
        if again is None or again.size == 0 or not np.any(again):
            continue
        match = _matching(again, gradients, tolerance) or next(  # or a sum it goes into (a penalty's term added after)
            (m for user in first.users[:3] if (later := _added_to(trace.values[user], first, again)) is not None
             and (m := _matching(later, gradients, tolerance)) is not None), None)
        if match is not None and not _computed(other.values[source], trace, tolerance):
            continue  # the NumPy forward never makes that input: its forward is arranged otherwise, no step left out
        if match is not None:
            local = local_derivative(at[made.index], other) if made.index in at else None
            factor = f" (its derivative, {local[1]})" if local else _number_step(made, source)
            return (f"Recomputed with the port's gradient at {describe(other.values[source])}, the input of the port's "
                    f"{describe(made)}, in its place, the NumPy program's {first.op} gives the port's "
                    f"{gradient_words(match, other)}: the NumPy program takes the gradient at the output of that "
                    f"{made.op} for the gradient at its input, the chain rule's step through it left out{factor}.")
    return ""


def _computed(value: Value, trace: Trace, tolerance: float) -> bool:
    """The NumPy program makes that value too (any value of its trace, in any layout of that size)."""
    return value.op in ("X", "y") or any(v.array.size == value.array.size and agrees(v.array.reshape(value.array.shape),
                                                                                   value.array, tolerance) for v in trace.values)


def _added_to(total: Value, part: Value, again: np.ndarray) -> np.ndarray | None:
    """The sum a value goes into, recomputed with the value replaced: the other terms as computed (a held array's
    penalty term, λ·W, among them)."""
    if total.op.removesuffix(" (in place)") not in ("add", "subtract") or total.array.shape != part.array.shape or \
            not total.inputs or total.inputs[0] != part.index:
        return None
    return total.array - part.array + again


def held_step_left_out(frontier: Value, twin: Value, other: Trace, parameter: str, held: np.ndarray | None,
                       tolerance: float) -> str:
    """The NumPy program updates a parameter P from the port's gradient at V = f(P), where the port's gradient of P is
    that times f'(P) (measured): P updated as if it were the weight f(P) itself (W = exp(V) trained through V with
    dW), the chain rule's step through f left out."""
    own = next((v for v in other.values if v.op == f"{parameter}.grad"), None)
    local = local_derivative(twin, other, held)
    if own is None or local is None or own.array.size != frontier.array.size or agrees(own.array, twin.array, tolerance):
        return ""
    op, words, derivative = local
    if not agrees(own.array, (twin.array * derivative).reshape(own.array.shape), tolerance):
        return ""
    return (f"The NumPy program updates {parameter} from the port's gradient at {describe(other.values[twin.inputs[0]])}, "
            f"the {op} of {parameter}; the port's gradient of {parameter} is that times {op}'s derivative, {words} "
            f"(measured): {parameter} is updated as if it were the weight {op}({parameter}) itself, the chain rule's step "
            f"through {op} left out.")


def _matching(array: np.ndarray, gradients: list[Value], tolerance: float) -> Value | None:
    """The port's gradient equal to the array, its shape aside (a scalar parameter's (1,) against a sum's ())."""
    return next((g for g in gradients if g.array.size == array.size and agrees(array.reshape(g.array.shape), g.array, tolerance)), None)


def gradient_words(value: Value, trace: Trace) -> str:
    if value.op.endswith(".grad"):
        return f"gradient of {value.op.removesuffix('.grad')}"
    return f"gradient at {describe(trace.values[value.inputs[0]])}" if value.inputs and isinstance(value.inputs[0], int) else describe(value)


def _number_step(made: Value, source: int) -> str:
    """The local derivative of a product or division by one number, or of a product with a held factor, in words."""
    numbers = [i for i in made.inputs if isinstance(i, float)]
    op = made.op.removesuffix(" (in place)").removesuffix("_")
    if op in ("mul", "multiply") and len(made.inputs) == 2 and "?" in made.inputs and source in made.inputs:
        return " (its derivative, the other factor of that product, which the port holds: a learned scale, a parameter)"
    if len(numbers) != 1 or len(made.inputs) != 2:
        return ""
    if op in ("div", "divide", "true_divide") and made.inputs[1] == numbers[0]:
        return f" (its derivative, 1/{numbers[0]:g})"
    return f" (its derivative, {numbers[0]:g})" if op in ("mul", "multiply") else ""


def factor_left_out(first: Value, frontier: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """The NumPy program's next op on the shared gradient, recomputed with that gradient times one of the program's
    own forward values, gives one of the port's gradients: the product's derivative, the other factor, left out (a
    learned scale's gradient summed from the gradient alone, Σg where Σg·f belongs)."""
    gradients = port_gradients(other)
    shape = frontier.array.shape
    factors = [v for v in trace.values[:first.index] if v.array.shape == shape and v.index != frontier.index
               and np.ptp(v.array) > 0 and v.op not in ("X", "y")][-48:]
    for factor in reversed(factors):
        again = recomputed(first, frontier.index, frontier.array * factor.array, trace)
        if again is None or again.size == 0 or not np.any(again) or again.shape == first.array.shape and agrees(again, first.array, tolerance) or \
                again.shape == frontier.array.shape and agrees(again, frontier.array, tolerance):
            continue  # the gradient it took, again: two of the program's factors that cancel, not a factor left out
        match = _matching(again, gradients, tolerance)
        if match is not None:
            return (f"Recomputed with the gradient it takes times its own {describe(factor)} (value {factor.index}), the "
                    f"NumPy program's {first.op} gives the port's {gradient_words(match, other)}: a factor of a "
                    "product's derivative left out there (d(s·f)/ds is f: the gradient of a scale or gate taken without "
                    "the value it multiplies).")
    return ""
