"""RunConfig: everything a parity run depends on, validated once."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from numpy_net import HIDDEN_ACTIVATIONS, LOSSES, OPTIMIZERS, OUTPUT_ACTIVATIONS, NetworkSpec, family_problem
from parity.errors import ArgumentError, InputError, expect
from parity.tolerance.table import DEFAULT_TOLERANCES

DTYPES = ("float32", "float64")
DEVICES = ("auto", "cpu", "cuda")
MODES = ("lockstep", "free")

# Where a check of your own programs (`parity check`, check(), assert_parity with numpy= or torch=) departs from
# RunConfig's defaults, which `parity run` and run() take: a learning rate of 1, the rate of code that adds its
# gradient step straight into the weights. The command line and the API both read defaults(): one set of defaults.
CHECK_DEFAULTS: dict[str, Any] = {"lr": 1.0}


@dataclass(frozen=True)
class RunConfig:
    """One parity run. The CLI builds it, the API takes it, the JSON report stores it.

    rtol and atol left as None take the dtype's defaults (DEFAULT_TOLERANCES).
    """

    data: str = "xor"
    target: tuple[str, ...] = ()
    hidden: tuple[int, ...] = (4,)  # units per hidden layer; an int is one layer
    hidden_activation: str = "sigmoid"
    output_activation: str = "sigmoid"
    bias: bool = True
    loss: str = "sse"
    optimizer: str = "sgd"
    lr: float = 0.5
    momentum: float = 0.9
    dampening: float = 0.0
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    weight_decay: float = 0.0  # Adam's L2 weight decay, as torch.optim.Adam(weight_decay=...)
    steps: int = 1000
    batch_size: int | None = None  # None: every step takes the whole data set
    shuffle: bool = False  # with batch_size: a fresh seeded order each epoch
    check_every: int = 1  # compare every k-th step (and the first and the last); every step is checked for NaN/Inf
    seed: int = 0
    dtype: str = "float32"
    device: str = "auto"
    mode: str = "lockstep"
    rtol: float | None = None
    atol: float | None = None
    weights: str | None = None
    allow_tf32: bool = False
    deterministic: bool = False
    world_size: int = 1  # >1: the torch side as DistributedDataParallel over this many processes
    ddp_sum_scaling: bool = True  # multiply a sum loss by world_size on every rank, since DDP averages

    def __post_init__(self) -> None:
        _numpy_scalars_as_python(self)
        for name, kind in (("data", str), ("weights", (str, type(None))), ("bias", bool), ("shuffle", bool), ("allow_tf32", bool), ("deterministic", bool), ("ddp_sum_scaling", bool)):
            if not isinstance(getattr(self, name), kind):
                raise InputError(f"{name} must be {'a string' if kind is str else 'true or false' if kind is bool else 'a path or null'}, got {getattr(self, name)!r}")
        for name in ("target", "betas"):
            if not isinstance(getattr(self, name), (list, tuple)):
                raise InputError(f"{name} must be a list, got {getattr(self, name)!r}")
        object.__setattr__(self, "target", tuple(self.target))
        object.__setattr__(self, "betas", tuple(self.betas))
        object.__setattr__(self, "hidden", _hidden_sizes(self.hidden))
        _check_choice("loss", self.loss, LOSSES)
        _check_choice("hidden-activation", self.hidden_activation, HIDDEN_ACTIVATIONS)
        _check_choice("output-activation", self.output_activation, OUTPUT_ACTIVATIONS)
        problem = family_problem(self.hidden_activation, self.output_activation, self.loss, outputs=2)
        if problem:
            raise InputError(problem)
        _check_choice("optimizer", self.optimizer, OPTIMIZERS)
        _check_choice("dtype", self.dtype, DTYPES)
        _check_choice("device", self.device, DEVICES)
        _check_choice("mode", self.mode, MODES)
        _check_int("steps", self.steps, minimum=1)
        if self.batch_size is not None:
            _check_int("batch-size", self.batch_size, minimum=1)
        _check_int("check-every", self.check_every, minimum=1)
        _check_int("seed", self.seed, minimum=0)
        _check_int("world-size", self.world_size, minimum=1)
        if self.world_size > 1 and self.mode != "lockstep":
            raise InputError("--world-size runs in lockstep mode only")
        _check_real("lr", self.lr, positive=True)
        _check_real("eps", self.eps, positive=True)
        _check_real("weight_decay", self.weight_decay, positive=False)
        if self.weight_decay and self.optimizer != "adam":
            raise InputError(f"--weight-decay is Adam's (torch.optim.Adam's L2 term); --optimizer is {self.optimizer}")
        _check_fraction("momentum", self.momentum)
        _check_fraction("dampening", self.dampening)
        if len(self.betas) != 2:
            raise InputError(f"--betas takes two numbers, got {len(self.betas)}")
        for beta in self.betas:
            _check_fraction("betas", beta)
        for name in ("rtol", "atol"):
            if getattr(self, name) is not None:
                _check_real(name, getattr(self, name), positive=False)
        largest, smallest = float(np.finfo(self.dtype).max), float(np.finfo(self.dtype).tiny)
        if self.lr < smallest:  # 1e-50 is 0 in float32; below the smallest normal number, the rate loses its digits
            raise InputError(f"--lr {self.lr:g} is below {self.dtype}'s smallest normal number ({smallest:.3g}): "
                             "in the run it is 0 or loses its digits")
        if self.lr > largest:
            raise InputError(f"--lr {self.lr:g} does not fit in {self.dtype} (largest {largest:.3g})")
        if self.optimizer == "adam" and self.lr / (1 - self.betas[0]) > largest:
            # torch.optim.Adam casts its first step size, lr / (1 - β1), to the run's dtype
            raise InputError(f"--lr {self.lr:g} makes Adam's first step, lr / (1 - β1), overflow {self.dtype}")
        if self.optimizer == "nesterov" and self.dampening != 0:
            raise InputError("--optimizer nesterov needs --dampening 0 (as torch.optim.SGD does)")

    @property
    def tolerances(self) -> tuple[float, float]:
        """(rtol, atol), the dtype's defaults where not given."""
        default_rtol, default_atol = DEFAULT_TOLERANCES[self.dtype]
        return (
            default_rtol if self.rtol is None else self.rtol,
            default_atol if self.atol is None else self.atol,
        )

    def compares(self, step: int) -> bool:
        """Is this step compared? The first, every check_every-th, and the last."""
        return step == 1 or step == self.steps or step % self.check_every == 0

    def network(self, inputs: int, outputs: int) -> NetworkSpec:
        """The network this run trains, on data of these widths."""
        try:
            return NetworkSpec((inputs, *self.hidden, outputs), self.hidden_activation, self.output_activation, self.loss, self.bias)
        except ValueError as error:
            raise InputError(str(error)) from None

    def describe_network(self) -> str:
        """'4 hidden', or '8,8 hidden, tanh, linear output' where the run leaves the sigmoid default."""
        text = f"{','.join(map(str, self.hidden))} hidden"
        if self.hidden_activation != "sigmoid":
            text += f" {self.hidden_activation}"
        if self.output_activation != "sigmoid":
            text += f", {self.output_activation} output"
        return text

    def to_dict(self) -> dict[str, Any]:
        fields = dataclasses.asdict(self)
        fields["target"], fields["betas"], fields["hidden"] = list(self.target), list(self.betas), list(self.hidden)
        return fields

    # What every report since the first has stored: a config without them is not a report's, and re-running it would
    # silently run the defaults. Fields added later (activations, batches, ...) take their defaults when absent.
    STORED_SINCE_THE_FIRST_REPORT = ("data", "hidden", "loss", "optimizer", "lr", "steps", "seed", "dtype")

    @classmethod
    def from_dict(cls, fields: dict[str, Any], complete: bool = False) -> RunConfig:
        """A config from its dict; complete: a stored report's, which must hold every field a report stores."""
        if not isinstance(fields, dict):
            raise InputError("the report's config is not a mapping of fields")
        missing = [name for name in cls.STORED_SINCE_THE_FIRST_REPORT if name not in fields] if complete else []
        if missing:
            raise InputError(f"the report's config lacks {', '.join(missing)}: it is not a config a report stores")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(fields) - known)
        if unknown:
            raise InputError(f"unknown config field(s) {', '.join(unknown)}")
        try:
            return cls(**fields)
        except TypeError as error:  # a field of the wrong type, e.g. a number where a list belongs
            raise InputError(f"the report's config does not fit: {error}") from None


