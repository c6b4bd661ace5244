"""The one place where the NumPy layout meets nn.Linear's.

numpy_net computes X @ W with W of shape (in, out); nn.Linear stores its
weight as (out, in) and computes X @ weight.T. Every crossing between the
two goes through this module; biases are the same in both.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


def is_weight(name: str) -> bool:
    return name.startswith("W")


def to_numpy_layout(name: str, array: np.ndarray) -> np.ndarray:
    """A torch-layout value of parameter `name` in the NumPy layout (weights transposed), as a fresh array."""
    return np.array(array.T if is_weight(name) else array, order="C", copy=True)


def to_torch_layout(name: str, array: np.ndarray) -> np.ndarray:
    """A NumPy-layout value of parameter `name` in torch's layout, contiguous and in native byte order (torch takes no
    other: weights read from a big-endian file would be refused)."""
    array = np.asarray(array)
    return np.ascontiguousarray(array.T if is_weight(name) else array, dtype=array.dtype.newbyteorder("="))


def linear_parameters(layers: list[nn.Linear]) -> dict[str, torch.Tensor]:
    """W1, b1, W2, b2, ... of a stack of nn.Linear layers, in torch's layout."""
    found = {}
    for number, layer in enumerate(layers, 1):
        found[f"W{number}"] = layer.weight
        if layer.bias is not None:
            found[f"b{number}"] = layer.bias
    return found


def in_numpy_layout(name: str, tensor: torch.Tensor) -> torch.Tensor:
    """A torch-layout value of parameter `name` in the NumPy layout, as a fresh contiguous tensor on its own device:
    a copy, never a view, since the optimizer changes the live tensor in place at the next step."""
    value = tensor.detach()
    return (value.T if is_weight(name) else value).clone(memory_format=torch.contiguous_format)


def to_numpy(name: str, tensor: torch.Tensor) -> np.ndarray:
    """A torch-layout value of parameter `name` as a NumPy array in the NumPy layout: a copy, never a view, since on
    the CPU .numpy() shares memory with the live tensor."""
    return to_numpy_layout(name, tensor.detach().cpu().numpy())


def load_into(parameters: dict[str, torch.Tensor], params: dict[str, np.ndarray]) -> None:
    """Copy NumPy-layout parameters into torch parameters, in place.

    In place, so that an optimizer holding the parameters keeps its state.
    """
    with torch.no_grad():
        for name, array in params.items():
            target = parameters[name]
            target.copy_(torch.as_tensor(to_torch_layout(name, array)))


def load_params(model: nn.Module, params: dict[str, np.ndarray]) -> None:
    load_into(linear_parameters(model.layers), params)


def params_to_numpy(model: nn.Module) -> dict[str, np.ndarray]:
    return {name: to_numpy(name, p) for name, p in linear_parameters(model.layers).items()}


def backprop_order(model: nn.Module) -> list[tuple[str, torch.Tensor]]:
    """The parameters, output layer first: the order backpropagation computes their gradients in."""
    found = linear_parameters(model.layers)
    return [(name, found[name]) for name in sorted(found, key=lambda name: (-int(name[1:]), name[0] == "b"))]


def gradients(model: nn.Module, order: list[tuple[str, torch.Tensor]] | None = None) -> dict[str, torch.Tensor]:
    """The gradients as autograd left them (torch layout, not copied), in backprop_order (given, where a trainer keeps
    it). zero_grad(set_to_none=True) lets go of them; nothing writes into them."""
    return {name: p.grad.detach() for name, p in order or backprop_order(model) if p.grad is not None}


def grads_to_numpy(model: nn.Module) -> dict[str, np.ndarray]:
    return {name: to_numpy(name, grad) for name, grad in gradients(model).items()}
