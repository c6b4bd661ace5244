"""Findings about the forward pass: a bias left out, a square weight used transposed.

Each recomputes the forward pass in float64 as the suspected bug would and
asks whether that reproduces the first forward tensor the NumPy side got
wrong.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding


def _reproduces(e: Evidence, params: dict[str, np.ndarray]) -> str | None:
    """The first failing forward tensor, if these parameters reproduce it; else None."""
    name = e.first_failed_forward()
    if name is None:
        return None
    return name if e.explains(e.forward_record(params)[name], name) else None


def missing_bias(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    for layer in range(1, e.layers + 1):
        bias = f"b{layer}"
        tensor = _reproduces(e, dict(e.before, **{bias: np.zeros_like(e.before[bias])}))
        if tensor:
            return Finding(
                "missing-bias",
                f"The NumPy forward pass leaves out a bias: {bias} is never added to layer {layer}, "
                "while torch's nn.Linear adds it.",
                {"tensor": tensor, "bias": bias},
                f"Add the bias in the forward pass (a @ W{layer} + {bias}), or build nn.Linear(..., bias=False) on the torch side.",
                0.97,
            )
    return None


def transposed_weight(e: Evidence) -> Finding | None:
    for layer in range(1, e.layers + 1):
        weight = f"W{layer}"
        W = e.before[weight]
        if W.shape[0] != W.shape[1] or np.allclose(W, W.T):
            continue  # only a square weight can be used transposed without an error
        tensor = _reproduces(e, dict(e.before, **{weight: W.T}))
        if tensor:
            return Finding(
                "transposed-weight",
                f"{weight} is used transposed: nn.Linear stores its weight as (out, in) and the NumPy layout is (in, out); "
                f"a square {weight} takes either without an error.",
                {"tensor": tensor, "weight": weight, "shape": list(W.shape)},
                "Transpose exactly once where the layouts meet: nn.Linear.weight = W.T, W = weight.T.",
                0.97,
            )
    return None
