"""The NumPy backward pass read where a stage's own readings say too little: against the port's, with the NumPy
program's gradient as it keeps it or as its first step's optimizer state shows it."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import Trace
from parity.diagnosis.optimizer_constants import coupled_decay, port_optimizer_constants
from parity.diagnosis.quietly import quietly
from parity.diagnosis.state_stage import numpy_gradient
from parity.diagnosis.written_backward import written_backward
from parity.diagnosis.replays import RAW, trace_tolerance, traces
from parity.diagnosis.agreements import agreements


LINEAR_STATES = ("momentum_buffer", "exp_avg")  # states linear in the gradient at the first step (not its squares)


def located_in_backward(setup: Any, built: Any, step: int, parameter: str, numpy_record: dict, torch_record: dict,
                        failing: str = "") -> Finding | None:
    """The NumPy backward pass read against the port's, with its gradient as it keeps it or its state shows it. Read
    back from the failing state where the parameters still agree (Adam's first update, lr·sign(g), hides a gradient
    scaled per entry: its moments show it)."""
    constants = (quietly(port_optimizer_constants, built) or {}, quietly(coupled_decay, built) or 0.0)
    mine = numpy_gradient(numpy_record, parameter, step, *constants)
    target = parameter
    if failing in numpy_record and failing in torch_record and failing.partition(".")[2] in LINEAR_STATES \
            and np.allclose(numpy_record[parameter], torch_record[parameter], rtol=1e-5, atol=1e-7):
        target = failing
    found = written_backward(setup, built, step, parameter, numpy_record[target], torch_record.get(f"{parameter}.grad"),
                             torch_record.get(target), mine)
    if found is not None or not _own_gradient_computed(setup, built, step, parameter):
        return found
    for other in (p for p in numpy_record if "." not in p and p not in (parameter, "loss", "output") and f"{p}.update" in numpy_record):
        read = written_backward(setup, built, step, other, numpy_record[other], torch_record.get(f"{other}.grad"),
                                torch_record.get(other), numpy_gradient(numpy_record, other, step, *constants))
        if read is not None and read.evidence.get("side") and "agree_up_to" in read.evidence:  # values read, not a
            # gradient inferred from an update that parts for the same reason
            return Finding(read.name, f"The NumPy program computes back-propagation's own gradient of {parameter}, and its "
                           "update parts after it (by what the step does to the gradients, a clipping's factor made from "
                           f"the others): {other}'s backward is read instead. {read.explanation}", read.evidence, read.fix, read.score)
    return None


def _own_gradient_computed(setup: Any, built: Any, step: int, parameter: str) -> bool:
    """Whether a value of the NumPy program's step is back-propagation's own gradient of the parameter, where the
    port's step changes .grad after it (a clip: the traces hold both)."""
    numpy_trace, torch_trace = traces(setup, built, step, gradients=True)
    return port_changes_gradient(torch_trace, parameter) and any(  # a raw root is traced only where .grad changed
        twin.op == f"{parameter}.grad" and twin.detail == RAW for twin in agreements(numpy_trace, torch_trace, trace_tolerance(built)).values())


def port_changes_gradient(torch_trace: Trace, parameter: str) -> bool:
    """Whether the port's step changes the parameter's .grad after back-propagation (a clip): both are traced."""
    return any(v.op == f"{parameter}.grad" and v.detail == RAW for v in torch_trace.values)
