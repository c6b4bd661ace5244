"""A NumPy backward value that is one of the port's gradients times an activation's derivative, or divided by one:
a chain-rule factor too many (σ'(z) applied again after a cross-entropy on logits, whose gradient p - y already holds
it) or too few (the derivative of an activation left out). The factor is measured, element by element, on the values
the NumPy program computed forward: its σ's v(1 - v), its tanh's 1 - v², or the value itself.

    N = G · f'(v)      one factor too many         N = G / f'(v)      one factor too few
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.derivative_forms import FUNCTIONS
from parity.diagnosis.local_derivatives import local_derivative
from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

FORMS: dict[str, tuple[Callable[[np.ndarray], np.ndarray], set[str]]] = {  # a factor read from an activation's value
    # v, in words, and the ops that make such a value (σ written out ends in a division): not any value the algebra
    # happens to fit (σ(softplus(z)) / σ(z) is 1 - σ(-z)², an exp's value, no tanh)
    "v(1 - v), the sigmoid's derivative": (lambda v: v * (1 - v), {"sigmoid", "expit", "divide", "true_divide", "reciprocal"}),
    "1 - v², the tanh's derivative": (lambda v: 1 - v**2, {"tanh"}),
}
MOST_VALUES = 80  # the program's forward values tried, the latest first
SPREAD = 100  # a factor's spread, in the run's tolerances, for it to be read as a function of v
NONZERO = 0.9  # the share of the gradient's entries that must be away from 0 for a factor to be read from them


def derivative_factor(value: Value, numpy_trace: Trace, torch_trace: Trace, tolerance: float,
                      name: Callable[[Value], str]) -> str:
    """The departing value against each of the port's gradients of its shape: their quotient an activation's
    derivative at one of the NumPy program's forward values (or its inverse). "" where none is."""
    mine = value.array
    gradients = [g for g in torch_trace.values if is_gradient(g) and _alike(g.array.shape, mine.shape) and _readable(g.array)]
    if not gradients or not _readable(mine):
        return ""
    forward = [v for v in numpy_trace.values[:value.index] if v.array.shape == mine.shape and not is_gradient(v)
               and np.ptp(v.array) > 0 and not _mask(v.array)][-MOST_VALUES:]
    for theirs in gradients:
        port = theirs.array.reshape(mine.shape)  # (n, T, 1) scores against (n, T): one axis of one apart
        if agrees(mine, port, tolerance) or _at_activation(theirs, torch_trace):
            continue  # the gradient at a port's σ or tanh times its derivative is the chain rule going on: no slip
        for activation in reversed(forward):
            for words, (form, ops) in FORMS.items():
                if not in_range(activation.array, words) or activation.op.removesuffix(" (in place)") not in ops and \
                        not _the_port_s(activation, words, (torch_trace, theirs), tolerance):
                    continue  # a value of another op counts where it is the port's activation (σ as 0.5·(1 + tanh(z/2)))
                factor = form(activation.array)
                if not np.all(np.isfinite(factor)) or np.ptp(factor) <= SPREAD * tolerance * float(np.abs(factor).max()):
                    continue  # a factor all but constant (v near 0.5 throughout): a constant's reading, not this one
                at = describe(activation)
                if agrees(mine, port * factor, tolerance):
                    if _distribution(activation.array) and "sigmoid" in words:
                        return (f"{describe(value)} is {name(theirs)} times v(1 - v) at the NumPy program's {at}, whose rows "
                                "sum to 1 (a softmax's values): the diagonal of the softmax's Jacobian alone, the cross terms "
                                "-v_i·v_j left out (its backward is v·(g - Σ v·g), g the gradient at its output).")
                    if made := _made_from(theirs, activation, torch_trace, tolerance):
                        return (f"{describe(value)} is {name(theirs)} times {words} at the NumPy program's {at}, where the "
                                f"port makes {describe(made)} from that activation's value: the step back through that "
                                f"{made.op} (its other operand's factor: a mask, a weight) left out before the derivative.")
                    return (f"{describe(value)} is {name(theirs)} times {words} at the NumPy program's {at}: one chain-rule "
                            "factor too many, that derivative applied where the gradient already holds it (a cross-entropy's "
                            "gradient at the logits is p - y, with no σ'(z)) or where no such op stands.")
                if agrees(mine * factor, port, tolerance):
                    said = name(theirs)
                    return (f"{said[0].upper()}{said[1:]} is {describe(value)} times {words} at the NumPy program's {at}: "
                            "one chain-rule factor too few, that activation's derivative left out of the backward pass.")
    return ""


