"""A step that applies its optimizer's state before this step's gradient enters it: the parameter update written above
the line that updates the velocity or first moment. The first step then moves nothing (the state starts at 0), and
every later update is the other program's rule applied with the state one step old:

    other    u_t = F_t · S_t          this side    u_t = k_t · F_t · S_(t-1)     (S: momentum_buffer, exp_avg)

so u_t / u_other_t = k_t · S_(t-1) / S_t entry by entry, with one k_t per step near 1 (a bias correction counted
otherwise moves it a little).
Read from both programs stepped in lockstep, the state as the other program's step records it."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.replays import lockstep

STEPS = 4  # steps read, from the first
HOLDS = 1e-3  # relative residual of the law at each step
NEAR_ONE = 0.1  # k_t this near 1 at every step: at the first steps, while the gradients barely move, a rate's factor
# fits each step too; a warm-up's ramp times S_t / S_(t-1) cannot stay near 1 from step to step


def state_read_early(setup: Any, built: Any, still: str) -> str:
    """The state kind of the moving side whose one-step-old values give the still side's updates, in words; "" where
    none does. `still` is the side ("numpy" or "torch") that moves nothing at step 1."""
    names = [p.name for p in built.pairs]
    records = [(a, b) if still == "numpy" else (b, a) for _, a, b, _ in lockstep(setup, built, STEPS)]
    if len(records) < 3 or any(np.any(records[0][0].get(f"{n}.update", 0)) for n in names):
        return ""
    kinds = sorted({k.partition(".")[2] for k in records[0][1] if k.partition(".")[0] in names} - {"update", "grad", ""})
    for kind in kinds:
        if all(_one_step_old(records[t][0], records[t][1], records[t - 1][1], names, kind) for t in range(1, len(records))):
            return kind
    return ""


def _one_step_old(mine: dict, theirs: dict, before: dict, names: list[str], kind: str) -> bool:
    """mine's updates = k · theirs' updates · S_(t-1) / S_t over every parameter that holds the state, one k."""
    predicted, seen = [], []
    for name in names:
        now, old = theirs.get(f"{name}.{kind}"), before.get(f"{name}.{kind}")
        u, v = mine.get(f"{name}.update"), theirs.get(f"{name}.update")
        if any(x is None for x in (now, old, u, v)) or not np.shape(now) == np.shape(old) == np.shape(u) == np.shape(v):
            continue
        now, old, u, v = (np.asarray(x, np.float64).ravel() for x in (now, old, u, v))
        held = np.abs(now) > 1e-3 * np.abs(now).max(initial=0.0)
        predicted.append(v[held] * old[held] / now[held])
        seen.append(u[held])
    if not predicted or not np.any(np.concatenate(predicted)):
        return False
    fit = fit_ratio(np.concatenate(seen), np.concatenate(predicted))
    return fit is not None and abs(fit[0] - 1.0) <= NEAR_ONE and fit[1] <= HOLDS
