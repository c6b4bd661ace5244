"""torch's fused normalisations written out in the ops they are made of, for the trace of a port's step: inside
`layer_norm`, `group_norm`, `instance_norm` and `batch_norm` the mean, the (biased) variance, the normalised value and
the gain and shift are then values of their own, which a NumPy program that writes the normalisation by hand is met
at: a variance with Bessel's correction, a mean over other axes, a gradient through the statistics.

    y = (x - mean(x)) / sqrt(var(x) + eps) · γ + β      (var biased: divided by n)

over the last axes (layer), each group's channels and the spatial axes (group), the spatial axes (instance), or the
batch and the spatial axes (batch; in training the running statistics move as torch's do: the unbiased variance,
(1 - m)·running + m·batch). A call these do not write out (a cumulative average, momentum=None) is left to torch."""

from __future__ import annotations

from typing import Any, Callable

import torch


def _normalised(x: torch.Tensor, dims: tuple[int, ...], eps: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    dims = dims[0] if len(dims) == 1 else dims  # one axis said as one (dim=0), as a program writes it
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps), mean, var


def _affine(y: torch.Tensor, weight: Any, bias: Any, shape: tuple[int, ...]) -> torch.Tensor:
    if weight is not None:
        y = y * (weight if tuple(weight.shape) == shape else weight.reshape(shape))  # no view of its own where none is needed
    if bias is not None:
        y = y + (bias if tuple(bias.shape) == shape else bias.reshape(shape))
    return y


def _channels(x: torch.Tensor) -> tuple[int, ...]:
    return (1, x.shape[1]) + (1,) * (x.dim() - 2)


def layer_norm(input: torch.Tensor, normalized_shape: Any, weight: Any = None, bias: Any = None, eps: float = 1e-5) -> torch.Tensor:
    count = 1 if isinstance(normalized_shape, int) else len(normalized_shape)
    y, _, _ = _normalised(input, tuple(range(-count, 0)), eps)
    shape = tuple(input.shape[-count:])
    return _affine(y, weight, bias, shape)


def group_norm(input: torch.Tensor, num_groups: int, weight: Any = None, bias: Any = None, eps: float = 1e-5) -> torch.Tensor:
    grouped = input.reshape(input.shape[0], num_groups, -1)
    y, _, _ = _normalised(grouped, (-1,), eps)
    return _affine(y.reshape(input.shape), weight, bias, _channels(input))


def instance_norm(input: torch.Tensor, running_mean: Any = None, running_var: Any = None, weight: Any = None, bias: Any = None,
                  use_input_stats: bool = True, momentum: float = 0.1, eps: float = 1e-5) -> torch.Tensor | None:
    if not use_input_stats or running_mean is not None or running_var is not None:
        return None  # running statistics kept per channel: left to torch
    y, _, _ = _normalised(input, tuple(range(2, input.dim())), eps)
    return _affine(y, weight, bias, _channels(input))


def batch_norm(input: torch.Tensor, running_mean: Any, running_var: Any, weight: Any = None, bias: Any = None,
               training: bool = False, momentum: Any = 0.1, eps: float = 1e-5) -> torch.Tensor | None:
    shape = _channels(input)
    if not training:
        if running_mean is None or running_var is None:
            return None
        y = (input - running_mean.reshape(shape)) / torch.sqrt(running_var.reshape(shape) + eps)
        return _affine(y, weight, bias, shape)
    if momentum is None and running_mean is not None:
        return None  # a cumulative average counts the batches: left to torch
    dims = (0,) + tuple(range(2, input.dim()))
    y, mean, var = _normalised(input, dims, eps)
    if running_mean is not None and running_var is not None:
        _running(running_mean, running_var, mean.reshape(-1), var.reshape(-1), input.numel() // input.shape[1], momentum)
    return _affine(y, weight, bias, shape)


def _running(running_mean: torch.Tensor, running_var: torch.Tensor, mean: torch.Tensor, var: torch.Tensor, count: int,
             momentum: float) -> None:
    """The running statistics moved as torch's batch_norm moves them (the variance unbiased), computed as values of
    the trace (a NumPy program's running variance is met there) and written into the buffers untraced."""
    with torch.no_grad():
        unbiased = var * (count / max(count - 1, 1))
        moved = (running_mean * (1 - momentum) + mean * momentum, running_var * (1 - momentum) + unbiased * momentum)
    with torch._C.DisableTorchFunction():
        running_mean.copy_(moved[0])
        running_var.copy_(moved[1])


NORMS: dict[str, Callable] = {"layer_norm": layer_norm, "group_norm": group_norm, "instance_norm": instance_norm,
                              "batch_norm": batch_norm}
