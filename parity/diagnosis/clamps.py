"""A clamp on one side that cuts every entry: its output one number, its input a value both programs hold that
varies. A bound that bites everywhere is rarely meant (`clamp(max=1)` where `clamp(min=1)` keeps a count from 0)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, agrees, describe

CLAMPS = {"clamp", "clamp_", "clip", "clamp_min", "clamp_max", "clip_", "minimum", "maximum"}


def degenerate_clamp(numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """The first of the port's clamps whose output is one number where its input, which the NumPy program holds
    too, is not; said with the bound and the input's range."""
    for value in torch_trace.values:
        source = next((torch_trace.values[i] for i in value.inputs if isinstance(i, int)), None)
        if value.op not in CLAMPS or source is None or value.array.size < 2 or np.ptp(value.array) != 0 or \
                np.ptp(source.array) == 0 or source.array.shape != value.array.shape:
            continue
        held = any(v.array.size == source.array.size and agrees(v.array.reshape(source.array.shape), source.array, tolerance)
                   for v in numpy_trace.values)  # (n, 1) kept with keepdims against the port's (n,): the same numbers
        constant = any(v.array.size == value.array.size and np.ptp(v.array) == 0 and
                       agrees(v.array.reshape(value.array.shape), value.array, tolerance) for v in numpy_trace.values)
        if held and not constant:
            bound = float(value.array.ravel()[0])
            return (f"The port's {value.op} of {describe(source)} (from {float(source.array.min()):.4g} to "
                    f"{float(source.array.max()):.4g}, a value the NumPy program holds too) gives {bound:g} at every entry: "
                    f"its bound cuts all of it, where the NumPy program keeps the values (a max= where min= was meant, "
                    f"clamp(max={bound:g}) for clamp(min={bound:g}), or a bound on the wrong side of the values).")
    return ""
