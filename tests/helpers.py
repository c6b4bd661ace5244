"""Shared test helpers: finite differences and small random problems."""

from __future__ import annotations

import numpy as np

import numpy_net


def numeric_gradients(params: dict, X: np.ndarray, y: np.ndarray, loss: numpy_net.Loss, h: float = 1e-6) -> dict:
    """Central differences of the loss in float64, one parameter element at a time."""

    def loss_at(p: dict) -> float:
        acts = numpy_net.forward(p, X)
        return float(loss.value(acts.logits, acts.output, y))

    grads = {}
    for name, value in params.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            shifted = {k: v.copy() for k, v in params.items()}
            shifted[name][index] = value[index] + h
            up = loss_at(shifted)
            shifted[name][index] = value[index] - h
            grad[index] = (up - loss_at(shifted)) / (2 * h)
        grads[name] = grad
    return grads


def problem(rng: np.random.Generator, n=7, inputs=3, hidden=5, outputs=2, bias=True, dtype="float64"):
    """Random data and weights with outputs away from saturation."""
    X = rng.standard_normal((n, inputs)).astype(dtype)
    y = rng.uniform(0, 1, (n, outputs)).astype(dtype)
    params = numpy_net.init_weights(inputs, hidden, outputs, bias, dtype, seed=int(rng.integers(1 << 30)))
    return X, y, params
