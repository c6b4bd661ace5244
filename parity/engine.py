"""Running the two sides in step and comparing them as they go."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

import numpy_net
import torch_net
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

Params = dict[str, np.ndarray]


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
    with torch_net.numerics(config.allow_tf32, config.deterministic):
        report = compare_run(setup, *setup.make_sides())
        if not report.passed:
            report.diagnosis, report.oracles = diagnose(setup, report)
    return report


def compare_run(setup: Setup, numpy: Side, torch: Side) -> Report:
    config = setup.config
    rtol, atol = config.tolerances
    comparison = RunComparison(tensor_names(config.bias), rtol, atol, config.dtype)
    failure: FailureContext | None = None
    started = time.perf_counter()
    for step in range(1, config.steps + 1):
        before = (numpy.params(), torch.params()) if failure is None else None
        numpy_record, torch_record = numpy.step(), torch.step()
        if comparison.add(step, numpy_record, torch_record) is not None:
            failure = FailureContext(step, *before, numpy_record, torch_record)
        if config.mode == "lockstep":
            torch.load(numpy.params())
    return Report(
        config=config,
        environment={**setup.environment, "seconds": round(time.perf_counter() - started, 3)},
        steps_run=comparison.steps,
        tensors=comparison.tensors,
        first_failure=comparison.first_failure,
        failure_context=failure,
        initial_weights=setup.init,
    )
