"""The derivative of one of the port's elementwise ops at its input, computed from the traced values, and a factor
the NumPy program applies read against it: the chain rule's step through that op written otherwise (z where 2z
belongs, exp(z) where softplus's sigmoid(z) belongs).

    g_U = g_V · f'(U)        for V = f(U): what the port's chain takes from V back to U
"""

from __future__ import annotations

import re

import numpy as np
import torch

from parity.diagnosis.derivative_forms import DERIVATIVES, FLIPPED, FUNCTIONS, SELU_SCALE, WITH_NUMBER
from parity.diagnosis.ratios import constant_ratio, ratio_meaning
from parity.diagnosis.value_trace import Trace, Value, describe


def local_derivative(gradient: Value, trace: Trace, held: np.ndarray | None = None) -> tuple[str, str, np.ndarray] | None:
    """For the port's gradient at V = f(U), f a unary elementwise op: (f's name, its derivative in words, f'(U)). U
    may be an array the port holds (a parameter, `held`), which its trace does not record."""
    found = _local(gradient, trace, held)
    return found and found[:3]


def flipped_derivative(gradient: Value, trace: Trace) -> np.ndarray | None:
    """f'(-U) for the port's gradient at V = f(U), where f' is not even (softplus, exp, relu, silu)."""
    found = _local(gradient, trace, None)
    if found is None or found[0] not in FLIPPED:
        return None
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        flipped = FLIPPED[found[0]](found[3], found[4])
    return flipped if np.isfinite(flipped).all() else None


def _local(gradient: Value, trace: Trace, held: np.ndarray | None) -> tuple | None:
    """(f's name, its derivative in words, f'(U), U, f(U))."""
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
    if op in ("elu", "leaky_relu") and not numbers:  # torch's defaults where the call leaves them out
        key, default = ("alpha", 1.0) if op == "elu" else ("negative_slope", 0.01)
        numbers = [float(m.group(1)) if (m := re.search(key + r"=([-\d.e]+)", made.detail)) else default]
    op = "gelu(approximate='tanh')" if op == "gelu" and "tanh" in made.detail else op  # gelu(approximate='tanh'): another function
    if op == "prelu" and (slope := _learned_slope(made, trace, u)) is not None:
        return op, "1 where z > 0, else its learned slope a", np.where(u > 0, 1.0, slope), u, made.array
    if op not in DERIVATIVES or len(numbers) > 1 or (op in WITH_NUMBER) != (len(numbers) == 1):
        return None
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
    return op, words, derivative, u, made.array


def _learned_slope(made: Value, trace: Trace, u: np.ndarray) -> np.ndarray | None:
    """A PReLU's slope as the port's call took it (one number, or one per channel along axis 1), shaped to broadcast."""
    func_args = trace.called.get(made.index)
    weight = (func_args[1][1] if len(func_args[1]) > 1 else func_args[2].get("weight")) if func_args else None
    if not torch.is_tensor(weight):
        return None
    a = weight.detach().double().cpu().numpy().ravel()
    if a.size == 1:
        return np.full(u.shape, float(a[0]))
    if u.ndim < 2 or u.shape[1] != a.size:
        return None
    return np.broadcast_to(a.reshape((1, a.size) + (1,) * (u.ndim - 2)), u.shape)


