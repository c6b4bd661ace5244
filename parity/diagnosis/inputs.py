"""Does the user's network write into the data it is given? Then it learns from other data than the twin.

Each side has its own copy of the data, so such a write never reaches the
other side: it shows as a difference from the step after it (or within
it), and this finding names its cause before any rule reads the numbers.
"""

from __future__ import annotations

from parity.diagnosis.finding import Finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

MEANING = {"X": "inputs", "y": "targets"}


def written_inputs_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """The first step after which the user's NumPy network or PyTorch port had changed its X or y, if one did
    by the failing step."""
    if not setup.user_sides:
        return None
    sides = dict(zip(("numpy", "torch"), setup.replay(failure.step)))
    for side in setup.user_sides:
        sides[side].step(setup.rows(failure.step))
        written = getattr(sides[side], "inputs_written", None)
        if written is not None:
            return _finding(side, *written, failure.step)
    return None


def _finding(side: str, step: int, name: str, failing_step: int) -> Finding:
    program, copied = ("network", f"{name}.copy()") if side == "numpy" else ("PyTorch port", f"{name}.clone()")
    return Finding(
        "inputs-written",
        f"Your {program} writes into the {name} it is given ({MEANING[name]}): by the end of step {step} they no longer held "
        f"the data, so from then on it trains on other {MEANING[name]} than the kit's side. The sides part at step {failing_step}.",
        {"side": side, "step": step, "array": name, "failing_step": failing_step},
        f"Work on a copy: `{name} = {name} - ...` or `{copied}`, never `{name} -= ...`, `{name}[...] = ...` or an in-place method on the data.",
        1.0,
    )
