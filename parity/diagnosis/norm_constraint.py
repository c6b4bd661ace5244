"""A norm constraint that holds after the step on one side only: every row (or column) of the parameter's new value
has a norm of at most c on that side, several exactly c (the ones the constraint cut back), while the other side's
new value has rows beyond c. A max-norm constraint (torch.renorm, a clip of each row's norm) applied on one side
only, or before the step where it belongs after it."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding

AT_BOUND = 1e-6  # a row's norm equals the bound within this, relative


def norm_constraint(parameter: str, numpy_after: np.ndarray, torch_after: np.ndarray, step: int) -> Finding | None:
    if np.ndim(numpy_after) != 2 or np.shape(numpy_after) != np.shape(torch_after):
        return None
    for axis, what in ((1, "row"), (0, "column")):
        norms = {side: np.linalg.norm(np.asarray(value, np.float64), axis=axis)
                 for side, value in (("numpy", numpy_after), ("torch", torch_after))}
        for held, other in (("numpy", "torch"), ("torch", "numpy")):
            bound = float(norms[held].max())
            at_bound = np.abs(norms[held] - bound) <= AT_BOUND * bound
            if at_bound.sum() >= 2 and norms[other].max() > bound * (1 + 1e-5):
                who = {"numpy": "the NumPy program's", "torch": "the port's"}
                return Finding("norm-constraint", f"After step {step}, every {what} of {who[held]} {parameter} has an L2 norm "
                               f"of at most {bound:.6g}, {int(at_bound.sum())} of them exactly that (cut back to it), where "
                               f"{who[other]} has {what}s up to {norms[other].max():.6g}: a max-norm constraint that holds "
                               f"after the step on one side only (applied on the other before optimizer.step(), where it "
                               f"belongs after it, or not at all).",
                               {"step": step, "parameter": parameter, "stage": "update", "bound": bound},
                               "Apply the norm constraint after the optimizer's step, in both programs.", 0.8)
    return None
