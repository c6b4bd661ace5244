"""The user's own PyTorch port as one side of a check.

The port is an nn.Module in the user's file, built with --torch-init
(default NAME()). Its parameters are the nn.Linear layers in order (W_l is
layer.weight transposed, b_l its bias) unless --torch-param names them
(`fc1.weight=W1.T`). It trains with --torch-optimizer (default: the
torch.optim optimizer that --optimizer and --lr name) and --torch-loss
(default: the torch loss that --loss names), or a --torch-step of its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import torch_net
from numpy_net import Params
from parity.programs.network import UserNetwork, checked_fields
from parity.engine.sides import faithful_copy, state_to_float64
from parity.programs.sides import checked_param
from parity.programs.user_code import UserCode
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.engine.batches import Rows
from parity.engine.narrower import NARROWER, narrower_arithmetic
from parity.engine.record import Record, make_check_record
from parity.errors import InputError
from parity.programs.port_layers import TorchLocation

DEFAULT_TORCH_STEP = "optimizer.zero_grad(); loss_fn(model(X), y).backward(); optimizer.step()"


@dataclass(frozen=True)
class TorchPort:
    """How to load and drive the user's PyTorch port."""

    target: str  # FILE.py:NAME
    init: str = ""  # default NAME()
    params: tuple[str, ...] = field(default_factory=tuple)  # --torch-param NAME=W1.T, as given
    optimizer: str = ""  # an expression; default from --optimizer and --lr
    loss: str = ""  # an expression giving loss_fn(output, y); default from --loss
    step: str = ""  # statements; default: zero_grad, loss_fn(model(X), y).backward(), step

    def __post_init__(self) -> None:
        checked_fields(self, {})

    def program(self, quiet: bool) -> UserNetwork:
        name = self.target.rpartition(":")[2]
        return UserNetwork(self.target, self.init or f"{name}()", self.step or DEFAULT_TORCH_STEP, (), None, quiet)

    def to_dict(self) -> dict:
        return {"torch": self.target, "torch_init": self.init, "torch_params": list(self.params),
                "torch_optimizer": self.optimizer, "torch_loss": self.loss, "torch_step": self.step}

    @classmethod
    def from_dict(cls, fields: dict) -> TorchPort | None:
        if not fields.get("torch"):
            return None
        return cls(fields["torch"], fields.get("torch_init", ""), tuple(fields.get("torch_params", ())),
                   fields.get("torch_optimizer", ""), fields.get("torch_loss", ""), fields.get("torch_step", ""))


