"""Does the user's step depend on more than its state? Two copies of one state, stepped once each, must agree.

A step that draws from an unseeded generator (dropout, noise, a shuffle
inside the step) gives a different result each time from the same state:
no port can match it, and no other finding means anything. Which generator
moved during the step says what to seed.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import numpy as np
import torch

from parity.diagnosis.finding import Finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

# Pairs of copies stepped before a step is called repeatable: on a small layer two random draws can agree by chance
# (two 10% dropout masks over 4 x 4 units, a few times in a hundred).
TRIES = 3

SEEDS = {
    "numpy": "np.random.seed(0) before the run, or draw from a seeded np.random.default_rng(0) held by the network",
    "python": "random.seed(0)",
    "torch": "torch.manual_seed(0), or model.eval() if the randomness is dropout",
}


def rng_states() -> dict[str, Any]:
    return {"numpy": np.random.get_state(), "python": random.getstate(), "torch": torch.get_rng_state()}


def _same_state(a: Any, b: Any) -> bool:
    if isinstance(a, torch.Tensor):
        return torch.equal(a, b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same_state(x, y) for x, y in zip(a, b))
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    return a == b


def randomness_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """The user's side that gives two results from one state, and the generators its step drew from; or None."""
    for side in setup.user_sides or ("numpy",):  # the kit's own run: its NumPy side may be a variant
        state = dict(zip(("numpy", "torch"), setup.replay(failure.step)))[side]
        rows = setup.rows(failure.step)
        for _ in range(TRIES):
            try:
                first, second = copy.deepcopy(state), copy.deepcopy(state)
            except Exception:  # a network holding what cannot be copied (an open file): no verdict
                break
            before = rng_states()
            one = first.step(rows)
            moved = [name for name, s in rng_states().items() if not _same_state(s, before[name])]
            two = second.step(rows)
            differ = [name for name in one if name in two and not np.array_equal(np.asarray(one[name]), np.asarray(two[name]))]
            if differ:
                return _finding(side, failure.step, differ, moved)
            if not moved:
                break  # no generator moved: the step is repeatable, no need to draw again
    return None


def _finding(side: str, step: int, differ: list[str], moved: list[str]) -> Finding:
    program = "NumPy network" if side == "numpy" else "PyTorch port"
    drawn = f" It drew from the {' and '.join(moved)} generator{'s' if len(moved) > 1 else ''}." if moved else ""
    seed = "; ".join(SEEDS[name] for name in moved) or "seed every generator the step draws from (a Generator it holds, dropout)"
    return Finding(
        "unseeded-randomness",
        f"Your {program}'s step is not a function of its state: two copies stepped from the same state at step {step} "
        f"differ in {', '.join(differ[:4])}.{drawn} No port can match a step that draws unseeded random numbers.",
        {"side": side, "step": step, "tensors": differ, "generators": moved},
        f"Make the step repeatable: {seed}; or switch the randomness off for the check.",
        0.99,
    )
