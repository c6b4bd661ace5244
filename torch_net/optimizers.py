"""torch.optim set up to match each numpy_net optimizer."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import torch

from torch_net.layout import in_numpy_layout, to_numpy, to_torch_layout


def make_optimizer(
    name: str,
    params: Iterable[torch.nn.Parameter],
    lr: float,
    momentum: float = 0.9,
    dampening: float = 0.0,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
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
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    raise ValueError(f"unknown optimizer {name!r}")


# torch.optim's state keys, by the names numpy_net's optimizers give them
_STATE_KEYS = {"momentum": "momentum_buffer", "exp_avg": "exp_avg", "exp_avg_sq": "exp_avg_sq"}


def state_in_numpy_layout(optimizer: torch.optim.Optimizer, parameters: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The optimizer's per-parameter state in the NumPy layout (W1.momentum, W1.exp_avg, ...), and Adam's step_count,
    copied on the parameters' device."""
    found = {key: in_numpy_layout(name, value) for key, (name, value) in _state(optimizer, parameters).items()}
    count = _step_count(optimizer, parameters)
    moment = next((value for key, value in found.items() if key.endswith(".exp_avg")), None)
    if count is not None and moment is not None:
        found["step_count"] = torch.as_tensor(count).detach().to(device=moment.device, dtype=moment.dtype, copy=True)
    return found


def state_to_numpy(optimizer: torch.optim.Optimizer, parameters: dict[str, torch.Tensor]) -> dict:
    """state_in_numpy_layout(), as NumPy arrays."""
    found = {key: to_numpy(name, value) for key, (name, value) in _state(optimizer, parameters).items()}
    count = _step_count(optimizer, parameters)
    moments = [value for key, value in found.items() if key.endswith(".exp_avg")]
    if count is not None and moments:
        found["step_count"] = np.asarray(float(count), dtype=moments[0].dtype)
    return found


def _state(optimizer: torch.optim.Optimizer, parameters: dict[str, torch.Tensor]) -> dict[str, tuple[str, torch.Tensor]]:
    """Our name of each state tensor (W1.momentum, ...) -> (its parameter's name, the live tensor in torch's layout)."""
    found = {}
    for name, p in parameters.items():
        state = optimizer.state.get(p, {})
        for ours, theirs in _STATE_KEYS.items():
            if torch.is_tensor(state.get(theirs)):
                found[f"{name}.{ours}"] = (name, state[theirs])
    return found


def _step_count(optimizer: torch.optim.Optimizer, parameters: dict[str, torch.Tensor]):
    """Adam's step count, as torch keeps it (a tensor or a number), from the first parameter that has one."""
    return next((optimizer.state[p]["step"] for p in parameters.values() if "step" in optimizer.state.get(p, {})), None)


def load_state(optimizer: torch.optim.Optimizer, parameters: dict[str, torch.Tensor], state: dict) -> None:
    """Carry on from state_to_numpy()'s output: the NumPy-layout state written back into torch.optim's."""
    for name, p in parameters.items():
        entry = {}
        for ours, theirs in _STATE_KEYS.items():
            if f"{name}.{ours}" in state:
                entry[theirs] = torch.as_tensor(to_torch_layout(name, state[f"{name}.{ours}"]), dtype=p.dtype, device=p.device).clone()
        if "step_count" in state and "exp_avg" in entry:
            entry["step"] = torch.tensor(float(state["step_count"]), dtype=torch.float32)
        if entry:
            optimizer.state[p] = entry
