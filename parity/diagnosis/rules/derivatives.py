"""Derivatives by measurement: the elementwise derivative a NumPy side applied in a hidden layer, recovered from its gradient.

A hidden layer's gradient is a_(l-1)ᵀ (back ⊙ φ(z)), with back = delta_(l+1) W_(l+1)ᵀ known
where the layer above agrees. φ is fitted as a piecewise-linear function of z (knots at
z's quantiles), a linear least-squares problem in its values at the knots. Where the fit
holds, the bug is in the derivative, whatever it is: the finding gives the measured φ
beside the right derivative at a few points, and names it when it matches a function from
the table below, applied exactly. Where no φ(z) fits (a derivative that depends on more than z), it says
nothing. The exact table of usual mistakes (OTHER_DERIVATIVES) is tried first, in backward.py.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.evidence import Evidence, relative_gap
from parity.diagnosis.finding import Finding

# Derivatives people write in place of the right one, as functions of the activation a and the pre-activation z:
# each is tried, by measurement, on a hidden layer whose gradient departs (whichever activation the run names).
OTHER_DERIVATIVES = (
    ("1 - a: tanh's derivative with the square missing", lambda a, z: 1 - a),
    ("a (1 - a): the sigmoid's derivative, where the layer is tanh", lambda a, z: a * (1 - a)),
    ("1 - a²: tanh's derivative, where the layer is a sigmoid", lambda a, z: 1 - a * a),
    ("[a >= 0]: ReLU's derivative taken of the activation, which is never negative, so always 1", lambda a, z: (a >= 0).astype(a.dtype)),
    ("[a > 0] computed as a (the activation itself, not its step)", lambda a, z: a),
    ("1: the activation's derivative left out", lambda a, z: np.ones_like(a)),
    ("1 - tanh(z): tanh's derivative from z, square missing", lambda a, z: 1 - np.tanh(z)),
    ("[z > 0] of a sigmoid or tanh layer: ReLU's derivative", lambda a, z: (z > 0).astype(a.dtype)),
)

# functions of z a measured derivative is compared with, to name it
NAMED = {
    "sech(z) = 1/cosh(z): tanh's derivative 1/cosh²(z) with the square missing": lambda z: 1 / np.cosh(z),
    "1/cosh²(z) = 1 - tanh²(z), tanh's derivative": lambda z: 1 / np.cosh(z) ** 2,
    "σ(z)(1 - σ(z)), the sigmoid's derivative": lambda z: np.exp(-np.logaddexp(0, -z) - np.logaddexp(0, z)),
    "σ(z), the sigmoid itself (its derivative's other factor left out)": lambda z: 1 / (1 + np.exp(-z)),
    "tanh(z), the activation itself": np.tanh,
    "1 - tanh(z)": lambda z: 1 - np.tanh(z),
    "a constant 1 (no derivative)": np.ones_like,
}
KNOTS, MIN_KNOTS = 12, 6
FIT = 2e-2  # a piecewise-linear φ reproduces a smooth derivative's gradient to about this
SAME = 5e-2  # a measured φ within this of the right derivative at the knots is no evidence against it


def measured_derivative(e: Evidence) -> Finding | None:
    layer = next((l for l in range(e.layers - 1, 0, -1) if e.failed(f"W{l}.grad") and not e.failed(f"W{l + 1}.grad")), None)
    if layer is None or e.hidden_activation not in ("sigmoid", "tanh"):
        return None
    A = e.inputs[layer - 1]
    z = A @ e.before[f"W{layer}"] + e.before.get(f"b{layer}", 0)
    back = e.deltas[layer + 1] @ e.before[f"W{layer + 1}"].T
    if (unbiased := _without_bias(e, layer, A, z, back)) is not None:
        return unbiased
    equations = A.shape[1] * z.shape[1] + (z.shape[1] if f"b{layer}.grad" in e.comparisons else 0)
    count = min(KNOTS, equations // 2)  # twice as many equations as unknowns, or no verdict
    if count < MIN_KNOTS:
        return None
    knots = np.unique(np.quantile(z, np.linspace(0, 1, count)))
    target = [e.numpy(f"W{layer}.grad").ravel()] + ([e.numpy(f"b{layer}.grad").ravel()] if f"b{layer}.grad" in e.comparisons else [])
    columns = []
    for k in range(len(knots)):
        phi = _hat(z, knots, k)
        columns.append(np.concatenate([(A.T @ (back * phi)).ravel()] + ([(back * phi).sum(axis=0)] if len(target) > 1 else [])))
    M, b = np.stack(columns, axis=1), np.concatenate(target)
    values, *_ = np.linalg.lstsq(M, b, rcond=None)
    if relative_gap(M @ values, b) > FIT:
        return None  # no derivative of z alone reproduces the gradient: something else differs
    right = numpy_net.ACTIVATIONS[e.hidden_activation].derivative(numpy_net.ACTIVATIONS[e.hidden_activation].function(knots))
    inner = slice(1, -1)  # the end knots carry the least data
    if relative_gap(values[inner], right[inner]) <= SAME:
        return None
    # named only where the named function, applied exactly, reproduces the gradient to the run's precision
    named = next((words for words, f in NAMED.items() if e.explains(A.T @ (back * f(z)), f"W{layer}.grad")), None)
    points = ", ".join(f"φ({k:.2g}) = {v:.3g} (right {r:.3g})" for k, v, r in list(zip(knots, values, right))[1:-1:3])
    what = f"{named}, not the {e.hidden_activation}'s derivative" if named else f"another function of z than the {e.hidden_activation}'s derivative"
    return Finding(
        "activation-derivative",
        f"The {e.hidden_activation} derivative in hidden layer {layer}, measured from its gradient (the layer above agrees), "
        f"is {what}: {points}.",
        {"tensor": f"W{layer}.grad", "knots": knots.tolist(), "measured": values.tolist(), "right": right.tolist()},
        f"Use the {e.hidden_activation}'s derivative, {'a (1 - a)' if e.hidden_activation == 'sigmoid' else '1 - a²'} with a the layer's activation.",
        0.9 if named else 0.75,
    )


def _hat(z: np.ndarray, knots: np.ndarray, k: int) -> np.ndarray:
    """The k-th piecewise-linear basis function over the knots: 1 at knot k, 0 at the others."""
    unit = np.zeros(len(knots))
    unit[k] = 1.0
    return np.interp(z, knots, unit)


def _without_bias(e: Evidence, layer: int, A: np.ndarray, z: np.ndarray, back: np.ndarray) -> Finding | None:
    """The right derivative, evaluated at the pre-activation cached before the bias was added (z - b)."""
    bias = e.before.get(f"b{layer}")
    if bias is None or not np.any(bias):
        return None
    activation = numpy_net.ACTIVATIONS[e.hidden_activation]
    derivative = activation.derivative(activation.function(z - bias))
    if not e.explains(A.T @ (back * derivative), f"W{layer}.grad"):
        return None
    return Finding(
        "activation-derivative",
        f"The {e.hidden_activation} derivative in hidden layer {layer} is evaluated at z - b, the pre-activation without its "
        f"bias (the product X @ W{layer} cached before the bias was added), not at the layer's own z = X @ W{layer} + b{layer}.",
        {"tensor": f"W{layer}.grad", "evaluated_at": "z - b"},
        f"Cache z{layer} after adding the bias, and take the derivative there (or of the activation a{layer} itself).", 0.9)
