"""An optimizer state that does not carry what it held the step before on one side: the NumPy program's state is the
port's less c times the port's own state a step earlier (which agreed), the step's new term alone.

    G_numpy = G_port - c·G_port(t-1)      c = 1: an accumulator overwritten (G = g² for G += g²); c = β: an average
                                          re-created each step
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_constants import NOT_CONSTANTS


def not_carried(name: str, numpy_record: dict, torch_record: dict, previous: dict, step: int,
                constants: dict[str, float]) -> Finding | None:
    """A state that is the port's less c times the port's own state the step before (which agreed), c the whole of it
    or the port's own averaging constant: the step's new term alone on the NumPy side, what the state carries left
    out (an accumulator overwritten). Any other c is a gradient scaled otherwise that changed little since (a clip)."""
    before = previous.get(name)
    if before is None or np.shape(before) != np.shape(numpy_record[name]):
        return None
    mine, theirs, before = (np.asarray(a, np.float64).ravel() for a in (numpy_record[name], torch_record[name], before))
    if not np.any(before) or np.allclose(mine, theirs, rtol=1e-5, atol=0):
        return None
    c = float(np.dot(theirs - mine, before) / np.dot(before, before))
    carried = [1.0, *(v for k, v in constants.items() if k not in NOT_CONSTANTS and 0 < v < 1)]  # all, or the port's β
    if not any(abs(c - k) <= 1e-3 * k for k in carried) or not np.allclose(mine, theirs - c * before, rtol=1e-4, atol=1e-6 * float(np.abs(theirs).max())):
        return None
    parameter, _, kind = name.partition(".")
    return Finding("optimizer-state", f"The NumPy program's {kind} of {parameter} at step {step} is the port's less {c:.4g} "
                   f"times the port's own {kind} the step before (which agreed): the step's new term alone, what the "
                   f"{kind} carries from step to step left out (an accumulator overwritten, G = g² where G += g² "
                   "belongs, or a running average re-created at every step).", {"step": step, "parameter": parameter, "state": kind,
                                                                                 "carried": c, "side": "numpy"},
                   f"Keep the {kind} from step to step and add each step's term to it.", 0.85)


def entries_reset(kind: str, parameter: str, mine: np.ndarray, theirs: np.ndarray, step: int) -> Finding | None:
    """One side's state is the other's with some entries set to 0 (and no other entry apart): entries one side resets
    where the other keeps them (iRprop's rule: the gradient zeroed where its sign changed; a buffer cleared where a
    mask drops the entry)."""
    for zeroed_side, kept, cleared in (("port", mine, theirs), ("NumPy program", theirs, mine)):
        reset = (cleared == 0) & (kept != 0)
        scale = max(float(np.abs(kept).max(initial=0.0)), 1e-30)
        if 0 < reset.sum() < reset.size and np.all(np.abs(cleared - kept)[~reset] <= 1e-5 * scale):
            return Finding("optimizer-state", f"The {zeroed_side}'s {kind} of {parameter} at step {step} is the other's "
                           f"with {int(reset.sum())} of its {reset.size} entries set to 0, every other entry the same: "
                           "entries one side resets where the other keeps them (iRprop's rule: the gradient zeroed "
                           "where its sign changed; a buffer cleared where a mask drops the entry).",
                           {"step": step, "parameter": parameter, "state": kind, "reset": int(reset.sum())},
                           f"Reset the same entries of the {kind} in both programs.", 0.8)
    return None
