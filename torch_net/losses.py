"""The losses through torch.nn.functional, named as in numpy_net."""

from __future__ import annotations

from typing import Callable

import torch
import torch.nn.functional as F

LossFunction = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]

_LOSSES: dict[str, LossFunction] = {
    "sse": lambda logits, output, y: F.mse_loss(output, y, reduction="sum"),
    "half-sse": lambda logits, output, y: 0.5 * F.mse_loss(output, y, reduction="sum"),
    "mse": lambda logits, output, y: F.mse_loss(output, y, reduction="mean"),
    "half-mse": lambda logits, output, y: 0.5 * F.mse_loss(output, y, reduction="mean"),
    "bce": lambda logits, output, y: F.binary_cross_entropy_with_logits(logits, y),
    "bce-sum": lambda logits, output, y: F.binary_cross_entropy_with_logits(logits, y, reduction="sum"),
    # class-probability targets (one-hot rows): -Σ_k y_k log softmax(z)_k per row
    "ce": lambda logits, output, y: F.cross_entropy(logits, y),
    "ce-sum": lambda logits, output, y: F.cross_entropy(logits, y, reduction="sum"),
}


def loss_function(name: str) -> LossFunction:
    """loss(logits, output, y) -> scalar tensor."""
    if name not in _LOSSES:
        raise ValueError(f"unknown loss {name!r}; expected one of {', '.join(_LOSSES)}")
    return _LOSSES[name]
