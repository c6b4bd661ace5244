"""Only the loss parts: every gradient, state, update and parameter agrees over the whole run. Then the two programs
train alike and one of them reports a loss other than the one it descends. Which one, central differences say: the
NumPy program's reported loss, differenced at the step's shared start, against the gradient both programs share.

    ∂L_numpy/∂θ ≠ g   the NumPy program reports another loss than it trains on
    ∂L_numpy/∂θ ≈ g   the two reports differ by a term with no gradient here (a constant, a cost): which report is
                      meant, the numbers cannot tell
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.port_gradient import port_error
from parity.tolerance.diagnosis import FD_AGREES

REPORTED = ("computed from another forward pass (quantisation, dropout or a mask switched off, the weights before or after "
            "the update, other rows), or with a term in its value that its gradient does not have or the reverse (a cost "
            "or margin with no gradient, a regulariser left out of the value)")


def loss_alone_finding(setup: Any, built: Any, tensors: dict, step: int) -> Finding | None:
    others = [summary for name, summary in tensors.items() if name not in ("loss", "output")]
    if not others or any(summary.failed_steps for summary in others) or "loss" not in tensors:
        return None
    gradients = raw_gradients(setup, built, step)
    if not gradients:
        return None
    parameter = max(gradients, key=lambda name: float(np.abs(gradients[name]).max(initial=0.0)))
    error = port_error(setup, built, step, parameter, np.asarray(gradients[parameter], np.float64), None)
    if error is None:
        return None  # the reported loss one factor from the gradient's: a ratio's reading says it
    steps = tensors["loss"].compared_steps
    said = (f"Only the loss parts: every gradient, optimizer state, update and parameter agrees through all {steps} steps, "
            "so the two programs train alike")
    if FD_AGREES / 10 < error <= 2 * FD_AGREES or abs(error - 1) <= 1e-6:  # near the line, or differences of 0: a
        # stepped forward pass (a quantiser) has no derivative to hold the gradient against
        return Finding("loss-function", f"{said}. One of them reports a loss other than the one it descends, {REPORTED}; "
                       f"central differences of the NumPy program's reported loss in {parameter} (relative error {error:.3g} "
                       "against the shared gradient) do not say which.", {"step": step, "stage": "forward", "fd_error": error},
                       "Report the loss the gradients come from, in both programs: the same forward pass and terms.", 0.7)
    if error <= FD_AGREES:  # the NumPy program's report is the loss descended: the other differs by no gradient
        return Finding("loss-function", f"{said}. The gradient both share is the derivative of the loss the NumPy "
                       f"program's step reports (central differences of it in {parameter}, in float64: relative error "
                       f"{error:.3g}): the two reports differ by a term with no gradient at these parameters (a constant "
                       "such as ½·log 2π, a cost or margin the gradient does not see, a detached value), which one report "
                       "holds and the other does not.", {"step": step, "stage": "forward", "fd_error": error},
                       "Report the same terms in both programs' losses.", 0.75)
    return Finding("loss-function", f"{said}. The gradient both share is not the derivative of the loss the NumPy "
                   f"program's step reports (central differences of it in {parameter}, in float64: relative error "
                   f"{error:.3g}): the NumPy program reports a loss other than the one it descends, {REPORTED}; the port's "
                   "is the trained one.", {"step": step, "stage": "forward", "fd_error": error, "side": "numpy"},
                   "Report from the NumPy program the loss its gradients come from: the same forward pass and the same "
                   "terms.", 0.85)
