"""Losses on the sigmoid output, each with its exact gradient.

Backpropagation starts from delta = dL/dz, the gradient with respect to the
output layer's pre-activation z (the logits). For the squared errors that is
dL/doutput times σ'(z); for binary cross-entropy the σ' cancels, which is
why it is written from the logits and never divides by a (1 - a).
"""

from __future__ import annotations

import numpy as np

from numpy_net.activations import sigmoid_derivative


class Loss:
    """A loss: its value and delta = dL/dz at the output layer."""

    name: str

    def value(self, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def delta(self, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class SquaredError(Loss):
    """scale * Σ (output - y)²; the three common conventions differ only in scale.

    sse       scale 1         the classic from-scratch loss
    half-sse  scale 1/2       the textbook loss, whose gradient is (output - y)
    mse       scale 1/(n k)   torch's default reduction: the mean over all elements
    """

    def __init__(self, name: str) -> None:
        if name not in ("sse", "half-sse", "mse"):
            raise ValueError(f"not a squared-error loss: {name!r}")
        self.name = name

    def scale(self, y: np.ndarray) -> float:
        return {"sse": 1.0, "half-sse": 0.5, "mse": 1.0 / y.size}[self.name]

    def value(self, logits, output, y):
        return np.asarray(self.scale(y) * np.sum((output - y) ** 2))

    def delta(self, logits, output, y):
        dloss_doutput = self.scale(y) * 2 * (output - y)
        return dloss_doutput * sigmoid_derivative(output)


class BinaryCrossEntropy(Loss):
    """mean(-y log σ(z) - (1 - y) log(1 - σ(z))), from the logits z.

    Written as max(z, 0) - z y + log(1 + e^-|z|), which never takes the log
    of 0 however saturated the output is.
    """

    name = "bce"

    def value(self, logits, output, y):
        z = logits
        return np.asarray(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))

    def delta(self, logits, output, y):
        return (output - y) / y.size


LOSSES = ("sse", "half-sse", "mse", "bce")


def make_loss(name: str) -> Loss:
    if name == "bce":
        return BinaryCrossEntropy()
    if name in LOSSES:
        return SquaredError(name)
    raise ValueError(f"unknown loss {name!r}; expected one of {', '.join(LOSSES)}")
