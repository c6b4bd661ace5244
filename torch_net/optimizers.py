"""torch.optim set up to match each numpy_net optimizer."""

from __future__ import annotations

from typing import Iterable

import torch


def make_optimizer(
    name: str,
    params: Iterable[torch.nn.Parameter],
    lr: float,
    momentum: float = 0.9,
    dampening: float = 0.0,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
) -> torch.optim.Optimizer:
    params = list(params)
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, dampening=dampening)
    if name == "nesterov":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=True)
    if name == "ema-momentum":
        # v = βv + (1-β)g from v = 0 is SGD with dampening β, *if* the buffer
        # starts at zero: left alone, SGD seeds it with the first raw gradient.
        optimizer = torch.optim.SGD(params, lr=lr, momentum=momentum, dampening=momentum)
        for p in params:
            optimizer.state[p]["momentum_buffer"] = torch.zeros_like(p)
        return optimizer
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=eps, weight_decay=0)
    raise ValueError(f"unknown optimizer {name!r}")
