"""A loss's gradient at the logits, in float64: what every reading of a loss holds the measured gradient against."""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch

import torch_net


def gradient_at_logits(formula: Callable, output_activation: str, logits: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """d formula(p, z, y) / dz at these logits, p the output unit's values, in float64; None where it is not finite."""
    z = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    target = torch.tensor(y, dtype=torch.float64)
    p = torch_net.model.ACTIVATIONS[output_activation](z)
    formula(p, z, target).backward()
    grad = z.grad.numpy()
    return grad if np.all(np.isfinite(grad)) else None


def run_gradient(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """The run's loss's gradient at these logits, in float64."""
    return gradient_at_logits(lambda p, z, t: torch_net.loss_function(loss)(z, p, t), output_activation, logits, y)
