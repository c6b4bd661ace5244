"""Where two optimizers as written part, read from the values each computes in the step. A NumPy optimizer is code the
program wrote (Adadelta's two averages, NAdam's μ-product, a centered RMSprop's mean); the port's is torch's, whose
step is traced op by op like any other. From the NumPy program's new value of the parameter (or of a state) back, the
last values the port's optimizer computes too are the frontier; the ops each side applies to it are said, and read as
the forward's are (`written_forward.parting_finding`): a location, unless a reading measures a cause."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from parity.diagnosis.agreements import agreements, carried, new_value, plain_write, region_of
from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import trace_tolerance, traces
from parity.diagnosis.value_match import in_a_layout
from parity.diagnosis.value_trace import Trace, Value
from parity.diagnosis.written_forward import LAW_AGREES, TRACE_AGREES, frontier_of, parting_finding


# the forward's readings that hold for an optimizer's arithmetic: a law between two values made by the same op, two
# ops in the other order or with another number, two operators grouped otherwise; the others read a loss's terms,
# masks and targets, which an update has none of (and a parameter that starts at 0 makes p - lr·g the negative of a
# step term: no sign apart)
UPDATE_READINGS = frozenset({"law", "meant", "grouping"})


def written_update(setup: Any, built: Any, step: int, name: str, after: np.ndarray) -> Finding | None:
    """Where the update (or state) `name` parts, given the NumPy program's value of it after the step; None where the
    values part before the step's last gradient is made (the backward's readings say those) or are not traced."""
    numpy_trace, torch_trace = traces(setup, built, step, gradients=True)
    tolerance = trace_tolerance(built)
    target = new_value(numpy_trace, np.asarray(after, np.float64))
    agreed = agreements(numpy_trace, torch_trace, tolerance)
    if target is None or target.index in agreed:
        return None
    region = [i for i in region_of(numpy_trace, target, agreed) if not plain_write(numpy_trace, i, agreed)]
    frontier = frontier_of(numpy_trace, region, agreed)
    if frontier is None or frontier.op in ("X", "y") or not _after_gradients(frontier, numpy_trace, torch_trace, tolerance):
        return None
    agreed[frontier.index] = carried(agreed[frontier.index], torch_trace, tolerance)
    dtype = str(getattr(built, "dtype", "float32"))
    found = parting_finding(numpy_trace, torch_trace, region, frontier, agreed, step, f"new {name.removesuffix('.update')}",
                            LAW_AGREES.get(dtype, LAW_AGREES["float32"]),
                            getattr(built, "reading_tolerance", TRACE_AGREES["float32"]), UPDATE_READINGS,
                            f" {optimizer_carried(step).capitalize()}.")
    return replace(found, name="optimizer-differs" if found.name == "forward" else found.name,
                   evidence={**found.evidence, "stage": "update"})


def optimizer_carried(step: int) -> str:
    """Where an optimizer parts at a later step from the same gradients: what it carries, or the rate at that step."""
    return (f"the first {step - 1} step(s) agreed, so what the optimizer carries from step to step (a running average's β, "
            "a bias correction, a factored or accumulated statistic) or a schedule's rate at this step is the likely place")


def _after_gradients(frontier: Value, trace: Trace, torch_trace: Trace, tolerance: float) -> bool:
    """Whether the frontier is made from a gradient the port's agrees with (its .grad after the step): the
    optimizer's own arithmetic, not the backward's."""
    gradients = [v.array for v in torch_trace.values if v.op.endswith(".grad")]
    seen, stack = set(), [frontier.index]
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        if any(in_a_layout(trace.values[index].array, g, tolerance) for g in gradients):
            return True
        stack += [i for i in trace.values[index].inputs if isinstance(i, int)]
    return False


def optimizer_stage(name: str, numpy_record: dict, torch_record: dict, step: int) -> Finding | None:
    """An update that parts where both programs' gradients of that parameter were compared at the step and agree: the
    optimizer's step is where they part, its state carried from earlier steps where the step is not the first."""
    parameter = name.removesuffix(".update")
    if not name.endswith(".update") or not all(f"{parameter}.grad" in r for r in (numpy_record, torch_record)):
        return None
    carried = f"; {optimizer_carried(step)}" if step > 1 else ""
    return Finding("optimizer-differs", f"At step {step} both programs' gradients of {parameter} agree (compared), and its "
                   f"update parts: the two optimizers step differently from the same gradient{carried}.",
                   {"step": step, "parameter": parameter, "stage": "update"},
                   "Compare the two optimizers' update rules term by term, and their state after each step (--state).", 0.55)
