"""The one place where the NumPy layout meets nn.Linear's.

numpy_net computes X @ W with W of shape (in, out); nn.Linear stores its
weight as (out, in) and computes X @ weight.T. Every crossing between the
two goes through this module; biases are the same in both.
"""

from __future__ import annotations

import numpy as np
import torch

from torch_net.model import TwoLayerSigmoid

# NumPy name -> (layer, attribute) of TwoLayerSigmoid
PARAMETERS = {"W1": ("layer1", "weight"), "b1": ("layer1", "bias"), "W2": ("layer2", "weight"), "b2": ("layer2", "bias")}


def _is_weight(name: str) -> bool:
    return name.startswith("W")


def _parameter(model: TwoLayerSigmoid, name: str) -> torch.Tensor | None:
    layer, attribute = PARAMETERS[name]
    return getattr(getattr(model, layer), attribute)


def _to_numpy(name: str, tensor: torch.Tensor) -> np.ndarray:
    """A copy, never a view: on the CPU .numpy() shares memory with the live parameter."""
    array = tensor.detach().cpu().numpy()
    return np.array(array.T if _is_weight(name) else array, order="C", copy=True)


def load_params(model: TwoLayerSigmoid, params: dict[str, np.ndarray]) -> None:
    """Copy NumPy-layout parameters into the model, in place.

    In place, so that an optimizer holding the parameters keeps its state.
    """
    with torch.no_grad():
        for name, array in params.items():
            target = _parameter(model, name)
            value = array.T if _is_weight(name) else array
            target.copy_(torch.as_tensor(np.ascontiguousarray(value)))


def params_to_numpy(model: TwoLayerSigmoid) -> dict[str, np.ndarray]:
    return {name: _to_numpy(name, p) for name in PARAMETERS if (p := _parameter(model, name)) is not None}


def grads_to_numpy(model: TwoLayerSigmoid) -> dict[str, np.ndarray]:
    return {
        name: _to_numpy(name, p.grad)
        for name in PARAMETERS
        if (p := _parameter(model, name)) is not None and p.grad is not None
    }