class PortSide:
    """The port behind the Side interface, recording the output, updates and parameters. With its own --torch-step the
    output, where it is compared (records_output), is that of the step's first call of the model: its forward pass."""

    records_output = False  # with its own step: the output is compared (set by the setup); the default step always records it

    def __init__(self, code: UserCode, port: TorchPort, model: nn.Module, config: RunConfig, data: Dataset,
                 locations: dict[str, TorchLocation], shapes: dict[str, tuple], device: torch.device) -> None:
        self.code, self.port, self.model, self.config = code, port, model, config
        self.driven: nn.Module = model  # what steps call: the model, or the DistributedDataParallel wrapping it
        self.locations, self.shapes, self.steps = locations, shapes, 0
        self.narrower: tuple[str, ...] = ()  # the narrower float types its step computed in (autocast, .half()), seen at step 1
        self.X = torch.tensor(data.X, device=device)
        self.y = torch.tensor(data.y, device=device)
        # what the data should still hold: a port that writes into its X or y is a finding (diagnosis/inputs.py)
        self.kept: tuple[torch.Tensor, torch.Tensor] | None = (self.X.clone(), self.y.clone())
        self.inputs_written: tuple[int, str] | None = None
        self.optimizer = self._optimizer()
        self.loss_fn = self._loss()
        self.returns_logits: bool | None = None  # decided at the first step, from what the model returns

    def _optimizer(self) -> torch.optim.Optimizer:
        c = self.config
        if not self.port.optimizer:
            return torch_net.make_optimizer(c.optimizer, self.model.parameters(), c.lr, c.momentum, c.dampening, c.betas, c.eps,
                                         c.weight_decay)
        expression = self.code.compile(self.port.optimizer, "--torch-optimizer", "eval")
        return self.code.run_user(lambda: eval(expression, self.scope()), "--torch-optimizer")

    def _loss(self) -> Callable:
        if not self.port.loss:
            return lambda output, y: port_loss(self.config.loss, self.config.output_activation, output, y, self.returns_logits)
        expression = self.code.compile(self.port.loss, "--torch-loss", "eval")
        return self.code.run_user(lambda: eval(expression, self.scope()), "--torch-loss")

    def scope(self, **names: Any) -> dict[str, Any]:
        return self.code.scope(model=self.driven, torch=torch, nn=nn, F=F, lr=self.config.lr,
                               world_size=self.config.world_size, **names)

    def load(self, params: Params) -> None:
        for name, location in self.locations.items():
            location.write(self.model, params[name])

    def params(self) -> Params:
        return {name: checked_param(name, loc.read(self.model), self.shapes[name], loc.describe(), self.steps) for name, loc in self.locations.items()}

    def step(self, rows: Rows) -> Record:
        self.steps += 1
        if isinstance(rows, np.ndarray):
            rows = torch.as_tensor(rows, device=self.X.device)
        X, y = self.X[rows], self.y[rows]
        before = self.params()
        output = None
        if self.port.step:
            names = {"optimizer": self.optimizer, "loss_fn": self.loss_fn, "X": X, "y": y}
            seen: list = []
            hook = self.driven.register_forward_hook(lambda module, args, out: seen.append(out)) if self.records_output else None
            try:
                with narrower_arithmetic(self.steps == 1 and self.config.dtype in NARROWER, self.config.dtype) as seen:
                    self.code.run_user(lambda: exec(self.code.step_code, self.scope(**names)), "--torch-step", self.steps)
                self.narrower = self.narrower or tuple(seen)
            finally:
                if hook is not None:
                    hook.remove()
            output = self._first_forward(seen) if hook is not None else None
        else:
            with narrower_arithmetic(self.steps == 1 and self.config.dtype in NARROWER, self.config.dtype) as seen:
                output = self.code.run_user(lambda: self._default_step(X, y), "the port's step", self.steps)
            self.narrower = self.narrower or tuple(seen)
        self._watch_inputs(X, y, rows)
        return make_check_record(output, before, self.params())

    def _watch_inputs(self, X: torch.Tensor, y: torch.Tensor, rows) -> None:
        """Note the first step after which the X or y the port was given no longer hold the data."""
        if self.inputs_written is not None or self.kept is None:
            return
        for name, given, kept in (("X", X, self.kept[0][rows]), ("y", y, self.kept[1][rows])):
            if not torch.equal(given, kept):
                self.inputs_written = (self.steps, name)
                return

    def _first_forward(self, seen: list) -> np.ndarray:
        if not seen or not torch.is_tensor(seen[0]):
            raise InputError(f"step {self.steps}: --output is compared with the port's forward output, but --torch-step never called "
                             "the model (model(X)) for a tensor; drop --output")
        out = seen[0].detach()
        logits = returns_logits(out, self.config.output_activation)  # for the record only: the port's own loss_fn is its own
        # in the run's dtype: a step under torch.autocast returns bfloat16, which NumPy has no type for
        return (activate(out, self.config.output_activation) if logits else out).to(getattr(torch, self.config.dtype)).cpu().numpy().copy()

    def _default_step(self, X: torch.Tensor, y: torch.Tensor) -> np.ndarray:
        self.optimizer.zero_grad()
        out = self.driven(X)
        if self.returns_logits is None:
            self.returns_logits = returns_logits(out, self.config.output_activation)
        self.loss_fn(out, y).backward()
        self.optimizer.step()
        probabilities = activate(out.detach(), self.config.output_activation) if self.returns_logits else out.detach()
        return probabilities.cpu().numpy().copy()

    def promoted(self) -> PortSide:
        side = copy.copy(self)
        side.kept = None  # the oracle's float64 copy: what the port does to its data was seen in the run
        side.model, side.optimizer = faithful_copy((self.model, self.optimizer))
        side.driven = side.model
        side.model.double()  # in place: the optimizer still holds the same parameters
        state_to_float64(side.optimizer)
        side.X, side.y = self.X.double(), self.y.double()
        side.loss_fn = side._loss() if self.port.loss else self.loss_fn
        return side


def returns_logits(out: torch.Tensor, output_activation: str) -> bool:
    """Does the model return logits rather than the output unit's values? Probabilities lie in [0, 1]
    (and sum to 1 across a softmax row); logits, in general, do not."""
    if output_activation == "linear":
        return False
    values = out.detach()
    in_range = bool(((values >= 0) & (values <= 1)).all())
    if output_activation == "softmax":
        return not (in_range and torch.allclose(values.sum(dim=1), torch.ones(1, dtype=values.dtype, device=values.device), atol=1e-4))
    return not in_range


def activate(logits: torch.Tensor, output_activation: str) -> torch.Tensor:
    return torch_net.model.ACTIVATIONS[output_activation](logits)


def port_loss(name: str, output_activation: str, out: torch.Tensor, y: torch.Tensor, logits: bool | None) -> torch.Tensor:
    """The torch loss that --loss names, on whatever the port's forward returns (probabilities or logits)."""
    if logits:
        return torch_net.loss_function(name)(out, activate(out, output_activation), y)
    if name in ("bce", "bce-sum"):
        return F.binary_cross_entropy(out, y, reduction="mean" if name == "bce" else "sum")
    if name in ("ce", "ce-sum"):
        per_row = -(y * torch.log(out)).sum(dim=1)
        return per_row.mean() if name == "ce" else per_row.sum()
    return torch_net.loss_function(name)(None, out, y)