PORT_OPS = {"v(1 - v), the sigmoid's derivative": "sigmoid", "1 - v², the tanh's derivative": "tanh"}  # the op each form is of


def _the_port_s(value: Value, words: str, port: tuple[Trace, Value], tolerance: float) -> bool:
    """Whether a NumPy value is one of the port's values of that activation (the same numbers, made by torch's op), or
    that activation of the port's value whose gradient is read (σ of the logits a loss on logits takes)."""
    trace, gradient = port
    at = trace.values[gradient.inputs[0]].array if gradient.op == "grad" and gradient.inputs and isinstance(gradient.inputs[0], int) else None
    with np.errstate(over="ignore"):
        made = None if at is None or at.size != value.array.size else FUNCTIONS[PORT_OPS[words]](at).reshape(value.array.shape)
    return made is not None and agrees(made, value.array, tolerance) or any(
        v.op.removesuffix("_") == PORT_OPS[words] and v.array.shape == value.array.shape and agrees(v.array, value.array, tolerance)
        for v in trace.values)


def first_factor(values: list[Value], numpy_trace: Trace, torch_trace: Trace, tolerance: float, name: Callable[[Value], str]) -> str:
    """derivative_factor of the first of `values` it reads: a departing value and the products it goes on to make
    (g·p, then ·(1 - p): the derivative applied over two ops)."""
    return next((said for value in values if (said := derivative_factor(value, numpy_trace, torch_trace, tolerance, name))), "")


def _made_from(gradient: Value, activation: Value, trace: Trace, tolerance: float) -> Value | None:
    """The port's value whose gradient this is, where it is made by an op of the activation's value and another
    operand (a mask multiplied in): the gradient at the activation is that one's through the op, not this one."""
    at = gradient.inputs[0] if gradient.op == "grad" and gradient.inputs and isinstance(gradient.inputs[0], int) else None
    made = trace.values[at] if at is not None else None
    if made is None or len(made.inputs) < 2:  # an untraced operand ("?") is one too
        return None
    sources = [trace.values[i] for i in made.inputs if isinstance(i, int)]
    return made if any(v.array.size == activation.array.size and agrees(v.array.reshape(activation.array.shape),
                                                                        activation.array, tolerance) for v in sources) else None


def _alike(shape: tuple[int, ...], other: tuple[int, ...]) -> bool:
    """One shape, or the same but for axes of one."""
    return shape == other or tuple(k for k in shape if k != 1) == tuple(k for k in other if k != 1)


def _distribution(v: np.ndarray) -> bool:
    """Rows of at least two entries, each summing to 1: a softmax's values, not a sigmoid's."""
    return v.ndim >= 2 and v.shape[-1] >= 2 and bool(np.allclose(v.sum(axis=-1), 1.0, rtol=0, atol=1e-6))


def in_range(v: np.ndarray, words: str) -> bool:
    """A sigmoid's values lie in (0, 1), a tanh's in (-1, 1): a division outside them is no σ written out."""
    low = 0.0 if "sigmoid" in words else -1.0
    return bool(np.all((v > low) & (v < 1.0)))


def _at_activation(gradient: Value, trace: Trace) -> bool:
    """Whether the gradient is at the output of an elementwise op of the port's with a derivative of its own (σ, tanh,
    SiLU): a factor there is the step through that op, read against its derivative elsewhere, never one too many."""
    at = gradient.inputs[0] if gradient.op == "grad" and gradient.inputs and isinstance(gradient.inputs[0], int) else None
    return at is not None and (trace.values[at].op.removesuffix("_") in ("sigmoid", "tanh", "expit") or
                               local_derivative(gradient, trace) is not None)


def _readable(array: np.ndarray) -> bool:
    """Enough entries away from 0 that a factor between two arrays says something, and not a constant."""
    return array.size >= 4 and np.mean(np.abs(array) > 1e-12 * max(float(np.abs(array).max()), 1e-300)) >= NONZERO \
        and np.ptp(array) > 0


def _mask(array: np.ndarray) -> bool:
    return bool(np.all((array == 0) | (array == 1)))


def softmax_times_its_values(factor: np.ndarray, gradient: Value, trace: Trace) -> bool:
    """A factor that is a softmax's values (rows in (0, 1) summing to 1), on the port's gradient at a softmax's output:
    the softmax's backward taken as a·g."""
    at = trace.values[gradient.inputs[0]] if gradient.op == "grad" and gradient.inputs and isinstance(gradient.inputs[0], int) else None
    return at is not None and at.op.removesuffix("_") == "softmax" and _distribution(factor) and bool(np.all((factor > 0) & (factor < 1)))