def factor_against(factor: np.ndarray, gradient: Value, trace: Trace, factor_name: str, rows: int,
                   where: np.ndarray | None = None) -> str:
    """A factor the NumPy program multiplies the port's gradient at V by, read against f'(U): a constant times it
    (the 2 of 2z dropped), or another function in its place (exp where σ belongs). "" where V is no such op. `where`:
    the entries read (a factor recovered by a division, where the gradient is not 0)."""
    local = _local(gradient, trace, None)  # (f, its derivative in words, f'(U), U, f(U)): the last two for the slips
    if local is None or np.shape(factor) != local[2].shape:
        return ""
    op, words, derivative = local[:3]
    where = np.ones(derivative.shape, bool) if where is None else where
    ratio = constant_ratio(factor[where], derivative[where])
    if ratio is not None and abs(ratio - 1) <= 1e-6:
        return ""
    if ratio is not None:
        meaning = ratio_meaning(ratio, rows)
        slip = "with its sign flipped" if abs(ratio + 1) <= 1e-6 else "with a wrong constant (2z written z, a power's exponent dropped)"
        return (f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program's factor is "
                f"{ratio:.6g} times that{f' ({meaning[1]})' if meaning else ''}: {op}'s derivative written {slip}.")
    flipped = flipped_derivative(gradient, trace)
    if flipped is not None and np.allclose(factor[where], flipped[where], rtol=1e-4, atol=1e-7 * float(np.abs(flipped).max())):
        return (f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program's factor is "
                f"that derivative at -z: {op}'s derivative taken with its argument's sign flipped.")
    if elsewhere := _taken_elsewhere(factor, where, local) or _one_branch(factor, where, local):
        return f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program's factor is {elsewhere}"
    return (f" Through the port's {op} the chain rule takes its derivative, {words}; the NumPy program multiplies by "
            f"{factor_name} in its place: {op}'s derivative written as another function.")


TERM_LEFT_OUT = {  # a derivative written in terms of the activation a with one factor of it dropped
    "tanh": ((lambda a: 1 - a, "1 - a where 1 - a² belongs: the square left out"),),
    "sigmoid": ((lambda a: a, "a where a·(1 - a) belongs: the 1 - a left out"), (lambda a: 1 - a, "1 - a where a·(1 - a) belongs: the a left out")),
}


def _taken_elsewhere(factor: np.ndarray, where: np.ndarray, local: tuple) -> str:
    """f'(z) taken at the activation a = f(z) (f' of a value already squashed), or, for a derivative written in terms
    of the activation (tanh's 1 - a², σ's a(1 - a)), that form fed the input z: the usual slips, measured."""
    if local[0] in ("leaky_relu", "prelu"):
        relu = (local[3] > 0).astype(np.float64)
        kind = "the leaky ReLU's negative slope" if local[0] == "leaky_relu" else "the PReLU's learned slope"
        return (f"the ReLU's derivative, 1 where z > 0 and 0 elsewhere: {kind} left out." if
                np.array_equal(factor[where] != 0, relu[where] != 0) and np.allclose(factor[where], relu[where]) else "")
    if local[0] not in FUNCTIONS:
        return ""
    op, _, derivative, u, v = local
    form, f = DERIVATIVES[op][0], FUNCTIONS[op]
    with np.errstate(all="ignore"):
        candidates = [(form(v, f(v), 0.0), f"that derivative taken at the activation {op}(z) where z belongs (the "
                       f"derivative of a value already passed through {op}: {op} applied twice in the chain rule)."),
                      (form(u, u, 0.0), f"that derivative's form in the activation fed the input z (the formula meant for "
                       f"a = {op}(z), given z)")]
    candidates += [(dropped(v), f"{words} ({op}'s derivative in terms of its activation a, with a factor left out).")
                   for dropped, words in TERM_LEFT_OUT.get(op, ())]
    if op == "elu":  # its negative branch written as the activation, elu(z), where elu(z) + α belongs
        candidates.append((np.where(u > 0, 1.0, v), "ELU's derivative with its negative branch written elu(z), the + α "
                           "left out (α·exp(z) = elu(z) + α)."))
    for at, said in candidates:
        if np.shape(at) == np.shape(factor) and np.isfinite(at[where]).all() and not np.allclose(at, derivative) \
                and np.allclose(factor[where], at[where], rtol=1e-4, atol=1e-7 * max(float(np.abs(at[where]).max()), 1e-30)):
            return said + ("" if said.endswith(".") else ".")
    return ""


