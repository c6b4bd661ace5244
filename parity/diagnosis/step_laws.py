"""Laws over steps, with the other side as the yardstick: one side's updates are the other's a step late, or
the other's two (or three) steps taken at once.

A stale delta kept from the last step, an update applied before the
gradient of this step is known, an inner loop that steps twice: each
reproduces the other side's own numbers, only at another step. Nothing is
modelled: both programs are replayed to the failing step in lockstep and
stepped on, and the other side's records are compared with this side's.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

AHEAD = 3  # steps replayed past the failing one: a lag must hold at each of them
REPEATS = (2, 3)  # updates per step looked for


def step_law_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """A side one step late, or taking several steps per step, measured against the other side; or None."""
    if setup.config.mode != "lockstep" or setup.config.world_size > 1:
        return None
    try:
        return (_lagging(setup, failure, lockstep=True) or (failure.step == 1 and _lagging(setup, failure, lockstep=False))
                or _repeated(setup, failure) or _restarted(setup, failure))
    except Exception:  # a program that cannot be replayed or copied: the law is not measurable, not a verdict
        return None


def _tolerance(setup: Setup) -> float:
    return 10 * MATCH_TOLERANCE[setup.config.dtype]


def _change(before: dict, after: dict) -> dict[str, np.ndarray]:
    """Each parameter's update: after - before, in float64."""
    return {p: np.asarray(after[p], np.float64) - np.asarray(before[p], np.float64) for p in before if p in after}


def _observed(failure: FailureContext) -> dict[str, dict[str, np.ndarray]]:
    """Each side's updates at the failing step, from the parameters recorded before and after it."""
    return {"numpy": _change(failure.numpy_before, {p: failure.numpy_record[p] for p in failure.numpy_before if p in failure.numpy_record}),
            "torch": _change(failure.torch_before, {p: failure.torch_record[p] for p in failure.torch_before if p in failure.torch_record})}


def _failing(failure: FailureContext, tolerance: float) -> list[str]:
    observed = _observed(failure)
    numpy, torch = observed["numpy"], observed["torch"]
    return [p for p in numpy if p in torch and numpy[p].shape == torch[p].shape and relative_gap(numpy[p], torch[p]) > tolerance]


def stepped(side: Any, rows: Any) -> dict[str, np.ndarray]:
    """One step of a side on these rows: each parameter's update, in float64."""
    before = side.params()
    side.step(rows)
    return _change(before, side.params())


def _lagging(setup: Setup, failure: FailureContext, lockstep: bool) -> Finding | None:
    """Each failing parameter's update at step s is the other side's of step s - 1 (nothing at step 1), and so on
    for the steps after. In lockstep (both sides from one side's weights each step) a delta kept from the last step
    shows; stepped apart from step 1 on, so does a whole step one late (the update applied before its backward, which
    then runs at the moved weights)."""
    tolerance = _tolerance(setup)
    failing = _failing(failure, tolerance)
    if not failing:
        return None
    first = max(failure.step - 1, 1)  # the step before the failing one, where there is one: its updates are the yardstick
    numpy, torch = setup.replay(first)
    steps: list = [None] if failure.step == 1 else []  # (numpy updates, torch updates), from the step before on
    for step in range(first, failure.step + AHEAD):
        rows = setup.rows(step)
        steps.append((stepped(numpy, rows), stepped(torch, rows)))
        if lockstep or step < failure.step:
            torch.load(numpy.params())
    for index, side in ((0, "numpy"), (1, "torch")):
        other = 1 - index
        if all(_late(steps[k][index], steps[k - 1][other] if steps[k - 1] else None, failing, tolerance)
               for k in range(1, len(steps))):
            return _lag_finding(side, failing, failure.step)
    return None


def _late(now: dict, before: dict | None, names: list[str], tolerance: float) -> bool:
    """These updates are the other side's of the step before (zero where there was none); and not all zero."""
    for name in names:
        expected = before[name] if before is not None and name in before else np.zeros_like(now[name])
        if expected.shape != now[name].shape:
            return False
        if not np.any(expected):
            if np.any(now[name]):
                return False
        elif relative_gap(now[name], expected) > tolerance:
            return False
    return any(np.any(now[n]) for n in names) or before is None


def _lag_finding(side: str, tensors: list[str], step: int) -> Finding:
    other = "PyTorch" if side == "numpy" else "NumPy"
    cause = ("the hidden layers' delta (or a gradient) kept from the previous step and used before it is recomputed"
             if side == "numpy" else "optimizer.step() called before loss.backward(), or a gradient kept from the previous step")
    return Finding(
        "one-step-late",
        f"The {SIDES[side]} side's updates of {', '.join(tensors)} are the {other} side's of the step before, one step late "
        f"(stale): at step {step} it applies what the other side applied at step {step - 1}"
        + (" (nothing, at the first step)" if step == 1 else "") + f", and so for the {AHEAD} steps after: {cause}.",
        {"side": side, "tensors": tensors, "step": step, "steps_checked": AHEAD + 1},
        "Compute this step's gradient before using it: forward, backward, then the update, each step."
        if side == "numpy" else "Call loss.backward() before optimizer.step(), each step.",
        0.95,
    )


