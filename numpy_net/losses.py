"""Losses on the network's output, each with its exact gradient.

Backpropagation starts from delta = dL/dz, the gradient with respect to the
output layer's pre-activation z (the logits). For the squared errors that is
dL/doutput carried back through the output unit. For binary cross-entropy
on a sigmoid, and cross-entropy on a softmax, the unit's derivative cancels:
delta is (output - y) times the reduction's scale, which is why both are
written from the logits and never divide by a (1 - a).

Every loss is a sum over elements times a scale: the reduction. The scale
multiplies every gradient, so a port that sums where the original averages
still trains, with a learning rate n times larger.
"""

from __future__ import annotations

import numpy as np

from numpy_net.activations import backward_through


class Loss:
    """A loss: its value, delta = dL/dz at the output layer, and the scale its reduction applies."""

    name: str
    output: str  # the output unit the loss sits on

    def scale(self, y: np.ndarray) -> float:
        raise NotImplementedError

    def value(self, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def delta(self, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class SquaredError(Loss):
    """scale * Σ (output - y)²; the common conventions differ only in scale.

    sse       scale 1          the classic from-scratch loss
    half-sse  scale 1/2        the textbook loss, whose gradient is (output - y)
    mse       scale 1/(n k)    torch's default reduction: the mean over all elements
    half-mse  scale 1/(2 n k)
    """

    SCALES = {"sse": lambda size: 1.0, "half-sse": lambda size: 0.5, "mse": lambda size: 1.0 / size, "half-mse": lambda size: 0.5 / size}

    def __init__(self, name: str, output: str = "sigmoid") -> None:
        if name not in self.SCALES:
            raise ValueError(f"not a squared-error loss: {name!r}")
        self.name, self.output = name, output

    def scale(self, y):
        return self.SCALES[self.name](y.size)

    def value(self, logits, output, y):
        return np.asarray(self.scale(y) * np.sum((output - y) ** 2))

    def delta(self, logits, output, y):
        dloss_doutput = self.scale(y) * 2 * (output - y)
        return backward_through(self.output, output, dloss_doutput)


class BinaryCrossEntropy(Loss):
    """scale * Σ -y log σ(z) - (1 - y) log(1 - σ(z)), from the logits z; bce is the mean, bce-sum the sum.

    Written as max(z, 0) - z y + log(1 + e^-|z|), which never takes the log
    of 0 however saturated the output is.
    """

    output = "sigmoid"

    def __init__(self, name: str = "bce") -> None:
        self.name = name

    def scale(self, y):
        return 1.0 / y.size if self.name == "bce" else 1.0

    def value(self, logits, output, y):
        z = logits
        per_element = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        return np.asarray(np.mean(per_element) if self.name == "bce" else np.sum(per_element))

    def delta(self, logits, output, y):
        return self.scale(y) * (output - y)


class CrossEntropy(Loss):
    """scale * Σ_rows -Σ_k y_k log softmax(z)_k; ce is the mean over rows (torch's F.cross_entropy), ce-sum the sum.

    log softmax(z) = z - max(z) - log Σ e^(z - max(z)) never overflows.
    Targets may be one-hot or any probabilities, as torch accepts them.
    """

    output = "softmax"

    def __init__(self, name: str = "ce") -> None:
        self.name = name

    def scale(self, y):
        return 1.0 / len(y) if self.name == "ce" else 1.0

    def value(self, logits, output, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        per_row = -np.sum(y * log_softmax, axis=1)
        return np.asarray(np.mean(per_row) if self.name == "ce" else np.sum(per_row))

    def delta(self, logits, output, y):
        return self.scale(y) * (output * y.sum(axis=1, keepdims=True) - y)


LOSSES = ("sse", "half-sse", "mse", "half-mse", "bce", "bce-sum", "ce", "ce-sum")


def make_loss(name: str, output: str = "sigmoid") -> Loss:
    """The loss `name` on the output unit `output` (sigmoid, linear or softmax)."""
    if name in ("bce", "bce-sum"):
        return BinaryCrossEntropy(name)
    if name in ("ce", "ce-sum"):
        return CrossEntropy(name)
    if name in SquaredError.SCALES:
        return SquaredError(name, output)
    raise ValueError(f"unknown loss {name!r}; expected one of {', '.join(LOSSES)}")
