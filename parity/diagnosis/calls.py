"""A port's function called again on its own arguments, and the NumPy value a result equals: the primitives of the
readings that call the port's functions again (called_again.py, loss_arguments.py, backward_again.py)."""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import numpy as np
import torch

from parity.diagnosis.builtin_signatures import BUILTINS, as_function
from parity.diagnosis.value_trace import agrees, axis_orders

ONE_NUMBER = 0.02  # a one-number match is held to this share of the tolerance: float32's rounding, not chance


def signature(func: Any) -> inspect.Signature:
    """The function's signature; for torch's functions that keep none (conv2d, avg_pool2d) or only (*args, **kwargs)
    (max_pool2d), the documented one."""
    documented = BUILTINS.get(getattr(func, "__name__", ""))
    try:
        own = inspect.signature(func)
    except ValueError:
        if documented is None:
            raise
        return inspect.signature(documented)
    loose = any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in own.parameters.values())
    return inspect.signature(documented) if documented is not None and loose else own


def called_again(func: Any, arguments: dict) -> np.ndarray | None:
    """The function's result on these arguments (tensors detached and cloned: an in-place op changes no value of the
    trace), in float64; None where the function refuses them."""
    copied = {k: v.detach().clone() if torch.is_tensor(v) else v for k, v in arguments.items()}
    func = as_function(func)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the kit's own calls again: a deprecation said to the user once is enough
            result = func(**copied)
    except Exception:  # noqa: BLE001 - an alternative the function refuses is no alternative
        return None
    return result.detach().double().cpu().numpy() if torch.is_tensor(result) else None


def numpy_twin(numpy_values: list, value: np.ndarray, tolerance: float) -> Any:
    """The NumPy value equal to it, in any of the axis orders values are matched in; one number to a finer
    tolerance (a loss called again with each of a dozen arguments changed meets the other side's by chance at 1e-5)."""
    if not np.any(value):
        return None
    tolerance *= ONE_NUMBER if value.size == 1 else 1.0
    return next((v for v in numpy_values for axes in axis_orders(v.array.shape) if v.array.transpose(axes).shape == value.shape
                 and agrees(v.array.transpose(axes), value, tolerance)), None) or next(
        (v for v in numpy_values if v.array.shape != value.shape and v.array.size == value.size and 1 in (*v.array.shape, *value.shape)
         and agrees(v.array.reshape(value.shape), value, tolerance)), None)  # (n, 1) kept with keepdims against (n,)
