"""A per-step factor shared by every parameter, read against the gradient's global norm ‖g‖ at each step: the port's
clip_grad_norm_ calls are recorded as it steps (their total norm is the norm before clipping), or, where it never
clips, the norm of its gradients. With r_t the NumPy update over the port's:

    r·‖g‖ constant     the NumPy program clips (c/‖g‖) where the port does not
    r/‖g‖ constant     the port clips where the NumPy program does not
    r/‖g‖² constant    the NumPy program scales by ‖g‖/c where the port clips by c/‖g‖: its coefficient inverted
    r·‖g‖² constant    the port's coefficient inverted
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import numpy as np
import torch.nn.utils as nn_utils
import torch.nn.utils.clip_grad as clip_grad

from parity.diagnosis.replays import lockstep

CONSTANT = 1e-3  # relative spread of c over the steps read
SHARPER = 20  # how much closer to one constant that power's product is than its neighbours' (the law, not a drift)

READINGS = {1: "the NumPy program clips its gradients to a global norm of {c:.4g} (a factor c/‖g‖) where the port does not",
            -1: "the port clips its gradients to a global norm of {c:.4g} (clip_grad_norm_, a factor c/‖g‖) where the NumPy "
                "program does not",
            -2: "the NumPy program scales its gradients by ‖g‖/c where the port clips them by c/‖g‖ (c = {c:.4g}): its "
                "clipping coefficient is inverted (max_norm / total_norm meant)",
            2: "the port scales its gradients by ‖g‖/c where the NumPy program clips them by c/‖g‖ (c = {c:.4g}): its "
               "clipping coefficient is inverted"}


def clipping_law(setup: Any, built: Any, step: int, ratios: dict[str, list[float]]) -> str:
    """The ratios' law against the port's gradient norms at the same steps, said where one power of the norm makes
    them one constant (read on the parameter whose ratios stay finite longest: a program clipping the wrong way
    soon overflows)."""
    r = np.array(max((_finite_prefix(x) for x in ratios.values()), key=len, default=[]), dtype=np.float64)
    if len(r) < 3 or np.any(r <= 0):
        return ""
    norms, called = _norms(setup, built, step, len(r))
    norms = np.array(norms)
    if len(norms) != len(r) or np.any(norms <= 0):
        return ""
    spread = lambda p: float(np.ptp(r * norms ** p) / abs(r[0] * norms[0] ** p))  # noqa: E731
    for power, words in READINGS.items():
        c = r * norms ** power
        if spread(power) <= CONSTANT and SHARPER * spread(power) <= min(spread(power - 1), spread(power + 1)):
            # where the norm barely moves over the steps read, every slow drift of the ratio fits some power: no law
            if power == 1 and called:  # a port that clips: its clipping seen or not, and the NumPy gradients' size,
                return ""  # are read by stepping it again (clipped_again), not guessed from this law
            bound = abs(c[0]) ** (1 / abs(power)) if power > 0 else abs(c[0]) ** (-1 / abs(power))
            said = words.format(c=bound)
            return (f"The updates' ratio moves with the step ({', '.join(f'{x:.4g}' for x in r)}) as the gradient's global "
                    f"norm does ({', '.join(f'{x:.4g}' for x in norms)}): {said} (measured: the ratio times ‖g‖^{power} is "
                    f"{c[0]:.6g} at every step read).")
    return ""


def _finite_prefix(series: list[float]) -> list[float]:
    for k, x in enumerate(series):
        if not np.isfinite(x):
            return series[:k]
    return series


def _norms(setup: Any, built: Any, first: int, count: int) -> tuple[list[float], bool]:
    """The global norm of the port's gradient at each step read (before its clipping), and whether it clips."""
    clipped: list[list[float]] = []  # per step, the total norms clip_grad_norm_ returned

    def recording(_port: Any) -> Any:
        clipped.append([])
        return _recorded(clipped[-1])

    found = []
    for t, _, _, torch_side in lockstep(setup, built, first + count - 1, recording):
        if t >= first:
            gradients = torch_side.gradients() or {}
            found.append(clipped[-1][0] if clipped[-1] else float(np.sqrt(sum(float(np.sum(np.square(g))) for g in gradients.values()))))
    return found, any(clipped)


@contextmanager
def _recorded(norms: list) -> Iterator[None]:
    """clip_grad_norm_ as torch.nn.utils and torch.nn.utils.clip_grad bind it, its total norms noted."""
    original = clip_grad.clip_grad_norm_

    def recording(*args, **kwargs):
        total = original(*args, **kwargs)
        norms.append(float(total))
        return total

    nn_utils.clip_grad_norm_ = clip_grad.clip_grad_norm_ = recording
    try:
        yield
    finally:
        nn_utils.clip_grad_norm_ = clip_grad.clip_grad_norm_ = original
