"""How large the terms are that each summed tensor adds up: what its float rounding grows with.

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

The loss sums one nonnegative term per element, Σ|terms| = |loss|. Besides
its own sum it carries each side's rounding of the logits, Σ |δ| |Δz|, with
|Δz| from the forward pass on absolute values: each layer's dot products
round to about REDUCTION_ERRORS · eps · (|a| |W| + |b|), and carry the error
of the layer before through |W| and the activation's slope. A cross-entropy
takes the log of a sum of at least 1, log(1 + e^-|z|) or log Σ e^(z - max z),
rounded to an ulp of 1 however small the loss: torch's binary cross-entropy
with logits gives 0 for a row whose loss is under eps / 2. So each element may
be off by eps in the loss's scale, whichever way the loss is written.

It costs one more forward and backward pass, so the engine takes it only for
a summed tensor that failed the cheap rule (second_look.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import numpy_net
from numpy_net.activations import ACTIVATIONS
from numpy_net.losses import BinaryCrossEntropy, CrossEntropy
from numpy_net.network import Activations, times_transpose
from parity.config.config import RunConfig

CROSS_ENTROPIES = (BinaryCrossEntropy, CrossEntropy)

# How many rounding errors a sum carries whose roundings fall either way: in eps · √n · (its largest entry) for a
# sum over n rows (compare.reduction_allowance), in eps · Σ|a||W| for a dot product over unalike features.
REDUCTION_ERRORS = 2.0


def random_rounding(n: int, dtype: str) -> float:
    """What a sum of n terms whose roundings fall either way may carry, per unit of its terms' size."""
    return REDUCTION_ERRORS * float(np.finfo(dtype).eps) * float(np.sqrt(n))


@dataclass(frozen=True)
class SummedTerms:
    """At one step's parameters and batch: Σ|terms| of each gradient entry ({"W1.grad": array, ...}), of the loss
    (and how many terms it sums), and the loss's share of one side's rounding of the logits."""

    gradients: dict[str, np.ndarray]
    loss: float
    loss_terms: int
    loss_from_logits: float
    loss_elements: float = 0.0  # for a cross-entropy, each element's floor of rounding, eps at a time: scale · elements


def summed_terms(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, config: RunConfig,
                 with_loss: bool = True, hidden: list[np.ndarray] | None = None) -> SummedTerms:
    """with_loss=False leaves the loss's terms at 0: the logits' rounding costs another forward pass. hidden: the
    hidden layers' activations at these parameters and this batch, where the caller has them to rounding (a step
    whose forward tensors agreed): then only the output layer is computed again."""
    p = {name: np.asarray(value, dtype=np.float64) for name, value in params.items()}
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    loss = numpy_net.make_loss(config.loss, config.output_activation)
    acts = _forward(p, X, config, hidden)
    gradients = _gradient_terms(p, X, acts, _output_delta_terms(loss, acts.logits, acts.output, y), config.hidden_activation)
    if not with_loss:
        return SummedTerms(gradients, 0.0, 0, 0.0)
    logit_error = _logit_error(p, X, acts, config.hidden_activation, float(np.finfo(config.dtype).eps))
    return SummedTerms(
        gradients=gradients,
        loss=float(abs(loss.value(acts.logits, acts.output, y))),
        loss_terms=int(y.size),
        loss_from_logits=float(np.sum(np.abs(loss.delta(acts.logits, acts.output, y)) * logit_error)),
        loss_elements=loss.scale(y) * y.size if isinstance(loss, CROSS_ENTROPIES) else 0.0,
    )


def _forward(p: dict, X: np.ndarray, config: RunConfig, hidden: list[np.ndarray] | None) -> Activations:
    """The forward pass in float64; from the hidden layers given, where they fit, only the output layer. Magnitudes
    need no more than the given layers' few digits: a bound moves by their rounding, a part in 10^7 in float32."""
    L = numpy_net.layer_count(p)
    expected = [(len(X), p[f"W{layer}"].shape[1]) for layer in range(1, L)]
    if hidden is None or [np.shape(a) for a in hidden] != expected:
        return numpy_net.forward(p, X, config.hidden_activation, config.output_activation)
    layers = [np.asarray(a, dtype=np.float64) for a in hidden]
    logits = layers[-1] @ p[f"W{L}"] + p.get(f"b{L}", 0.0)
    return Activations(layers, logits, ACTIVATIONS[config.output_activation].function(logits))


def gradient_magnitudes(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, config: RunConfig) -> dict[str, np.ndarray]:
    """{"W1.grad": Σ|terms| of each entry, ...} at these parameters and this batch."""
    return summed_terms(params, X, y, config).gradients


def _gradient_terms(p: dict, X: np.ndarray, acts, delta: np.ndarray, hidden: str) -> dict[str, np.ndarray]:
    inputs = [X, *acts.layers]
    slope = ACTIVATIONS[hidden].derivative
    found = {}
    for layer in range(numpy_net.layer_count(p), 0, -1):
        found[f"W{layer}.grad"] = np.abs(inputs[layer - 1]).T @ delta
        if f"b{layer}" in p:
            found[f"b{layer}.grad"] = delta.sum(axis=0)
        if layer > 1:
            delta = times_transpose(delta, np.abs(p[f"W{layer}"])) * np.abs(slope(inputs[layer - 1]))
    return found


def _output_delta_terms(loss, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
    """|δ| at the output, with the output's own share of it: δ(o, 0) for the squared error and the binary
    cross-entropy (o - y with y = 0), δ(o, y) - δ(0, y) for the softmax's o Σy."""
    zero = np.zeros_like(y)
    delta = loss.delta(logits, output, y)
    return np.abs(delta) + np.abs(loss.delta(logits, output, zero)) + np.abs(delta - loss.delta(logits, np.zeros_like(output), y))


def _logit_error(p: dict, X: np.ndarray, acts, hidden: str, eps: float) -> np.ndarray:
    """|Δz| at the output layer, per element, that one side's float rounding may reach."""
    slope = ACTIVATIONS[hidden].derivative
    inputs = [X, *acts.layers]
    carried = None  # both sides hold the same data: the first layer's input carries no rounding
    for layer in range(1, numpy_net.layer_count(p) + 1):
        W, b = np.abs(p[f"W{layer}"]), np.abs(p.get(f"b{layer}", 0.0))
        dz = REDUCTION_ERRORS * eps * (np.abs(inputs[layer - 1]) @ W + b)
        if carried is not None:
            dz += carried @ W
        if layer == numpy_net.layer_count(p):
            return dz
        a = inputs[layer]
        carried = np.abs(slope(a)) * dz + eps * np.abs(a)
    raise AssertionError("a network has an output layer")