def _one_branch(factor: np.ndarray, where: np.ndarray, local: tuple) -> str:
    """A piecewise derivative right on one side of z = 0 and one constant times it on the other: that branch written
    with a wrong constant (SELU's λ left out of its negative branch, a slope where 1 belongs)."""
    op, _, derivative, u = local[:4]
    for branch, said in ((u > 0, "z > 0"), (u <= 0, "z ≤ 0")):
        mine, rest = where & branch, where & ~branch
        if mine.sum() < 4 or rest.sum() < 4 or not np.allclose(factor[rest], derivative[rest], rtol=1e-4, atol=1e-12):
            continue
        ratio = constant_ratio(factor[mine], derivative[mine])
        if ratio is None or abs(ratio - 1) <= 1e-6:
            continue
        meaning = {1 / SELU_SCALE: f" (1/{SELU_SCALE:.5g}: SELU's scale λ left out of that branch)",
                   SELU_SCALE: f" ({SELU_SCALE:.5g}: SELU's scale λ applied twice there)"}
        known = next((m for c, m in meaning.items() if op == "selu" and abs(ratio - c) <= 1e-5 * c), "")
        return (f"that derivative where {'z ≤ 0' if said == 'z > 0' else 'z > 0'}, and {ratio:.6g} times it where {said}"
                f"{known}: the branch {said} of {op}'s derivative written with a wrong constant.")
    return ""


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
    if where.mean() < 0.5 or where.sum() < 16:  # half the entries carry a gradient (rows no path reaches hold 0: no factor to read there)
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
    if said.endswith("written as another function.") and (apart := _activation_apart(chain, frontier, twin, trace, other)):
        return f"The NumPy program's {describe(chain[-1])} is {describe(frontier)} times {ops}. {apart}"
    return f"The NumPy program's {describe(chain[-1])} is {describe(frontier)} times {ops}.{said}"


def _activation_apart(chain: list[Value], frontier: Value, twin: Value, trace: Trace, other: Trace) -> str:
    """The factor made (within three ops) from a NumPy value of the port's op and shape (its own tanh) that is not the
    port's: the derivative's form may be right, taken at activations the two forward passes compute otherwise."""
    own = other.values[twin.inputs[0]] if twin.op == "grad" and twin.inputs and isinstance(twin.inputs[0], int) else None
    if own is None:
        return ""
    near = {i for v in chain for i in v.inputs if isinstance(i, int) and i != frontier.index}
    for _ in range(2):
        near |= {i for n in list(near) for i in trace.values[n].inputs if isinstance(i, int)}
    op = own.op.removesuffix("_")
    for value in (trace.values[n] for n in sorted(near)):
        mine = value.array.T if value.array.shape != own.array.shape else value.array
        if value.op.removesuffix(" (in place)") == op and mine.shape == own.array.shape and not np.allclose(
                mine, own.array, rtol=1e-4, atol=1e-6 * max(float(np.abs(own.array).max()), 1e-30)):
            gap = float(np.abs(mine - own.array).max())
            return (f"That factor is made from the NumPy program's own {describe(value)}, which is not the port's "
                    f"{describe(own)} (they part by up to {gap:.3g}) though the gradient it multiplies agrees: the "
                    f"derivative is taken at activations the two forward passes compute otherwise (the parameters this "
                    "backward pass reads changed after its forward pass, by a step or a clamp in between on one side), "
                    f"so {op}'s derivative itself may be right.")
    return ""


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


FUSED = {"lstm_cell", "gru_cell", "rnn_tanh_cell", "rnn_relu_cell", "lstm", "gru", "rnn_tanh", "rnn_relu", "embedding_bag",
         "scaled_dot_product_attention", "multi_head_attention_forward"}  # ops whose backward holds several factors


def fused(gradient: Value, trace: Trace) -> bool:
    """Whether the gradient is at the output of an op whose own backward takes several steps the trace never sees."""
    at = trace.values[gradient.inputs[0]] if gradient.op == "grad" and gradient.inputs and isinstance(gradient.inputs[0], int) else None
    return at is not None and at.op.removesuffix("_") in FUSED
