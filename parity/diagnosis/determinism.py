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
from parity.diagnosis.port_trace import trace_port
from parity.diagnosis.stage_readings import row_permutation
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

# Pairs of copies stepped before a step is called repeatable: on a small layer two random draws can agree by chance
# (two 10% dropout masks over 4 x 4 units, a few times in a hundred).
TRIES = 3
ROW_MATCH = 1e-4  # a row of one side's output is the other's within this, relative to the largest output

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
        sides = dict(zip(("numpy", "torch"), setup.replay(failure.step)))
        state = sides[side]
        rows = setup.rows(failure.step)
        for _ in range(TRIES):
            try:
                first, second = copy.deepcopy(state), copy.deepcopy(state)
            except Exception:  # a network holding what cannot be copied (an open file): no verdict
                break
            if hasattr(first, "records_output"):
                first.records_output = True  # a port's own step: its first forward output shows what a draw did to the rows
            before = rng_states()
            one = first.step(rows)
            moved = [name for name, s in rng_states().items() if not _same_state(s, before[name])]
            two = second.step(rows)
            differ = [name for name in one if name in two and not np.array_equal(np.asarray(one[name]), np.asarray(two[name]))]
            if differ:
                other = _stepped_with_output(sides["torch" if side == "numpy" else "numpy"], rows)
                noise = _input_noise(state, rows, setup.batch(failure.step)[0]) if side == "torch" else ""
                noise = noise or _reinitialised(state, rows)
                return _finding(side, failure.step, differ, moved, _rows_permuted(one, other, _agree(one, two)), noise)
            if not moved:
                break  # no generator moved: the step is repeatable, no need to draw again
    return None


def _set_states(states: dict[str, Any]) -> None:
    np.random.set_state(states["numpy"])
    random.setstate(states["python"])
    torch.set_rng_state(states["torch"])


def _reinitialised(state: Any, rows: Any) -> str:
    """Each weight moved away from its start in a second copy, both copies stepped with the generators in one state:
    where it ends the same from both starts, the step draws it anew (an initialisation inside the step)."""
    redrawn = []
    try:
        params = state.params()
        for name in (n for n in params if n.startswith("W")):
            first, second = copy.deepcopy(state), copy.deepcopy(state)
            second.load({**params, name: np.asarray(params[name]) * 0.5 + 0.25})
            states = rng_states()
            first.step(rows)
            _set_states(states)
            second.step(rows)
            if np.allclose(first.params()[name], second.params()[name], rtol=1e-5, atol=1e-7):
                redrawn.append(name)
    except Exception:  # a copy that cannot be loaded or stepped: no reading
        return ""
    if not redrawn:
        return ""
    return (f" From two different starts of {', '.join(redrawn)}, with the generators in one state, it ends with the same "
            f"{', '.join(redrawn)}: the step draws {'them' if len(redrawn) > 1 else 'it'} anew (an initialisation, "
            "model.apply(init) or reset_parameters(), run inside the step), so nothing learnt there carries from one step to "
            "the next.")


def _stepped_with_output(side: Any, rows: Any) -> dict:
    """The other side's record of the step, its output included; {} where its copy cannot be taken or stepped."""
    try:
        copied = copy.deepcopy(side)
        if hasattr(copied, "records_output"):
            copied.records_output = True
        return copied.step(rows)
    except Exception:  # the other side is only a yardstick here: without it, the reading is left out
        return {}


def _agree(one: dict, two: dict) -> bool:
    """Two random steps' updates the same but for rounding: a shuffle of whole (x, y) pairs changes only the order of a sum."""
    updates = [name for name in one if name.endswith(".update") and name in two]
    return bool(updates) and all(np.allclose(np.asarray(one[n], np.float64), np.asarray(two[n], np.float64), rtol=1e-4, atol=1e-7)
                                 for n in updates)


def _rows_permuted(record: dict, other: dict, paired: bool) -> str:
    """"paired" or "misaligned" where a random step's outputs are the other side's rows in another order (a shuffle
    inside the step), with the targets shuffled alike (two draws then step alike) or not; "" otherwise."""
    mine, theirs = (np.asarray(r.get("output"), dtype=np.float64) for r in (record, other))
    if row_permutation(mine, theirs, ROW_MATCH) is None:
        return ""
    return "paired" if paired else "misaligned"


SHUFFLES = {
    "paired": " Its outputs are the other side's rows in another order: the step shuffles its rows, the targets with them "
              "(two draws step alike but for rounding).",
    "misaligned": " Its outputs are the other side's rows in another order: the step permutes (shuffles) the rows of its "
                  "inputs, and two draws step differently: the targets were not permuted with them, so rows of X and y no "
                  "longer pair up (y = y[perm] missing, or a shuffle of X alone).",
}


def _input_noise(port: Any, rows: Any, X: np.ndarray) -> str:
    """Where a port's random step draws: its first layer given X plus noise (an augmentation inside the step)."""
    try:
        trace = trace_port(port, rows)
    except Exception:  # a port that cannot be traced: the draw is reported without its place
        return ""
    seen = trace.linears[0][0] if trace is not None and trace.linears else None
    X = np.asarray(X, np.float64)
    if seen is None or seen.shape != X.shape or np.allclose(seen, X, rtol=1e-5, atol=1e-7):
        return ""
    noise = seen - X
    return (f" Its first layer receives X plus random noise (mean {noise.mean():.2g}, std {noise.std():.2g}): noise added to "
            "the inputs inside the step, an augmentation the other side does not have.")


def _finding(side: str, step: int, differ: list[str], moved: list[str], shuffle: str = "", noise: str = "") -> Finding:
    program = "NumPy network" if side == "numpy" else "PyTorch port"
    drawn = f" It drew from the {' and '.join(moved)} generator{'s' if len(moved) > 1 else ''}." if moved else ""
    drawn += SHUFFLES.get(shuffle, "") + noise
    seed = "; ".join(SEEDS[name] for name in moved) or "seed every generator the step draws from (a Generator it holds, dropout)"
    return Finding(
        "unseeded-randomness",
        f"Your {program}'s step is not a function of its state: two copies stepped from the same state at step {step} "
        f"differ in {', '.join(differ[:4])}.{drawn} No port can match a step that draws unseeded random numbers.",
        {"side": side, "step": step, "tensors": differ, "generators": moved},
        ("Permute y with the same rows as X (y = y[perm]). " if shuffle == "misaligned" else "")
        + f"Make the step repeatable: {seed}; or switch the randomness off for the check.",
        0.99,
    )
