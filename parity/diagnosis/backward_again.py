"""The port's own convolutions and linear layers, back-propagated again with their weight rearranged: where the
gradient with respect to the input, taken through the layer with its kernel flipped (or its weight transposed),
is a value of the NumPy program's backward pass, the NumPy program back-propagates through that rearranged weight
(a kernel not rotated by 180 degrees in the input gradient, W where Wᵀ belongs), or a normalisation's gain left out
of its backward (the gradient at the normalised value taken as the output's, without γ).

    numpy value = ∂⟨f(x, w'), g⟩/∂x     with g the port's gradient at f's output, w' the weight rearranged
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.called_again import signature
from parity.diagnosis.replays import delivered_gradients, replayed
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

LAYERS = {"conv1d", "conv2d", "conv3d", "linear"}
AGAIN = "back-propagated again"  # a reading measured through the port's own op: said with a fit of its own
NORMS = {"layer_norm", "group_norm", "batch_norm", "instance_norm", "rms_norm"}  # a gain (weight) optional


def backward_again(numpy_values: list[Value], torch_trace: Trace, tolerance: float) -> str:
    for index, (func, args, kwargs) in torch_trace.called.items():
        name = getattr(func, "__name__", "")
        incoming = next((v for v in torch_trace.values if v.op == "grad" and v.inputs == (index,)), None)
        if name not in LAYERS | NORMS or incoming is None:
            continue
        try:
            arguments = signature(func).bind(*args, **kwargs).arguments
        except TypeError:
            continue
        x, weight = arguments.get("input"), arguments.get("weight")
        if not (torch.is_tensor(x) and torch.is_tensor(weight)) or not x.is_floating_point():
            continue
        for (short, long, through), rearranged in _rearranged(name, weight):
            value = _input_gradient(func, arguments, rearranged, incoming.array)
            twin = next((v for v in numpy_values if value is not None and v.array.shape == value.shape
                         and np.any(value) and agrees(v.array, value, tolerance)), None)
            if twin is not None:
                return (f"The NumPy program's {describe(twin)} is the gradient with respect to the input of the port's "
                        f"{name}, {AGAIN} with its weight {short} ({long}): the NumPy backward pass takes "
                        f"the input's gradient {through}.")
    return ""


def _rearranged(name: str, weight: torch.Tensor) -> Iterator[tuple[tuple[str, str, str], torch.Tensor | None]]:
    if name in NORMS:
        yield ("left out", "its gain γ", "without the gain: the gradient that reaches the normalised value is the output's "
               "times γ"), None
        return
    if weight.dim() >= 3:
        spatial = tuple(range(2, weight.dim()))
        yield ("not rotated by 180 degrees", "the kernel as in the forward pass, where the input's gradient needs it "
               "flipped", "through a kernel not rotated by 180 degrees"), weight.flip(spatial)
    if weight.dim() == 2 and weight.shape[0] == weight.shape[1]:
        yield ("transposed", "W where Wᵀ belongs", "through a weight transposed"), weight.t()


def _input_gradient(func, arguments: dict, weight: torch.Tensor | None, incoming: np.ndarray) -> np.ndarray | None:
    x = arguments["input"].detach().double().requires_grad_(True)
    called = {**{k: (v.detach().double() if torch.is_tensor(v) else v) for k, v in arguments.items()},
              "input": x, "weight": weight if weight is None else weight.detach().double()}
    try:
        with torch.enable_grad():
            out = func(**called)
            (gradient,) = torch.autograd.grad(out, x, torch.as_tensor(incoming, dtype=torch.float64).reshape(out.shape))
    except Exception:  # noqa: BLE001 - a rearrangement the layer cannot take is no reading
        return None
    return gradient.numpy()


def raw_gradients(setup: Any, built: Any, step: int) -> dict[str, np.ndarray]:
    """The port's gradients as back-propagation delivers them in its own step again (a hook on each parameter, the
    calls of one step summed), before the step's own handling of .grad (a clip, a scale) and its update."""
    _, torch_side = replayed(setup, built, step)
    with delivered_gradients(torch_side) as delivered:
        torch_side.step(setup.rows(step))
    return delivered


def still_because(setup: Any, built: Any, step: int, parameter: str) -> str:
    """Why the port's parameter stays still, measured: it requires no gradient, no optimizer group holds it, or its
    own step again delivers it no gradient (the graph from it to the loss cut)."""
    try:
        torch_side = replayed(setup, built, step)[1]
        tensor = next(torch_side.parameter(p) for p in torch_side.pairs if p.name == parameter)
        if not tensor.requires_grad:
            return " It does not require a gradient (requires_grad=False)."
        groups = getattr(torch_side.names.get("optimizer"), "param_groups", None)
        if groups is not None and not any(tensor is q for g in groups for q in g["params"]):
            return " It is in none of the port's optimizer's parameter groups."
        delivered = raw_gradients(setup, built, step).get(parameter)
    except Exception:  # noqa: BLE001 - a port that cannot be stepped again: the stage alone is said
        return ""
    if delivered is None or not np.any(delivered):
        return (" Back-propagation delivers it no gradient in the port's own step (its .grad stays None or 0): the graph "
                "from it to the loss is cut (a .detach() or torch.no_grad() on its way to the loss), or the loss never uses it.")
    return ""