def defaults(command: str = "run") -> dict[str, Any]:
    """Every RunConfig field's default for a run of the kit's twins ("run") or a check of your programs ("check")."""
    fields = {field.name: field.default for field in dataclasses.fields(RunConfig)}
    return {**fields, **(CHECK_DEFAULTS if command == "check" else {})}


def leave_to_the_command(config: RunConfig, names: tuple[str, ...]) -> RunConfig:
    """Mark fields of config as left at their default, so that a check takes the check's default for them: the
    pytest fixture's config serves assert_parity of the twins and of your programs alike."""
    object.__setattr__(config, "_left_to_the_command", frozenset(names))
    return config


def config_for(command: str, config: RunConfig | None = None, **settings: Any) -> RunConfig:
    """The config a run ("run") or a check ("check") takes: config, or the command's defaults, with settings over it;
    the fields config left to the command (leave_to_the_command) take the command's default."""
    expect("config", config, (RunConfig, type(None)), "a RunConfig, such as RunConfig(loss='mse'), or None")
    unknown = sorted(set(settings) - {field.name for field in dataclasses.fields(RunConfig)})
    if unknown:
        raise ArgumentError(f"no RunConfig field is named {', '.join(unknown)}")
    if config is None:
        return RunConfig(**{**defaults(command), **settings})
    left = getattr(config, "_left_to_the_command", frozenset())
    own = defaults(command)
    changed = {**{name: own[name] for name in left if getattr(config, name) != own[name]}, **settings}
    return dataclasses.replace(config, **changed) if changed else config


