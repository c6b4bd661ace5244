"""A NumPy program of the user's against the kit's torch twin, traced through the failing step as two programs as
written are (written_backward): the twin's autograd is the reference the NumPy program's hand-written backward pass
parts from. The kit's sides take their batch inside their step; `Traceable` takes it apart, so that the traces can
hand each side its batch as the data they follow.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.called_again import loss_call_finding
from parity.diagnosis.written_backward import located_backward
from parity.diagnosis.replays import replayed, trace_tolerance, traces
from parity.diagnosis.written_forward import written_forward
from parity.diagnosis.optimizer_again import optimizer_again_finding
from parity.diagnosis.readings import silent_if_unmeasurable
from parity.engine.result import FailureContext, RunResult
from parity.engine.setup import Setup
from torch_net.layout import to_numpy


class Traceable:
    """A kit run's side behind the interface the traces step: its batch taken apart from its step."""

    def __init__(self, side: Any) -> None:
        self.side = getattr(side, "side", side)  # a record filter (UpdatesOnly) around the side that steps
        self.X, self.y = self.side.X, self.side.y

    def batch(self, rows: Any) -> tuple[Any, Any]:
        return self.X[rows], self.y[rows]

    def step(self, rows: Any) -> dict:
        X, y = self.batch(rows)
        held = self.side.X, self.side.y
        self.side.X, self.side.y = _Batch(X), _Batch(y)
        try:
            return self.side.step(rows)
        finally:
            self.side.X, self.side.y = held

    def load(self, params: dict) -> None:
        self.side.load(params)

    def params(self) -> dict:
        return self.side.params()

    def gradients(self) -> dict[str, np.ndarray] | None:
        """The twin's parameter gradients after its step, in the NumPy layout."""
        parameters = getattr(self.side, "parameters", None)
        if not isinstance(parameters, dict):
            return None
        return {name: to_numpy(name, p.grad) for name, p in parameters.items() if getattr(p, "grad", None) is not None}


class _Batch:
    """Data whose every row selection is the one batch object itself: the side's own step takes X[rows], and the traces
    follow the very object they were handed (a view of a view would lead back to the whole data instead)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __getitem__(self, rows: Any) -> Any:
        return self.value

    def __getattr__(self, name: str) -> Any:  # the data's own attributes (its device, dtype, shape)
        return getattr(self.value, name)


class KitPair:
    """The run's two sides, made afresh, as the traces of two programs as written take them."""

    def __init__(self, setup: Setup) -> None:
        self.setup, self.dtype = setup, setup.config.dtype

    def make_sides(self) -> tuple[Traceable, Traceable]:
        numpy_side, torch_side = self.setup.make_sides()
        return Traceable(numpy_side), Traceable(torch_side)


def traced_finding(setup: Setup, result: RunResult) -> Finding | None:
    """The user's program against the kit's, traced through the failing step: the NumPy program's backward pass
    against the twin's autograd, or the port's forward pass and loss against the kit's."""
    failure = result.failure_context
    parameter = result.first_failure.tensor.removesuffix(".update").removesuffix(".grad") if result.first_failure else ""
    traced = silent_if_unmeasurable(kit_backward_finding, setup, failure, parameter) if parameter in setup.init else None
    if traced is None and setup.user_sides == ("torch",) and setup.config.mode == "lockstep" and setup.config.world_size == 1:
        pair = KitPair(setup)
        traced = silent_if_unmeasurable(optimizer_again_finding, setup, pair, failure.step, trace_tolerance(pair))
    return traced or silent_if_unmeasurable(kit_forward_finding, setup, failure)


def kit_backward_finding(setup: Setup, failure: FailureContext, parameter: str) -> Finding | None:
    """Where the user's NumPy program and the kit's twin part in the backward pass: the last gradient they share, the
    first value the NumPy program makes from it that the twin never has (and the op that, in its place, gives the
    twin's value)."""
    config = setup.config
    if setup.user_sides != ("numpy",) or config.mode != "lockstep" or config.world_size > 1 or parameter not in failure.numpy_record:
        return None
    return located_backward(setup, KitPair(setup), failure.step, parameter, np.asarray(failure.numpy_record[parameter]),
                            reference="the kit's twin")


def kit_forward_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """Where the user's port and the kit's NumPy network part before the loss: only where the port's loss function
    gives another number than the kit's loss at the step's shared start. Its own call, one argument changed, first;
    then the last values the two share and what each does after them."""
    config = setup.config
    if setup.user_sides != ("torch",) or config.mode != "lockstep" or config.world_size > 1:
        return None
    built, step = KitPair(setup), failure.step
    numpy_side, _ = replayed(setup, built, step)
    kit_loss = float(np.ravel(numpy_side.step(setup.rows(step))["loss"])[0])
    calls = traces(setup, built, step)[1].calls
    tolerance = trace_tolerance(built)
    if not calls or abs(calls[0].value - kit_loss) <= tolerance * max(abs(kit_loss), 1e-12):
        return None  # the port's loss is the kit's (or made by hand, unseen): they part after the forward pass
    rows = len(setup.data.X[setup.rows(step)])
    found = loss_call_finding(calls, kit_loss, rows, tolerance, step) or written_forward(setup, built, step, "loss", np.array(kit_loss))
    if found is None:
        return None
    words = found.explanation.replace("the NumPy program's", "the kit's network's").replace("The NumPy program", "The kit's network")
    return replace(found, explanation=words, evidence={**found.evidence, "side": "torch"})
