"""Stepping the two sides together and comparing them as they go.

Lockstep: after every step the torch side takes the NumPy side's weights,
so each step measures one step of error. Free: both train on their own,
which measures how rounding grows.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from parity.engine.compare import RunComparison
from parity.engine.device_record import DeviceRecord, select, shape
from parity.engine.measure import SMALL
from parity.engine.record import Record
from parity.engine.reference import StepReferences
from parity.engine.result import FailureContext, RunResult
from parity.engine.setup import Setup
from parity.engine.sides import Side
from parity.engine.threads import Stepper, at_once, run_threads
from parity.tolerance import uses_reference


def run_steps(setup: Setup, observers: Sequence[Callable] = (), listeners: Sequence[Callable] = ()) -> RunResult:
    """Step fresh sides config.steps times and compare every step; sides that hold processes are closed after.

    observers are called after each step with (step, numpy_record, torch_record): golden runs record or check through
    them. listeners are called after every step with (step, {tensor: Comparison} or None where the step was not
    compared, numpy_record, torch_record): progress bars and per-step series listen through them."""
    sides = setup.make_sides()
    try:
        return compare_run(setup, *sides, observers=observers, listeners=listeners)
    finally:
        for side in sides:
            if hasattr(side, "close"):
                side.close()


def run_comparison(setup: Setup, names: tuple[str, ...] | None = None) -> RunComparison:
    """The run's rule for comparing a step (parity.tolerance): element-wise, and below float64 at the default
    tolerances, a float64 reference for the tensors that fail it. Tolerances given explicitly are taken as given."""
    config = setup.config
    rtol, atol = config.tolerances
    reference = uses_reference(config.dtype, explicit=config.rtol is not None or config.atol is not None)
    return RunComparison(names or setup.names, rtol, atol, config.dtype, reference)


def compare_run(setup: Setup, numpy: Side, torch: Side, observers: Sequence[Callable] = (), listeners: Sequence[Callable] = ()) -> RunResult:
    """Step both sides and compare them, until the last step, a divergence, or Ctrl-C (observers, listeners: run_steps).
    The thread pools are held to their shares for the run and restored after, and the sides step at once where that
    pays (parity.engine.threads)."""
    with run_threads(), Stepper(at_once(setup, numpy, torch)) as stepper:
        return _compare_steps(setup, numpy, torch, stepper, observers, listeners)


def _compare_steps(setup: Setup, numpy: Side, torch: Side, stepper: Stepper, observers: Sequence[Callable],
                   listeners: Sequence[Callable]) -> RunResult:
    config = setup.config
    comparison = run_comparison(setup)
    failure: FailureContext | None = None
    divergence: Divergence | None = None
    interrupted = False
    # Each step starts from the parameters the last one recorded: no extra reads on the hot path.
    numpy_before = torch_before = setup.init
    numpy_previous: Record = {}
    torch_previous: Record = {}
    references = StepReferences(numpy, torch, stepper.step) if comparison.reference else None
    started = time.perf_counter()
    try:
        for step in range(1, config.steps + 1):
            rows = setup.rows(step)
            compared = config.compares(step)
            if compared and references is not None:
                references.before_step()
            numpy_record, torch_record = stepper.step(numpy, torch, rows)
            measured = comparison.measure(numpy_record, torch_record) if compared else None
            # every difference finite: neither side holds NaN or Inf, and no second pass over the records is needed
            divergence = None
            if measured is None or not _all_finite(measured, numpy_record, torch_record):
                divergence = Divergence.find(step, numpy_record, torch_record)
                if divergence and divergence.both:
                    break  # NaN against NaN says nothing about parity
            reference = references and references.of_step(rows, config.mode, numpy_before, numpy_previous, torch_before, torch_previous)
            if compared and comparison.add(step, numpy_record, torch_record, reference, measured) is not None:
                failure = FailureContext(step, numpy_before, torch_before, numpy_record, torch_record, numpy_previous, torch_previous)
            for observe in observers:
                observe(step, numpy_record, torch_record)
            for listen in listeners:
                listen(step, comparison.last if compared else None, numpy_record, torch_record)
            if divergence:
                break
            numpy_before = {name: numpy_record[name] for name in setup.init}
            torch_before = select(torch_record, setup.init)  # a device record's tensors stay on the device
            numpy_previous, torch_previous = carried(numpy_record, setup.init), carried(torch_record, setup.init)
            if reshaped(numpy_before, setup.init) or reshaped(torch_before, setup.init):
                break  # a parameter that changed shape is reported at this step; no later step can be compared
            if config.mode == "lockstep":
                torch.load(numpy_before)
                torch_before = numpy_before
    except KeyboardInterrupt:
        interrupted = True
    return RunResult(
        config=config,
        environment={**setup.environment, "seconds": round(time.perf_counter() - started, 3)},
        steps_run=comparison.steps,
        tensors=comparison.tensors,
        first_failure=comparison.first_failure,
        failure_context=failure,
        initial_weights=setup.init,
        interrupted=interrupted,
        divergence=divergence.to_dict() if divergence else None,
        network=setup.network,
        references=comparison.references_taken,
    )


@dataclass(frozen=True)
class Divergence:
    """The first step at which either side produced NaN or Inf, and where."""

    step: int
    numpy_tensor: str | None
    torch_tensor: str | None

    @property
    def both(self) -> bool:
        return self.numpy_tensor is not None and self.torch_tensor is not None

    @classmethod
    def find(cls, step: int, numpy_record: Record, torch_record: Record) -> Divergence | None:
        numpy_tensor, torch_tensor = _first_non_finite(numpy_record), _first_non_finite(torch_record)
        if numpy_tensor is None and torch_tensor is None:
            return None
        return cls(step, numpy_tensor, torch_tensor)

    def to_dict(self) -> dict:
        if self.both:
            summary = f"both sides diverged at step {self.step} (NaN/Inf in numpy {self.numpy_tensor}, torch {self.torch_tensor})"
        else:
            side, tensor = ("NumPy", self.numpy_tensor) if self.numpy_tensor else ("torch", self.torch_tensor)
            summary = f"only the {side} side produced NaN/Inf first, at step {self.step} in {tensor}"
        return {"step": self.step, "numpy_tensor": self.numpy_tensor, "torch_tensor": self.torch_tensor, "summary": summary}


def _all_finite(measured: dict, numpy_record: Record, torch_record: Record) -> bool:
    """Every tensor of both records was compared, and every greatest difference is finite: a NaN or Inf on either
    side makes its difference NaN or Inf."""
    return (len(measured) == len(numpy_record) == len(torch_record) and measured.keys() == numpy_record.keys()
            and all(math.isfinite(c.max_abs) for c in measured.values()))


def _first_non_finite(record: Mapping) -> str | None:
    """The first tensor holding NaN or Inf. A sum is finite unless a term is NaN or Inf (or the sum overflows):
    one pass, no copy, for the common case; a non-finite sum is looked at closely."""
    if isinstance(record, DeviceRecord):
        return record.first_non_finite()
    with np.errstate(all="ignore"):
        if sum(np.size(value) for value in record.values()) <= SMALL:  # a step of small tensors: one sum for all
            if np.isfinite(np.sum(np.concatenate([np.ravel(value) for value in record.values()]))):
                return None
        for name, value in record.items():
            if not _finite_sum(value) and not np.isfinite(value).all():
                return name
    return None


def _finite_sum(value) -> bool:
    """Whether a one-pass sum over the tensor is finite. Of a float array, the sum of squares: BLAS's dot product,
    three times faster than np.sum on a (1024, 256) float32 array; an overflow in it only sends the tensor to the
    close look."""
    array = np.asarray(value)
    if array.dtype.kind != "f" or not array.flags.c_contiguous:
        return bool(np.isfinite(np.sum(array)))
    flat = array.reshape(-1)
    return bool(np.isfinite(np.vdot(flat, flat)))


def reshaped(params: Mapping, init: dict) -> list[str]:
    """The parameters whose shape is no longer the shape they started with."""
    return [name for name in params if shape(params, name) != np.shape(init[name])]


def carried(record: Mapping, params: dict) -> Mapping:
    """What a step hands the next besides its parameters: the gradients and the optimizer's state."""
    return select(record, [name for name in record if "." in name and name.split(".")[0] in params or name == "step_count"])
