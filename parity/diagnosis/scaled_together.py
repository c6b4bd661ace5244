"""A NumPy program's gradients, every one of them, one factor k ≠ 1 times back-propagation's own, where the port's
are the loss's derivative: the gradients scaled together on the NumPy side (a clipping by their global norm, a loss
scale), not a backward pass wrong at one parameter. Central differences alone would blame the NumPy backward.

    g_numpy = k · g_raw     for every parameter, one k
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding

FITS = 1e-4  # relative: the factor fits every gradient entry to rounding


def scaled_together(setup: Any, built: Any, context: Any, step: int, oracle: dict) -> Finding | None:
    raw = raw_gradients(setup, built, step)
    names = [p.name for p in built.pairs if f"{p.name}.grad" in context.numpy_record and p.name in raw]
    if len(names) < 2:
        return None  # one gradient is one factor from any other: no sign of a shared scale
    mine = np.concatenate([np.ravel(np.asarray(context.numpy_record[f"{n}.grad"], np.float64)) for n in names])
    fit = fit_ratio(mine, np.concatenate([np.ravel(np.asarray(raw[n], np.float64)) for n in names]))
    if fit is None or fit[1] > FITS or abs(fit[0] - 1) <= 1e-3:
        return None
    return Finding("gradient-clipping", f"At step {step} the NumPy program's gradients are back-propagation's own times one "
                   f"factor, {fit[0]:.4g}, for every parameter, and the port's are the derivative of the loss (finite "
                   f"differences: {oracle['torch_error']:.3g}): the NumPy program scales its gradients together (a clipping "
                   "by their global norm, a loss scale) where the port does not, or clips them otherwise.",
                   {"step": step, "stage": "backward", "factor": fit[0]}, "Clip alike on both sides.", 0.75)
