"""A run made ready: its data, device, shared weights, and how to build fresh sides.

The Setup is what every later stage works from: the engine steps the sides
it makes, and the diagnosis replays them to re-examine a failing step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

import numpy as np

import numpy_net
import torch_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset, dataset_for
from parity.config.weights import initial_weights
from parity.engine.batches import BatchSchedule, Rows
from parity.engine.environment import environment
from parity.engine.record import tensor_names
from parity.engine.sides import Side, numpy_side, torch_side
from parity.errors import InputError


class Remake(Protocol):
    """The user's program on `side` ("numpy" or "torch", one of Setup.user_sides) against the kit's twin, under
    other settings (`config`), with the square weights named in `transposed` (family.Member.transposed: weight names
    such as "W1") read in the other layout. The diagnosis calls it to try a family member's settings."""

    def __call__(self, config: RunConfig, side: str, transposed: tuple[str, ...]) -> Setup: ...


@dataclass
class Setup:
    """Everything a run needs before its first step."""

    config: RunConfig
    data: Dataset
    init: Params
    environment: dict
    make_sides: Callable[[], tuple[Side, Side]]
    names: tuple[str, ...] = ()  # the tensors compared each step, in order of computation
    network: dict | None = None  # for `parity check`: how the user's network was loaded and driven
    batches: BatchSchedule = field(default=None)  # type: ignore[assignment]  # full batch unless given
    user_sides: tuple[str, ...] = ()  # "numpy", "torch": the sides that are the user's own programs
    remake: Remake | None = field(default=None, repr=False)  # the same programs under other settings (Remake)
    # `parity check` of two programs as written (parity.programs.written): their code, names and pairing
    written: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.names = self.names or tensor_names(self.config.bias, len(self.config.hidden) + 1, self.config.optimizer)
        if self.batches is None:
            self.batches = schedule(self.config, len(self.data.X))

    @property
    def spec(self) -> numpy_net.NetworkSpec:
        return self.config.network(self.data.X.shape[1], self.data.y.shape[1])

    def rows(self, step: int) -> Rows:
        return self.batches.rows(step)

    def batch(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """The data of step `step`, X and y, in the run's dtype."""
        rows = self.rows(step)
        return self.data.X[rows], self.data.y[rows]

    def replay(self, step: int, fresh: tuple[Side, Side] | None = None) -> tuple[Side, Side]:
        """Fresh sides (new ones, or these, made by make_sides and changed before their first step) brought to the
        state just before `step`, as the run brought them."""
        numpy, torch = fresh or self.make_sides()
        for earlier in range(1, step):
            rows = self.rows(earlier)
            numpy.step(rows), torch.step(rows)
            if self.config.mode == "lockstep":
                torch.load(numpy.params())
        return numpy, torch


def schedule(config: RunConfig, rows: int) -> BatchSchedule:
    return BatchSchedule(rows, config.batch_size, config.shuffle, config.seed)


def prepare(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Setup:
    """The kit's NumPy network against its torch twin; numpy_trainer lets a variant (a mutant) stand in."""
    data = dataset_for(config)
    config.network(data.X.shape[1], data.y.shape[1])  # a family that does not fit the data is refused here
    device = resolve_device(config.device)
    init = initial_weights(config, data)

    if config.world_size > 1:
        return distributed_setup(config, data, init, numpy_trainer)

    def make_sides() -> tuple[Side, Side]:
        return numpy_side(config, data, init, numpy_trainer), torch_side(config, data, init, device)

    def remake(other: RunConfig, side: str, transposed: tuple[str, ...]) -> Setup:
        """The same pair under other settings: the kit's twins hold no user program on a side, nor a weight
        stored in the other layout, so side and transposed change nothing."""
        return prepare(other, numpy_trainer)

    return Setup(config, data, init, run_environment(config, device), make_sides, remake=remake)


def distributed_setup(config: RunConfig, data: Dataset, init: Params, numpy_trainer: type[numpy_net.Trainer]) -> Setup:
    """The NumPy network on the whole batch against the torch twin under DDP. Compared: the loss, the averaged
    gradients, the optimizer state and the parameters (the forward tensors live in shards on the ranks), and
    rank_spread, how far the ranks' parameters are from each other, which must be 0."""
    from parity.config.distributed import loss_convention
    from parity.engine.distributed import distributed_side
    from parity.engine.replica import TwinReplica

    side_class = distributed_side(config, len(data.X))
    names = (*(n for n in tensor_names(config.bias, len(config.hidden) + 1, config.optimizer)
               if not n.startswith(("hidden", "output"))), RANK_SPREAD)

    def make_sides() -> tuple[Side, Side]:
        return WithRankSpread(numpy_side(config, data, init, numpy_trainer)), side_class(config, data, init, TwinReplica(config))

    environment = {**run_environment(config, torch_net.resolve_device("cpu")), "world_size": config.world_size,
                   "loss_convention": loss_convention(config)}
    return Setup(config, data, init, environment, make_sides, names)


RANK_SPREAD = "rank_spread"


class WithRankSpread:
    """The single-process NumPy side, whose one "rank" agrees with itself: rank_spread 0 in every record."""

    def __init__(self, side: Side) -> None:
        self.side = side

    def load(self, params: Params) -> None:
        self.side.load(params)

    def params(self) -> Params:
        return self.side.params()

    def step(self, rows: Rows):
        record = self.side.step(rows)
        return {**record, RANK_SPREAD: np.zeros((), dtype=record["W1"].dtype)}

    def promoted(self) -> WithRankSpread:
        return WithRankSpread(self.side.promoted())


def resolve_device(name: str):
    try:
        return torch_net.resolve_device(name)
    except ValueError as error:
        raise InputError(str(error)) from None


def run_environment(config: RunConfig, device) -> dict:
    """The environment block of the report, read with the run's numeric switches in force."""
    with torch_net.numerics(config.allow_tf32, config.deterministic):
        return environment(device, config.allow_tf32, config.deterministic)
