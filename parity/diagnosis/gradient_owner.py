"""A NumPy update of one parameter made from the port's gradient of another: the gradient of the wrong parameter
fed to the optimizer (a scatter with another table's index, a name mixed up in a dict of gradients); or one use's term of
a parameter the port uses twice."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.loss_offsets import several_losses
from parity.diagnosis.one_use import other_use_left_out
from parity.diagnosis.value_trace import Trace, Value, agrees


def another_parameters(twin: Value, parameter: str, trace: Trace, tolerance: float,
                       moved: tuple[np.ndarray, np.ndarray | None] | None = None) -> str:
    """The NumPy program's update of one parameter made from the port's gradient of another, where the port's own
    gradient of it differs: a gradient scattered with the other's index, or a name mixed up. With `moved` (the
    NumPy program's parameter after the step and before it), that change must go against the other gradient: one
    negative multiple of it (a plain step), or its signs reversed entry by entry (an adaptive first step, lr·sign(g)).
    A trace can hold another parameter's gradient on the way to this one's update without its being this one's."""
    if not twin.op.endswith(".grad"):  # a gradient at a view of a parameter (a gain reshaped to (1, C, 1, 1)): its own
        twin = next((v for v in trace.values if v.op.endswith(".grad") and v.array.size == twin.array.size and
                     agrees(v.array.ravel(), twin.array.ravel(), tolerance)), twin)
    if moved is not None and moved[1] is not None and (np.shape(moved[1]) != moved[0].shape or
                                                        not _against(moved[0] - np.asarray(moved[1], np.float64), twin.array)):
        return ""
    other = twin.op.removesuffix(".grad")
    own = next((v for v in trace.values if v.op == f"{parameter}.grad" and v.detail == twin.detail), None)
    if not twin.op.endswith(".grad") or other == parameter or own is None or own.array.shape != twin.array.shape or \
            agrees(own.array, twin.array, tolerance):
        return ""
    return (f"The gradient it updates {parameter} with is the port's gradient of {other}, not its gradient of {parameter}, "
            f"which differs: {parameter} is stepped with another parameter's gradient (a gradient scattered with "
            f"{other}'s index, or the two names mixed up).")


def _against(step_made: np.ndarray, gradient: np.ndarray) -> bool:
    """Whether a step descends along this gradient: one negative multiple of it, or its signs reversed at every entry
    the gradient shows."""
    fit = fit_ratio(step_made, gradient)
    if fit is not None and fit[0] < 0 and fit[1] <= 1e-3:
        return True
    shown = np.abs(gradient) > 1e-6 * float(np.abs(gradient).max(initial=0.0))
    return step_made.shape == gradient.shape and bool(shown.any()) and bool(np.all(np.sign(step_made[shown]) == -np.sign(gradient[shown])))


def owned_otherwise(text: str, evidence: dict, values: tuple[Value, Value, Value], both: tuple[Trace, Trace],
                    tolerance: float, name: Any, moved: Any, port_derivative: bool = False) -> Finding | None:
    """The gradient stepped with is another parameter's (`moved` False: not on the parameter's own path), or one use's
    of a parameter the port uses twice."""
    (first, frontier, twin), parameter = values, evidence["parameter"]
    if moved is not False and twin.array.size > 1 and (another := another_parameters(twin, parameter, both[1], tolerance, moved)):
        return Finding("numpy-backward", f"{text} {another}", {**evidence, "side": "numpy"},
                       f"Compute {parameter}'s gradient from its own use (its own index, its own name).", 0.85)
    if both_uses := other_use_left_out(first, frontier, twin, *both, tolerance, parameter, name):
        if port_derivative and not several_losses(both[1]):  # the port's gradient its one loss's derivative: the NumPy side
            return Finding("numpy-backward", f"{text} {both_uses}", {**evidence, "side": "numpy"},
                           f"Sum {parameter}'s gradient over every use of it in the forward pass.", 0.85)
        return Finding("backward", f"{text} {both_uses} Which side means it the numbers do not say: or the port sends a "
                       "gradient back through a use the NumPy program holds constant (a value not detached, a second "
                       "loss's path).", evidence, f"Take {parameter}'s gradient through the same uses on both sides.", 0.75)
    return None
