"""Running the two sides in step and comparing them as they go."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

import numpy_net
import torch_net
from parity.compare import RunComparison
from parity.config import RunConfig
from parity.data import Dataset, load_dataset
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


def run(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Report:
    """Run both networks config.steps steps from the same weights and compare every step.

    numpy_trainer replaces the reference NumPy trainer with a variant of it,
    which is how a planted porting bug is run.
    """
    data = load_dataset(config.data, config.dtype, config.seed, config.target)
    try:
        device = torch_net.resolve_device(config.device)
    except ValueError as error:
        raise InputError(str(error)) from None
    init = initial_weights(config, data)
    with torch_net.numerics(config.allow_tf32, config.deterministic):
        return run_sides(
            config,
            data,
            numpy_side(config, data, init, numpy_trainer),
            torch_side(config, data, init, device),
            environment(device, config.allow_tf32, config.deterministic),
            init,
        )


def run_sides(config: RunConfig, data: Dataset, numpy: Side, torch: Side, env: dict, init: Params) -> Report:
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
    env = {**env, "seconds": round(time.perf_counter() - started, 3)}
    return Report(
        config=config,
        environment=env,
        steps_run=comparison.steps,
        tensors=comparison.tensors,
        first_failure=comparison.first_failure,
        failure_context=failure,
        initial_weights=init,
    )
