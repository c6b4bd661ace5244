"""The two-layer sigmoid network: forward pass and backpropagation.

Layout: X is (n, inputs); W1 is (inputs, hidden), b1 (hidden,);
W2 is (hidden, outputs), b2 (outputs,). The biases are optional: a network
without them simply has no b1 and b2 entries.

    hidden = σ(X @ W1 + b1)
    logits = hidden @ W2 + b2
    output = σ(logits)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numpy_net.activations import sigmoid, sigmoid_derivative
from numpy_net.losses import Loss

Params = dict[str, np.ndarray]


@dataclass
class Activations:
    """What the forward pass computes and backpropagation needs again."""

    hidden: np.ndarray
    logits: np.ndarray
    output: np.ndarray


def has_bias(params: Params) -> bool:
    return "b1" in params


def forward(params: Params, X: np.ndarray) -> Activations:
    hidden_pre = X @ params["W1"]
    if has_bias(params):
        hidden_pre = hidden_pre + params["b1"]
    hidden = sigmoid(hidden_pre)

    logits = hidden @ params["W2"]
    if has_bias(params):
        logits = logits + params["b2"]
    return Activations(hidden=hidden, logits=logits, output=sigmoid(logits))


def backward(params: Params, X: np.ndarray, acts: Activations, y: np.ndarray, loss: Loss) -> Params:
    """The true gradients dL/dθ, by the chain rule from the output back.

    Each bias gradient sums its delta over the batch: every row of the batch
    used the same bias.
    """
    grads: Params = {}

    delta2 = loss.delta(acts.logits, acts.output, y)  # dL/dz2, (n, outputs)
    grads["W2"] = acts.hidden.T @ delta2
    if has_bias(params):
        grads["b2"] = delta2.sum(axis=0)

    delta1 = (delta2 @ params["W2"].T) * sigmoid_derivative(acts.hidden)  # dL/dz1, (n, hidden)
    grads["W1"] = X.T @ delta1
    if has_bias(params):
        grads["b1"] = delta1.sum(axis=0)
    return grads
