"""Running the two sides in step and comparing them as they go."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

import numpy_net
import torch_net
from numpy_net import Params
from parity.compare import RunComparison
from parity.config import RunConfig
from parity.data import Dataset, load_dataset
from parity.diagnose import diagnose
from parity.environment import environment
from parity.errors import InputError
from parity.record import Record, tensor_names
from parity.report import Report
from parity.sides import Side, numpy_side, torch_side
from parity.weights import initial_weights


@dataclass
class FailureContext:
    """Everything needed to re-examine the first failing step, and no more."""

    step: int
    numpy_before: Params
    torch_before: Params
    numpy_record: Record
    torch_record: Record


@dataclass
class Setup:
    """A run made ready: its data, device, shared weights, and how to build fresh sides."""

    config: RunConfig
    data: Dataset
    init: Params
    environment: dict
    make_sides: Callable[[], tuple[Side, Side]]
    names: tuple[str, ...] = ()  # the tensors compared each step, in order of computation
    network: dict | None = None  # for `parity check`: how the user's network was loaded and driven

    def __post_init__(self) -> None:
        self.names = self.names or tensor_names(self.config.bias)

    def replay(self, step: int) -> tuple[Side, Side]:
        """Fresh sides brought to the state just before `step`, as the run brought them."""
        numpy, torch = self.make_sides()
        for _ in range(1, step):
            numpy.step(), torch.step()
            if self.config.mode == "lockstep":
                torch.load(numpy.params())
        return numpy, torch


def prepare(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Setup:
    data = load_dataset(config.data, config.dtype, config.seed, config.target)
    try:
        device = torch_net.resolve_device(config.device)
    except ValueError as error:
        raise InputError(str(error)) from None
    init = initial_weights(config, data)

    def make_sides() -> tuple[Side, Side]:
        return numpy_side(config, data, init, numpy_trainer), torch_side(config, data, init, device)

    with torch_net.numerics(config.allow_tf32, config.deterministic):
        env = environment(device, config.allow_tf32, config.deterministic)
    return Setup(config, data, init, env, make_sides)


def run(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Report:
    """Run both networks config.steps steps from the same weights, compare every step, and diagnose a failure.

    numpy_trainer replaces the reference NumPy trainer with a variant of it,
    which is how a planted porting bug is run.
    """
    return run_setup(prepare(config, numpy_trainer))


def run_setup(setup: Setup) -> Report:
    config = setup.config
    # NaN and Inf are found and reported (see Divergence); NumPy's warnings about them would only be noise.
    with torch_net.numerics(config.allow_tf32, config.deterministic), np.errstate(all="ignore"):
        report = compare_run(setup, *setup.make_sides())
        if not report.passed and not report.interrupted:
            report.diagnosis, report.oracles = diagnose(setup, report)
    return report


def compare_run(setup: Setup, numpy: Side, torch: Side) -> Report:
    """Step both sides and compare them, until the last step, a divergence, or Ctrl-C."""
    config = setup.config
    rtol, atol = config.tolerances
    comparison = RunComparison(setup.names, rtol, atol, config.dtype)
    failure: FailureContext | None = None
    divergence: Divergence | None = None
    interrupted = False
    # Each step starts from the parameters the last one recorded: no extra reads on the hot path.
    numpy_before = torch_before = setup.init
    started = time.perf_counter()
    try:
        for step in range(1, config.steps + 1):
            numpy_record, torch_record = numpy.step(), torch.step()
            divergence = Divergence.find(step, numpy_record, torch_record)
            if divergence and divergence.both:
                break  # NaN against NaN says nothing about parity
            if comparison.add(step, numpy_record, torch_record) is not None:
                failure = FailureContext(step, numpy_before, torch_before, numpy_record, torch_record)
            if divergence:
                break
            numpy_before = {name: numpy_record[name] for name in setup.init}
            torch_before = {name: torch_record[name] for name in setup.init}
            if config.mode == "lockstep":
                torch.load(numpy_before)
                torch_before = numpy_before
    except KeyboardInterrupt:
        interrupted = True
    return Report(
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


def _first_non_finite(record: Record) -> str | None:
    if np.isfinite(np.concatenate([np.ravel(v) for v in record.values()], dtype=np.float64)).all():
        return None  # the common case, in one pass
    return next(name for name, value in record.items() if not np.isfinite(value).all())