def _numpy_scalars_as_python(config: RunConfig) -> None:
    """np.float32(0.5) and np.int64(3) taken as the Python numbers they hold, in lists too: NumPy hands out its
    scalars where Python hands out numbers, and a report stores only Python's. A NumPy bool stays refused."""
    def python(value: Any) -> Any:
        if isinstance(value, (np.integer, np.floating)):
            return value.item()
        return type(value)(python(item) for item in value) if isinstance(value, (list, tuple)) else value

    for field in dataclasses.fields(config):
        object.__setattr__(config, field.name, python(getattr(config, field.name)))


def _hidden_sizes(value: Any) -> tuple[int, ...]:
    """4 or (8, 8): positive integers, one per hidden layer."""
    sizes = (value,) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(sizes, (list, tuple)) and sizes and all(isinstance(s, int) and not isinstance(s, bool) and s >= 1 for s in sizes):
        return tuple(sizes)
    raise InputError(f"--hidden must be an integer >= 1, or several separated by commas such as 8,8, got {value!r}")


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in choices:
        raise InputError(f"unknown {name} {value!r}; expected one of {', '.join(choices)}")


def _check_int(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InputError(f"--{name} must be an integer >= {minimum}, got {value!r}")


def _check_real(name: str, value: float, positive: bool) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or value < 0 or (positive and value == 0):
        wanted = "a finite number > 0" if positive else "a finite number >= 0"
        raise InputError(f"--{name} must be {wanted}, got {value!r}")


def _check_fraction(name: str, value: float) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1
    if not ok:
        raise InputError(f"--{name} must be a number in [0, 1), got {value!r}")
