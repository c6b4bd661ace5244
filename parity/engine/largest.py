"""The few reductions an allowance is built from, of a NumPy array or of a tensor where it lives.

Of an array each is a float. Of a tensor each is a 0-d float64 tensor on its
device, and the arithmetic of an allowance goes on there, in float64 as a
float's would: the allowance of a step compared on a GPU costs no transfer
of its own (device_measure.py). torch is imported only when a tensor comes.
"""

from __future__ import annotations

import numpy as np


def _is_array(value) -> bool:
    return isinstance(value, (np.ndarray, np.generic, float, int))


def largest(value):
    """max |value|, 0 for an empty one."""
    if _is_array(value):
        return float(np.abs(value).max(initial=0.0))
    import torch

    return value.abs().amax().double() if value.numel() else value.new_zeros((), dtype=torch.float64)


def largest_column_sum(value):
    """The largest column sum of |value| (summed in float64): how much a (rows, columns) weight gathers into one output."""
    if _is_array(value):
        return float(np.abs(value).sum(axis=0, dtype=np.float64).max(initial=0.0))
    import torch

    return value.abs().sum(dim=0, dtype=torch.float64).amax() if value.numel() else value.new_zeros((), dtype=torch.float64)


def at_least_zero(value):
    return max(0.0, value) if _is_array(value) else value.clamp(min=0.0)


def if_finite(checked, new, old):
    """new where checked is finite, old where it is not (a side that diverged is reported, not allowed for)."""
    if _is_array(checked):
        return new if np.isfinite(checked) else old
    return new.where(checked.isfinite(), old)
