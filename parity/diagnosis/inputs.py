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
    """The first step after which the user's NumPy network had changed its X or y, if it did by the failing step."""
    if "numpy" not in setup.user_sides:
        return None
    numpy, _ = setup.replay(failure.step)
    numpy.step(setup.rows(failure.step))
    written = getattr(numpy, "inputs_written", None)
    if written is None:
        return None
    step, name = written
    return Finding(
        "inputs-written",
        f"Your network writes into the {name} it is given ({MEANING[name]}): by the end of step {step} they no longer held "
        f"the data, so from then on it trains on other {MEANING[name]} than the twin. The sides part at step {failure.step}.",
        {"step": step, "array": name, "failing_step": failure.step},
        f"Work on a copy: `{name} = {name} - ...` or `{name}.copy()`, never `{name} -= ...` or `{name}[...] = ...` on the data.",
        1.0,
    )
