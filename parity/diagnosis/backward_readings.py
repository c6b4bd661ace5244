"""What a departing value of the NumPy program's backward pass is, against the port's gradients: a chain-rule
factor, the gradient's numbers at other positions, equal but along some index planes, the input's gradient through
a rearranged kernel; or a write that loses values (floats into an int or bool array, a fancy index that repeats)."""

from __future__ import annotations

from typing import Any

from parity.diagnosis.backward_again import backward_again
from parity.diagnosis.delta_factor import delta_factor
from parity.diagnosis.rearranged import axes_permuted, elsewhere, partly
from parity.diagnosis.value_trace import Trace
from parity.diagnosis.written_forward import op_text


def placed(indices: list[int], numpy_trace: Trace, torch_trace: Trace, tolerance: float, name: Any) -> str:
    """The first departing value against the port's gradients: a chain-rule factor, values routed to other
    positions, or equal but along some indices."""
    values = [numpy_trace.values[i] for i in dict.fromkeys(indices)]
    return (delta_factor(numpy_trace, torch_trace, indices[:1], tolerance, name) or axes_permuted(values, torch_trace, tolerance)
            or elsewhere(values, torch_trace, tolerance)
            or partly(values, torch_trace, tolerance, gradients=True) or backward_again(values, torch_trace, tolerance))


def written_into(region: list[int], trace: Trace) -> tuple[str, str] | None:
    """A write that loses values: floats into an array of another kind, or a fancy index whose indices repeat."""
    narrowed = next((trace.values[i] for i in region if "array)" in trace.values[i].detail and "(into a" in
                     trace.values[i].detail), None)
    if narrowed is not None:
        return (f"It writes floating-point values into an array of another kind ({op_text(narrowed, trace)}): an array "
                "made like a mask or an index (np.zeros_like of a bool or int array) keeps that dtype, and every value "
                "written becomes True/1 or is truncated.", "Make the array with the values' dtype (np.zeros_like(x, dtype=float)).")
    repeated = next((trace.values[i] for i in region if "indices repeat" in trace.values[i].detail), None)
    if repeated is not None:
        return (f"It writes with a fancy index whose indices repeat ({op_text(repeated, trace)}): a[idx] += v is "
                "buffered, each repeated index keeps one write instead of the sum of all; np.add.at(a, idx, v) "
                "accumulates them.", "Scatter-add with np.add.at(a, idx, v).")
    return None
