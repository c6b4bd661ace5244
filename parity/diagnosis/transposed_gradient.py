"""A square parameter's gradient written transposed on one side: da.T @ X where X.T @ da is meant. The shapes fit,
so nothing fails but the numbers: the NumPy program's update (or optimizer state) of the parameter is the port's
transposed, element for element, and not the port's as it is. The side is the one whose gradient is not the
derivative of the loss (central differences, `port_gradient.port_error`)."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import trace_tolerance
from parity.diagnosis.value_trace import agrees
from parity.diagnosis.port_gradient import port_error
from parity.tolerance.diagnosis import FD_AGREES


def transposed_finding(setup: Any, built: Any, name: str, context: Any, step: int) -> Finding | None:
    """transposed_gradient on the run's records, the side told by central differences of the NumPy step's loss."""
    def port_is_true(parameter: str) -> bool | None:
        gradient = context.torch_record.get(f"{parameter}.grad")
        if gradient is None:
            gradient = raw_gradients(setup, built, step).get(parameter)
        error = port_error(setup, built, step, parameter, np.asarray(gradient, np.float64), None) if gradient is not None else None
        return None if error is None else error <= FD_AGREES
    return transposed_gradient(name, context.numpy_record, context.torch_record, step, trace_tolerance(built), port_is_true)


def transposed_gradient(name: str, numpy_record: dict, torch_record: dict, step: int, tolerance: float,
                        port_is_true: Callable[[str], bool | None]) -> Finding | None:
    a, b = (np.asarray(r.get(name), np.float64) if r.get(name) is not None else None for r in (numpy_record, torch_record))
    if a is None or b is None or a.shape != b.shape or agrees(a, b, tolerance):
        return None
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 2 or not np.any(a - a.T) or not agrees(a, b.T, tolerance):
        return reversed_gradient(name, (a, b), step, tolerance, port_is_true)
    parameter, _, kind = name.partition(".")
    true = port_is_true(parameter)
    side = {True: "numpy", False: "torch"}.get(true)
    who = {"numpy": "the NumPy program's gradient", "torch": "the port's gradient"}.get(side, "one side's gradient")
    said = (f"The NumPy program's {kind} of {parameter} at step {step} is the port's transposed, element for element "
            f"(and not the port's as it is): {who} of the square {a.shape[0]}×{a.shape[1]} matrix {parameter} is written "
            "transposed (dz.T @ X where X.T @ dz is meant, or a weight stored (out, in) updated as (in, out)); the shapes "
            "fit, so only the numbers show it.")
    if true:
        said += " The port's gradient is the derivative of the loss (central differences): the NumPy side is the one."
    return Finding("numpy-backward" if side == "numpy" else "transposed-gradient", said,
                   {"step": step, "parameter": parameter, "stage": "backward", **({"side": side} if side else {})},
                   f"Write {parameter}'s gradient as the input's transpose times the delta (X.T @ dz).", 0.85)


def reversed_gradient(name: str, pair: tuple[np.ndarray, np.ndarray], step: int, tolerance: float,
                      port_is_true: Callable[[str], bool | None]) -> Finding | None:
    """The NumPy program's update (or state) of a parameter is the port's with one axis reversed, entry for entry: one
    side's gradient writes that axis backwards (a kernel's taps flipped, a convolution's gradient written as a
    correlation or the reverse; a sequence's steps read backwards). Elementwise optimizers keep the order."""
    a, b = pair
    axis = next((k for k in range(a.ndim) if a.shape[k] > 1 and not agrees(b, np.flip(b, k), tolerance)
                 and agrees(a, np.flip(b, k), tolerance)), None)
    if axis is None:
        return None
    parameter, _, kind = name.partition(".")
    side = {True: "numpy", False: "torch"}.get(port_is_true(parameter))
    who = {"numpy": "the NumPy program's gradient", "torch": "the port's gradient"}.get(side, "one side's gradient")
    return Finding("numpy-backward" if side == "numpy" else "transposed-gradient",
                   f"The NumPy program's {kind} of {parameter} at step {step} is the port's with its axis {axis} reversed, "
                   f"entry for entry (and not the port's as it is): {who} of {parameter} writes the entries along that axis "
                   "in the reverse order (a kernel's taps flipped: a convolution's gradient written as a correlation, or "
                   "the reverse; a sequence's steps read backwards)." + (" The port's gradient is the derivative of the "
                   "loss (central differences): the NumPy side is the one." if side == "numpy" else ""),
                   {"step": step, "parameter": parameter, "stage": "backward", **({"side": side} if side else {})},
                   f"Write {parameter}'s gradient in the order of its forward pass's taps (reverse that axis).", 0.85)
