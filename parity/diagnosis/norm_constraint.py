"""A norm constraint that holds after the step on one side only: every row (or column) of the parameter's new value
has a norm of at most c on that side, several exactly c (the ones the constraint cut back), while the other side's
new value has rows beyond c. A max-norm constraint (torch.renorm, a clip of each row's norm) applied before the step
where it belongs after it; or, where each row on the other side is the same row times a factor of its own, left out
there or computed with another norm."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.clip_handling import ROUND
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
                if crossed := _across(numpy_after if other == "numpy" else torch_after, 1 - axis, bound):
                    return Finding("norm-constraint", f"After step {step}, every {what} of {who[held]} {parameter} has an L2 "
                                   f"norm of at most {bound:.6g}, {int(at_bound.sum())} of them exactly that, and every "
                                   f"{'column' if what == 'row' else 'row'} of {who[other]} {parameter} too, {crossed} of "
                                   f"them exactly that: the same max-norm constraint taken along another axis on each "
                                   f"side (renorm's dim, or the norm's axis, the other one: in torch's (out, in) layout a "
                                   f"unit's incoming weights are a row; in a NumPy (in, out) layout, a column).",
                                   {"step": step, "parameter": parameter, "stage": "update", "bound": bound},
                                   "Constrain the same axis on both sides (each unit's incoming weights).", 0.85)
                said = (f"After step {step}, every {what} of {who[held]} {parameter} has an L2 norm of at most {bound:.6g}, "
                        f"{int(at_bound.sum())} of them exactly that (cut back to it), where {who[other]} has {what}s up to "
                        f"{norms[other].max():.6g}: ")
                where = {"step": step, "parameter": parameter, "stage": "update", "bound": bound}
                sides = {"numpy": numpy_after, "torch": torch_after}
                if factors := _rescaled(sides[held], sides[other], axis):
                    return Finding("norm-constraint", said + f"{what} for {what}, {who[other]} is {who[held]} times a factor "
                                   f"of its own (from {factors[0]:.4g} to {factors[1]:.4g}): the same {what}s, rescaled "
                                   "otherwise after the step (the constraint left out on that side, or its norm computed "
                                   "otherwise there: a sum of squares where its square root belongs, another power).", where,
                                   "Rescale each row by the same norm, after the optimizer's step, in both programs.", 0.75)
                return Finding("norm-constraint", said + "a max-norm constraint that holds after the step on one side only "
                               "(applied on the other before optimizer.step(), where it belongs after it).", where,
                               "Apply the norm constraint after the optimizer's step, in both programs.", 0.8)
    return None


def _rescaled(held: np.ndarray, other: np.ndarray, axis: int) -> tuple[float, float] | None:
    """Each row (axis 1) or column of `other` a multiple of the same one of `held`, the multiples not all one: the
    least and greatest of them; None where some row points elsewhere (a step taken after the constraint)."""
    a, b = (np.asarray(v, np.float64) for v in (held, other))
    a, b = (a, b) if axis == 1 else (a.T, b.T)
    scale = np.einsum("ij,ij->i", a, b) / np.maximum(np.einsum("ij,ij->i", a, a), 1e-300)
    if not np.allclose(b, scale[:, None] * a, rtol=1e-4, atol=1e-4 * float(np.abs(b).max())) or np.ptp(scale) <= 1e-4 * np.abs(scale).max():
        return None
    return float(scale.min()), float(scale.max())


def _across(value: np.ndarray, axis: int, bound: float) -> int:
    """How many norms along the other axis sit at the bound, where none is beyond it (0 where that is no constraint)."""
    norms = np.linalg.norm(np.asarray(value, np.float64), axis=axis)
    at_bound = int((np.abs(norms - bound) <= AT_BOUND * bound).sum())
    return at_bound if at_bound >= 2 and norms.max() <= bound * (1 + AT_BOUND) else 0


def value_constraint(parameter: str, numpy_after: np.ndarray, torch_after: np.ndarray, step: int) -> Finding | None:
    """norm_constraint entry by entry: every entry of one side's new value within [-c, c], two or more exactly ±c (the
    ones a clip cut back), where the other side's has entries beyond c: the parameter clipped after the step on one
    side only (BinaryConnect's latent weights, a clamp whose result is dropped: w.clamp(-1, 1) for w.clamp_(-1, 1))."""
    values = {side: np.abs(np.asarray(value, np.float64)) for side, value in (("numpy", numpy_after), ("torch", torch_after))}
    if values["numpy"].shape != values["torch"].shape or values["numpy"].size < 2:
        return None
    for held, other in (("numpy", "torch"), ("torch", "numpy")):
        bound = float(values[held].max())
        at_bound = np.abs(values[held] - bound) <= AT_BOUND * bound
        beyond = values[other] > bound * (1 + 1e-5)
        if bound > 0 and (at_bound.sum() >= 2 or _round(bound)) and beyond.any() and np.all(at_bound[beyond]):
            who = {"numpy": "the NumPy program's", "torch": "the port's"}
            return Finding("norm-constraint", f"After step {step}, every entry of {who[held]} {parameter} lies within "
                           f"±{bound:.6g}, {int(at_bound.sum())} of them exactly at it, and {who[other]} has "
                           f"{int(beyond.sum())} entries beyond it, each one where {who[held]} sits at the bound: the "
                           f"parameter is clipped to [-{bound:.6g}, {bound:.6g}] after the step on one side only (the "
                           "other's clip left out, or its result dropped: w.clamp(-c, c) returns a new tensor, "
                           "w.clamp_(-c, c) or w.data.clamp_ writes the parameter).",
                           {"step": step, "parameter": parameter, "stage": "update", "bound": bound,
                            "side": "torch" if held == "numpy" else "numpy"},
                           "Clip the parameter in place after the optimizer's step, in both programs.", 0.85)
    return None


def _round(bound: float) -> bool:
    """A bound a program writes (1, 0.5, 3): one entry exactly at it is a clip's, not the largest entry by chance."""
    return any(abs(bound - r) <= 1e-6 * r for r in ROUND)
