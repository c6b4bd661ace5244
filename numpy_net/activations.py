"""Activation functions, each with its derivative written in terms of its own output.

A network keeps the activations a = f(z) of its forward pass, so the chain
rule needs f'(z) as a function of a: sigmoid a (1 - a), tanh 1 - a²,
relu 1 where a > 0. Feeding such a derivative the pre-activation z, or
f(a), still trains, on a different gradient: the classic porting bug.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^-z), keeping the dtype of z.

    For large negative z, e^-z overflows to Inf and σ comes out 0: the
    limit, and within the smallest normal float of the true value. The
    overflow is expected, so it does not warn. (The form that never
    overflows, e^min(z, 0) / (1 + e^-|z|), takes half as long again.)
    """
    e = np.negative(z)
    with np.errstate(over="ignore"):
        np.exp(e, out=e)                    # e^-z
    e += 1
    return np.divide(1, e, out=e)


def sigmoid_derivative(activation: np.ndarray) -> np.ndarray:
    """σ'(z), written in terms of the activation a = σ(z): a (1 - a).

    Feed it the activation, not the pre-activation z and not σ(a): both
    mistakes still train, and both are classic porting bugs.
    """
    derivative = 1 - activation
    derivative *= activation                  # a (1 - a), with one temporary
    return derivative


def tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(z)


def tanh_derivative(activation: np.ndarray) -> np.ndarray:
    """tanh'(z) = 1 - a² with a = tanh(z)."""
    return 1 - activation**2


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0)


def relu_derivative(activation: np.ndarray) -> np.ndarray:
    """1 where the unit is active, 0 elsewhere (0 at z = 0, as torch takes it)."""
    return (activation > 0).astype(activation.dtype)


def linear(z: np.ndarray) -> np.ndarray:
    return z


def linear_derivative(activation: np.ndarray) -> np.ndarray:
    return np.ones_like(activation)


def softmax(z: np.ndarray) -> np.ndarray:
    """e^z / Σ e^z along each row; shifting by the row's max keeps e^z from overflowing."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Activation(NamedTuple):
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray] | None  # of the activation; None: not elementwise (softmax)


ACTIVATIONS = {
    "sigmoid": Activation(sigmoid, sigmoid_derivative),
    "tanh": Activation(tanh, tanh_derivative),
    "relu": Activation(relu, relu_derivative),
    "linear": Activation(linear, linear_derivative),
    "softmax": Activation(softmax, None),
}


def backward_through(activation: str, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    """dL/dz from dL/da, for a = f(z): the chain rule through one activation."""
    if activation == "softmax":
        # softmax's Jacobian is diag(a) - a aᵀ, row by row
        return a * (grad_a - np.sum(grad_a * a, axis=1, keepdims=True))
    return grad_a * ACTIVATIONS[activation].derivative(a)
