"""Resume determinism: save both sides at step K, load them into fresh sides, and require every later step to repeat.

A run that is checkpointed and resumed must carry on exactly as if it had
not stopped: the weights, the momentum buffers, Adam's moments and its step
count all have to survive the round trip. The snapshot goes through real
.npz files, as a checkpoint would.
"""

from __future__ import annotations

import os
import tempfile

import numpy as np

from parity.engine.setup import Setup


def resume_check(setup: Setup, at: int) -> dict:
    """Run to step `at`, resume fresh sides from a saved snapshot, and compare every later step bit for bit."""
    config = setup.config
    original = setup.make_sides()
    for step in range(1, at + 1):
        _step_pair(setup, original, step)
    resumed = setup.make_sides()
    with tempfile.TemporaryDirectory(prefix="parity-resume-") as folder:
        for number, (side, fresh) in enumerate(zip(original, resumed)):
            path = os.path.join(folder, f"side{number}.npz")
            np.savez(path, **side.snapshot())
            with np.load(path) as saved:
                fresh.restore({name: saved[name] for name in saved.files})
    difference = None
    for step in range(at + 1, config.steps + 1):
        records = _step_pair(setup, original, step), _step_pair(setup, resumed, step)
        difference = _first_difference(step, *records)
        if difference:
            break
    checked = config.steps - at
    summary = (f"RESUME: saved at step {at} and resumed, the {checked} steps after repeat exactly" if difference is None else
               f"RESUME MISMATCH: saved at step {at}, the resumed run parts at step {difference['step']} in "
               f"{difference['tensor']} on the {difference['side']} side")
    return {"at": at, "checked_steps": checked, "repeated": difference is None, "first_difference": difference, "summary": summary}


def _step_pair(setup: Setup, sides: tuple, step: int) -> tuple[dict, dict]:
    numpy, torch = sides
    rows = setup.rows(step)
    records = numpy.step(rows), torch.step(rows)
    if setup.config.mode == "lockstep":
        torch.load(numpy.params())
    return records


def _first_difference(step: int, original: tuple[dict, dict], resumed: tuple[dict, dict]) -> dict | None:
    for side, before, after in (("numpy", original[0], resumed[0]), ("torch", original[1], resumed[1])):
        for name, value in before.items():
            if not np.array_equal(np.asarray(value), np.asarray(after.get(name)), equal_nan=True):
                return {"step": step, "side": side, "tensor": name}
    return None
