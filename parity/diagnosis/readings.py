"""Readings of a failed step measured from the programs' own numbers, where no rule fits well: the port's forward
stages (port_forward.py), the NumPy program's stages one row at a time (row_stages.py), the law of an SGD-family
optimizer's updates (update_law.py), and Adam's (adam_law.py). Each says nothing where it cannot measure."""

from __future__ import annotations

from numpy.linalg import LinAlgError

from parity.diagnosis.adam_law import adam_law_finding
from parity.diagnosis.finding import Finding
from parity.diagnosis.gradient_readings import gradient_transform_finding
from parity.diagnosis.port_forward import port_forward_finding
from parity.diagnosis.row_stages import numpy_stage_finding
from parity.diagnosis.update_law import shared_state_finding, update_law_finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.errors import InputError

CONFIDENT = 0.8  # a rule's finding below this leaves room for the readings to be taken


def measured_stage(setup: Setup, failure: FailureContext, top: float) -> Finding | None:
    """The port's forward stages; or the law an SGD-family optimizer's updates follow (from the first step, a state
    shared between parameters); or the NumPy program's stages one row at a time (where they fit better than the rules'
    best, top); or Adam's law."""
    staged = silent_if_unmeasurable(port_forward_finding, setup, failure) or silent_if_unmeasurable(gradient_transform_finding, setup, failure)
    # an optimizer's law fits the updates exactly or not at all; it is read before the rows, whose reading takes a
    # first step of the optimizer for -lr·g, which a shared or mixed state is not
    law = staged or silent_if_unmeasurable(update_law_finding if failure.step >= 2 else shared_state_finding, setup, failure) \
        or _other_momentum(setup, failure)
    if law:
        return law
    rows = silent_if_unmeasurable(numpy_stage_finding, setup, failure)
    return rows if rows is not None and rows.score > top else silent_if_unmeasurable(adam_law_finding, setup, failure)


def _other_momentum(setup: Setup, failure: FailureContext) -> Finding | None:
    """At the first step a momentum optimizer's slip can read as a loss scaled (its first update is a multiple of the
    gradient): the law over the next steps tells, where its momentum's coefficient is not the run's."""
    if failure.step != 1 or setup.config.optimizer not in ("momentum", "nesterov", "ema-momentum"):
        return None
    law = silent_if_unmeasurable(update_law_finding, setup, failure)
    if law is None or law.score < CONFIDENT or "fitted" not in law.evidence:
        return None
    (a, b, c), (a_run, b_run, c_run) = law.evidence["fitted"], law.evidence["run"]
    scaled = abs(a - a_run) <= 1e-3 * max(abs(a_run), 1e-12) and b_run and (
        abs(c - c_run * b / b_run) <= 1e-3 * max(abs(c), abs(c_run), 1e-12))
    return None if scaled else law  # a law the run's times one factor is a loss's scale as well: the rows read it


def adam_reading(setup: Setup, failure: FailureContext) -> Finding | None:
    """Adam's law read from the user's updates, where it names the mechanism with confidence. Read before the output
    layer's settings are searched: Adam's first step is -lr·g/|g|, which in a layer fits SGD at some rate by chance."""
    if setup.config.optimizer != "adam":
        return None
    found = silent_if_unmeasurable(adam_law_finding, setup, failure)
    return found if found is not None and found.score >= CONFIDENT else None


def silent_if_unmeasurable(measure, *args) -> Finding | None:
    """A rule or reading that cannot measure these numbers (a shape it did not expect, a program it cannot replay) says
    nothing, rather than ending the diagnosis: the comparison stands, and the other findings with it."""
    try:
        return measure(*args)
    except (ArithmeticError, IndexError, KeyError, LinAlgError, TypeError, ValueError, RuntimeError, AttributeError, InputError):
        return None
