"""A NumPy backward pass that carries one factor k through its values and takes it out only at the end (dz = 2(p - y)
without the mean's 1/n, the weights' gradients h.T @ dz / n): none of its values is one of the port's gradients, each
is k times one. Read against the port's gradients times k, the first value that is not says where the two part.

    g_numpy = k · g_port      for every value up to where the two part
"""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np

from parity.diagnosis.agreements import agreements
from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.ratios import constant_ratio, written_form
from parity.diagnosis.value_trace import Trace, Value

CARRIED = " (Read against the port's gradients times {:.6g}: the NumPy program carries that factor until it divides it out.)"


def agreed_up_to_factor(numpy_trace: Trace, torch_trace: Trace, tolerance: float,
                        scaled: bool = True) -> tuple[dict[int, Value], Trace, float | None]:
    """The two traces' agreements; with `scaled`, where no NumPy value is one of the port's gradients but its values
    carry one factor k, those against the port's gradients times k: (the agreements, the port's trace they read, k or
    None)."""
    agreed = agreements(numpy_trace, torch_trace, tolerance)
    if not scaled or any(map(is_gradient, agreed.values())) or (k := carried_factor(numpy_trace, torch_trace)) is None:
        return agreed, torch_trace, None
    times_k = scaled_gradients(torch_trace, k)
    return agreements(numpy_trace, times_k, tolerance), times_k, k


def carried_factor(numpy_trace: Trace, torch_trace: Trace) -> float | None:
    """The first factor k > 0 (not 1) that a NumPy value is of one of the port's gradients, where the NumPy program
    writes k or 1/k itself and it is a count of the data's (what it divides out at the end); a factor it never writes,
    or no count, is a slip, not a convention."""
    by_shape: dict[tuple, list] = {}
    for gradient in (v for v in torch_trace.values if is_gradient(v) and v.array.size >= 2 and np.any(v.array)):
        by_shape.setdefault(gradient.array.shape, []).append(gradient)
    for value in numpy_trace.values:
        for gradient in by_shape.get(value.array.shape, []):
            k = constant_ratio(value.array, gradient.array)
            if k is None or k <= 0 or abs(k - 1) <= 1e-3 or not np.allclose(value.array, k * gradient.array, rtol=1e-4,
                                                                             atol=1e-6 * k * np.abs(gradient.array).max()):
                continue
            if written_form(k, numpy_trace.values) is not None and _a_count(k, numpy_trace):
                return k
    return None


def _a_count(k: float, trace: Trace) -> bool:
    """k or 1/k a count of the data's: the rows, the entries of y, a product of X's or y's axes (what a mean divides by)."""
    n = k if k > 1 else 1 / k
    shapes = [v.array.shape for v in trace.values if v.op in ("X", "y")]
    counts = {int(np.prod(shape[a:b])) for shape in shapes for a in range(len(shape)) for b in range(a + 1, len(shape) + 1)}
    return abs(n - round(n)) <= 1e-6 * n and round(n) in counts - {1}


def scaled_gradients(trace: Trace, k: float) -> Trace:
    """The port's trace with every gradient (at its values, of its parameters) times k; its other values as they are."""
    scaled = copy.copy(trace)
    scaled.values = [replace(v, array=v.array * k) if is_gradient(v) else v for v in trace.values]
    scaled.memo = {}  # readings kept over the unscaled values say nothing of these
    return scaled