def _repeated(setup: Setup, failure: FailureContext) -> Finding | None:
    """One side's update at the failing step is the other side's two (or three) steps from the same start, same rows."""
    tolerance = _tolerance(setup)
    if not _failing(failure, tolerance):
        return None
    sides = dict(zip(("numpy", "torch"), setup.replay(failure.step)))
    rows = setup.rows(failure.step)
    observed = _observed(failure)
    for side, other in (("numpy", "torch"), ("torch", "numpy")):
        start = sides[other].params()
        stepper: Any = copy.deepcopy(sides[other])
        for times in range(1, max(REPEATS) + 1):
            stepper.step(rows)
            if times == 1 and not any(np.any(np.asarray(v) != np.asarray(start[p])) for p, v in stepper.params().items()):
                break  # a first step that moves nothing (an update before any backward): two steps are one, shifted
            if times not in REPEATS:
                continue
            total = {p: update for p, update in _change(start, stepper.params()).items() if p in observed[side]}
            if total and all(relative_gap(observed[side][p], total[p]) <= tolerance for p in total):
                return _repeated_finding(side, times, failure.step)
    return None


def _repeated_finding(side: str, times: int, step: int) -> Finding:
    other = "PyTorch" if side == "numpy" else "NumPy"
    return Finding(
        "repeated-update",
        f"The {SIDES[side]} side's one step at step {step} is the {other} side's {times} steps from the same weights on the "
        f"same rows: it updates {times} times per step (an inner loop, or the update applied {times} times).",
        {"side": side, "times": times, "step": step},
        "Take one optimizer step per training step.",
        0.95,
    )


def _restarted(setup: Setup, failure: FailureContext) -> Finding | None:
    """Past the first step, one side's update is a fresh optimizer's first step from the same weights (the kit's twin,
    made anew, is the yardstick), and the other side's is not: its optimizer's state (momentum, Adam's moments and
    step count) started again there. Read over the next steps too: again every step (the optimizer created inside the
    step), or at the first batch of each epoch (the state re-created in the epoch loop)."""
    tolerance = _tolerance(setup)
    if failure.step < 2 or setup.config.optimizer == "sgd" or not _failing(failure, tolerance):
        return None  # plain SGD keeps no state to start again
    numpy, torch = setup.replay(failure.step)
    fresh: list[dict] = []  # per step: each side's update, and whether it is a fresh optimizer's first step
    for step in range(failure.step, failure.step + AHEAD):
        start, rows = numpy.params(), setup.rows(step)
        yardstick = setup.make_sides()[1 if setup.user_sides != ("torch",) else 0]
        yardstick.load(start)
        first = stepped(yardstick, rows)
        moved = {"numpy": stepped(numpy, rows), "torch": stepped(torch, rows)}
        fresh.append({side: all(relative_gap(moved[side][p], first[p]) <= tolerance for p in first if p in moved[side])
                      for side in moved})
        torch.load(numpy.params())
    for side in setup.user_sides or ("numpy",):
        other = "torch" if side == "numpy" else "numpy"
        if not fresh[0][side] or fresh[0][other]:
            continue
        every = all(f[side] for f in fresh)
        if every and setup.config.optimizer != "adam":
            return None  # a momentum started again every step is plain gradient descent: update_law.py reads it
        return _restart_finding(side, failure.step, every, _batches_per_epoch(setup))
    return None


def _batches_per_epoch(setup: Setup) -> int:
    rows, batch = len(setup.data.X), setup.config.batch_size or len(setup.data.X)
    return -(-rows // batch)


def _restart_finding(side: str, step: int, every: bool, per_epoch: int) -> Finding:
    if every:
        when = ("every step, as when the optimizer is created anew inside the training step")
        fix = "Create the optimizer (and its state) once, before training, and reuse it every step."
    elif per_epoch > 1 and (step - 1) % per_epoch == 0:
        when = (f"at step {step}, the first batch of epoch {(step - 1) // per_epoch + 1} ({per_epoch} batches an epoch), "
                "and not at the steps after it: the state is reset (re-created as zeros) at the start of every epoch")
        fix = "Create the optimizer's state (velocities, moments) once, before the epoch loop, not inside it."
    else:
        when = f"at step {step}, and not at the steps after it: the state was reset there"
        fix = "Keep the optimizer's state for the whole run: do not reset or re-create it."
    return Finding(
        "optimizer-restarted",
        f"The {SIDES[side]} side's update at step {step} is a fresh optimizer's first step from the same weights: its "
        f"optimizer's state (momentum velocities, Adam's moments and step count) starts again {when}.",
        {"side": side, "step": step, "every_step": every},
        fix,
        0.95,
    )
