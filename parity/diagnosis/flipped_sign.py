"""An update that is the other side's negated, every other parameter's agreeing: the two gradients of that parameter
have opposite signs (under Adam or RMSprop the first update is ±lr per entry, the gradient's sign alone, so its size
stays hidden). Central differences of the loss say whose sign is the derivative's.

    Δθ_numpy = -Δθ_port,  others equal      the port's gradient the derivative   →  a sign lost on the NumPy side
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.port_gradient import port_error
from parity.tolerance.diagnosis import FD_AGREES

NEGATED = 1e-4  # how near -1 the ratio of the two updates is, entry by entry


def flipped_sign(setup: Any, built: Any, step: int, parameter: str, numpy_record: dict, torch_record: dict) -> Finding | None:
    mine, theirs = (np.asarray(r.get(f"{parameter}.update"), np.float64) for r in (numpy_record, torch_record))
    if mine.shape != theirs.shape or not np.any(theirs) or not _negated(mine, theirs):
        return None
    others = [k for k in numpy_record if k.endswith(".update") and k != f"{parameter}.update" and k in torch_record]
    if any(not np.allclose(numpy_record[k], torch_record[k], rtol=1e-5, atol=1e-8) for k in others):
        return None  # other updates part too: a shared cause (a schedule, the loss), not this parameter's gradient
    said = (f"At step {step} the update of {parameter} is the port's negated, entry by entry, while every other "
            f"parameter's agrees: the two programs' gradients of {parameter} have opposite signs")
    evidence = {"step": step, "stage": "backward", "parameter": parameter}
    gradient = raw_gradients(setup, built, step).get(parameter)
    if gradient is not None and np.shape(gradient) == mine.shape:
        port = port_error(setup, built, step, parameter, np.asarray(gradient, np.float64), None)
        negated = port_error(setup, built, step, parameter, -np.asarray(gradient, np.float64), None)
        if port is not None and port <= FD_AGREES:
            return Finding("numpy-backward", f"{said}; the port's is the derivative of the loss (central differences, "
                           f"relative error {port:.2g}): a sign lost in the NumPy program's backward pass for {parameter} "
                           "(a derivative's minus sign, d(1/x) = -dx/x², or operands swapped in a difference).",
                           {**evidence, "side": "numpy"}, f"Check the signs in the NumPy program's backward pass for {parameter}.", 0.8)
        if negated is not None and negated <= FD_AGREES:
            return Finding("port-gradient", f"{said}; the NumPy program's is the derivative of the loss (central "
                           f"differences, relative error {negated:.2g}), the port's its negation: a sign lost in the port's "
                           f"gradient of {parameter} (a custom backward, a hook, a loss term subtracted).",
                           {**evidence, "side": "torch"}, f"Check the signs on the port's path to {parameter}.", 0.8)
    return Finding("backward", f"{said}.", evidence, f"Check the signs of both programs' gradients of {parameter}.", 0.7)


def _negated(mine: np.ndarray, theirs: np.ndarray) -> bool:
    nonzero = np.abs(theirs) > 1e-12 * float(np.abs(theirs).max())
    return bool(nonzero.any() and np.all(np.abs(mine[nonzero] / theirs[nonzero] + 1) <= NEGATED)
                and np.all(np.abs(mine[~nonzero]) <= 1e-12 * float(np.abs(theirs).max())))
