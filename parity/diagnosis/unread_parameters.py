"""A parameter one program's forward pass never reads: its loss at the step's shared start does not move when that
parameter moves, where the other program's does. Measured by moving each parameter a little along a fixed direction
on both sides (a global bias updated every step but left out of the logit)."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed

MOVE = 1e-3  # the move, relative to the parameter's own size (at least 1)
STILL = 1e-12  # relative: a loss that moved by no more than this did not move


def unread_parameter(setup: Any, built: Any, step: int) -> Finding | None:
    sides = dict(zip(("numpy", "torch"), replayed(setup, built, step)))  # replayed once; each move steps a copy
    start = {name: np.asarray(value, np.float64) for name, value in sides["numpy"].params().items()}
    rows = setup.rows(step)
    moved: dict[str, dict[str, bool]] = {"numpy": {}, "torch": {}}
    for name, value in start.items():
        direction = np.random.default_rng(0).standard_normal(value.shape)
        h = MOVE * max(float(np.abs(value).max(initial=0.0)), 1.0)
        for side_name, side in sides.items():
            losses = [_loss(side, start, name, sign * h * direction, rows) for sign in (1, -1)]
            if None in losses:
                return None
            moved[side_name][name] = abs(losses[0] - losses[1]) > STILL * max(abs(losses[0]), 1e-30)
    for name in start:
        for still, other, who in (("numpy", "torch", "The NumPy program"), ("torch", "numpy", "The port")):
            if not moved[still][name] and moved[other][name]:
                return Finding("missing-parameter", f"{who}'s loss at the shared start of step {step} does not move when "
                               f"{name} moves, where the other program's does (both measured, moving {name} a little "
                               f"either way): its forward pass never reads {name}. Its optimizer may still update it (a "
                               "bias computed, stepped and left out of the output).", {"step": step, "stage": "forward",
                               "parameter": name, "side": still}, f"Use {name} in the forward pass, as the other program "
                               "does.", 0.85)
    return None


def _loss(side: Any, start: dict, name: str, move: np.ndarray, rows: Any) -> float | None:
    copy = side.promoted()  # a float64 copy of the program at the step's start: a small move of a weakly read parameter shows
    copy.load({k: (v + move if k == name else v) for k, v in start.items()})
    record = copy.step(rows)
    return float(np.ravel(record["loss"])[0]) if "loss" in record else None
