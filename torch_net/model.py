"""The twin network as an nn.Module with two nn.Linear layers."""

from __future__ import annotations

from typing import NamedTuple

import torch
from torch import nn


class Forward(NamedTuple):
    hidden: torch.Tensor
    logits: torch.Tensor
    output: torch.Tensor


class TwoLayerSigmoid(nn.Module):
    """hidden = σ(layer1(X)), output = σ(layer2(hidden)).

    The forward pass also returns the logits, so that binary cross-entropy
    can be taken from them (BCEWithLogits), the numerically stable form.
    """

    def __init__(self, inputs: int, hidden: int, outputs: int, bias: bool = True, **factory) -> None:
        super().__init__()
        self.layer1 = nn.Linear(inputs, hidden, bias=bias, **factory)
        self.layer2 = nn.Linear(hidden, outputs, bias=bias, **factory)

    def forward(self, X: torch.Tensor) -> Forward:
        hidden = torch.sigmoid(self.layer1(X))
        logits = self.layer2(hidden)
        return Forward(hidden, logits, torch.sigmoid(logits))
