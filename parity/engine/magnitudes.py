"""How large the terms are that each gradient entry sums: what its float rounding grows with.

A gradient entry sums one term per row of the batch, dL/dW_ij = Σ_r a_ri δ_rj.
Its rounding error grows with Σ|terms|, not with the sum: near a minimum the
gradient is small while no row's term is, and a float32 sum of 20,000 rows,
added one after another as NumPy adds down a column, loses more digits than
an allowance in proportion to |gradient| covers. The backward pass on
absolute values, in float64, bounds Σ|terms| of every entry: |A|ᵀ|δ| for a
weight, Σ_r |δ_r| for a bias, with |δ| carried back through |W| and |f'|.
At the output, δ = dL/dz is a difference (output - y) that cancels as the
network fits; each side rounds the output on its own, in every row, with a
bias a difference does not show: so |δ| there counts the output's share too.
It costs one more backward pass, so the engine takes it only for a summed
tensor that failed the cheap rule (compare.RunComparison's second look).
"""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net.activations import ACTIVATIONS
from parity.config.config import RunConfig


def gradient_magnitudes(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, config: RunConfig) -> dict[str, np.ndarray]:
    """{"W1.grad": Σ|terms| of each entry, ...} at these parameters and this batch."""
    p = {name: np.asarray(value, dtype=np.float64) for name, value in params.items()}
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    loss = numpy_net.make_loss(config.loss, config.output_activation)
    acts = numpy_net.forward(p, X, config.hidden_activation, config.output_activation)
    delta = _output_delta_terms(loss, acts.logits, acts.output, y)
    inputs = [X, *acts.layers]
    slope = ACTIVATIONS[config.hidden_activation].derivative
    found = {}
    for layer in range(numpy_net.layer_count(p), 0, -1):
        found[f"W{layer}.grad"] = np.abs(inputs[layer - 1]).T @ delta
        if f"b{layer}" in p:
            found[f"b{layer}.grad"] = delta.sum(axis=0)
        if layer > 1:
            delta = (delta @ np.abs(p[f"W{layer}"]).T) * np.abs(slope(inputs[layer - 1]))
    return found


def _output_delta_terms(loss, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
    """|δ| at the output, with the output's own share of it: δ(o, 0) for the squared error and the binary
    cross-entropy (o - y with y = 0), δ(o, y) - δ(0, y) for the softmax's o Σy."""
    zero = np.zeros_like(y)
    delta = loss.delta(logits, output, y)
    return np.abs(delta) + np.abs(loss.delta(logits, output, zero)) + np.abs(delta - loss.delta(logits, np.zeros_like(output), y))
