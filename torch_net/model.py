"""The twin network as an nn.Module: one nn.Linear per layer, torch's own activations."""

from __future__ import annotations

from typing import NamedTuple

import torch
from torch import nn

from numpy_net.spec import NetworkSpec

ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "linear": lambda z: z,
    "softmax": lambda z: torch.softmax(z, dim=1),
}


class Forward(NamedTuple):
    layers: tuple[torch.Tensor, ...]  # the hidden layers' activations
    logits: torch.Tensor
    output: torch.Tensor

    @property
    def hidden(self) -> torch.Tensor:
        return self.layers[-1]


class MLP(nn.Module):
    """a_l = f(layers[l-1](a_{l-1})) for the hidden layers, output = g(layers[-1](a_{L-1})).

    The forward pass also returns the logits, so that the cross-entropies
    can be taken from them (BCEWithLogits, cross_entropy), the numerically
    stable forms.
    """

    def __init__(self, spec: NetworkSpec, **factory) -> None:
        super().__init__()
        self.spec = spec
        sizes = spec.sizes
        self.layers = nn.ModuleList(
            nn.Linear(sizes[i], sizes[i + 1], bias=spec.bias, **factory) for i in range(len(sizes) - 1)
        )

    def forward(self, X: torch.Tensor) -> Forward:
        f, g = ACTIVATIONS[self.spec.hidden_activation], ACTIVATIONS[self.spec.output_activation]
        *inner, last = self.layers  # iterated, not sliced: a slice of a ModuleList builds a new ModuleList
        a, hidden = X, []
        for layer in inner:
            a = f(layer(a))
            hidden.append(a)
        logits = last(a)
        return Forward(tuple(hidden), logits, g(logits))
