"""A NumPy program's hand-written Adam read against its port's torch.optim.Adam, where the two programs as written
part in the update with their gradients agreeing.

Both programs step in lockstep from the first step; the port's gradients (which agree with the NumPy program's,
or the update would not be the first place they part) give the moments m_t and v_t that torch's Adam keeps with
the port's own lr, betas and eps. Each NumPy update is then read by the laws `adam_law` reads the kit's own Adam
by: the step counter, the first moment's correction, ε inside the square root, another ε, a moment without its
(1 - β). Nothing is said where the port's optimizer is not a plain Adam (AMSGrad, a weight decay): the readings
would model an update the port does not make.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import torch

from parity.diagnosis.adam_law import _counter, _denominator, _eps, _moments, _moments_late, _numerator
from parity.diagnosis.adam_moments import moment_factor
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import _optimizer
from parity.diagnosis.replays import trace_tolerance

AHEAD = 2  # steps read past the failing one
MOST_STEPS = 8


def adam_written_finding(setup: Any, built: Any, step: int) -> Finding | None:
    """The law the NumPy program's Adam update departs from the port's torch.optim.Adam by, or None."""
    numpy_side, torch_side = built.make_sides()
    optimizer = _optimizer(torch_side)
    if type(optimizer) not in (torch.optim.Adam, torch.optim.AdamW) or len(optimizer.param_groups) != 1:
        return None
    group = optimizer.param_groups[0]
    if group.get("amsgrad") or group.get("weight_decay") or group.get("maximize"):
        return None
    config = SimpleNamespace(lr=float(group["lr"]), betas=tuple(map(float, group["betas"])), eps=float(group["eps"]))
    grads, updates = [], []
    for t in range(1, min(step + AHEAD, MOST_STEPS) + 1):
        rows = setup.rows(t)
        before = {name: np.asarray(value, np.float64) for name, value in numpy_side.params().items()}
        numpy_side.step(rows), torch_side.step(rows)
        gradients = torch_side.gradients() or {}
        after = numpy_side.params()
        if set(gradients) != set(before):
            return None  # a parameter the port steps without a gradient: no moments to read it by
        grads.append({name: np.asarray(g, np.float64) for name, g in gradients.items()})
        updates.append({name: np.asarray(after[name], np.float64) - before[name] for name in before})
        torch_side.load(after)
    tolerance = 10 * trace_tolerance(built)
    moments = _moments(grads, config.betas)
    readings = (_moments_late, _counter, _numerator, _denominator, _eps)
    return next((f for read in readings if (f := read(updates, moments, config, "numpy", tolerance)) is not None), None) \
        or moment_factor(updates, moments, config, "numpy", tolerance)
