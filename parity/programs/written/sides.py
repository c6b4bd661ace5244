"""Both programs as written, as the two sides of a run: each steps with its own code, keeps its own state.

A side lives in a namespace: the names of the user's file, the names its
--init statements left (net or model, an optimizer, a schedule, a counter),
and, during a step, the batch as X and y. Each step records, by the NumPy
side's names of the parameters:

    loss, output                  the step's loss and forward output, where the programs give them
    P.grad                        each parameter's gradient, where both sides expose it
    P.update                      what the step changed it by
    P                             the parameter after the step
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import torch

from parity.engine.batches import Rows
from parity.engine.device_record import host
from parity.engine.record import Record
from parity.engine.sides import cast_array, cast_arrays, faithful_copy, state_to_float64
from parity.errors import InputError
from parity.programs.written.pairing import report_name
from parity.programs.user_code import UserCode
from parity.programs.written.pairing import Pair, on_net
from parity.programs.written.program import Program


def _scalar(value: Any, what: str, step: int) -> np.ndarray:
    if torch.is_tensor(value):
        value = value.detach().cpu().numpy()
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"step {step}: {what} gave {type(value).__name__}, not a number") from None
    if array.size != 1:
        raise InputError(f"step {step}: {what} gave an array of shape {array.shape}, not one number (the loss)")
    return array.reshape(())


class WrittenSide:
    """What both sides share: stepping, recording, the float64 copy."""

    def __init__(self, code: UserCode, program: Program, names: dict[str, Any], pairs: list[Pair], X, y, dtype: str) -> None:
        self.code, self.program, self.names, self.pairs = code, program, names, pairs
        self.X, self.y, self.dtype, self.steps = X, y, dtype, 0

    # -- what each side defines
    def read(self, pair: Pair) -> np.ndarray: ...
    def write(self, pair: Pair, value: np.ndarray) -> None: ...
    def gradients(self) -> dict[str, np.ndarray] | None: ...
    def state_values(self) -> dict[str, np.ndarray]: ...
    def as_array(self, value: Any) -> np.ndarray: ...
    def batch(self, rows: Rows) -> tuple[Any, Any]: ...

    def load(self, params: dict[str, np.ndarray]) -> None:
        for pair in self.pairs:
            self.write(pair, params[pair.name])

    def params(self) -> dict[str, np.ndarray]:
        return {pair.name: self._in_run_dtype(pair.name, self.read(pair)) for pair in self.pairs}

    def _in_run_dtype(self, name: str, value: np.ndarray) -> np.ndarray:
        """A copy in the dtype the program made it: one in another dtype than the run's is measured and fails as a
        dtype problem (a float64 array leaking into a float32 run), its values shown beside."""
        return np.array(value, copy=True)

    def step(self, rows: Rows) -> Record:
        self.steps += 1
        X, y = self.batch(rows)
        scope = {**self.names, "X": X, "y": y}
        before = self.params()
        loss = self.program.evaluate(self.code, "loss", scope, self.steps) if self.program.loss else None
        returned = self.program.run_step(self.code, scope, self.steps)
        self.names.update({k: v for k, v in scope.items() if k not in ("X", "y")})  # names a step (re)binds persist
        if loss is None and returned is not None:
            loss = returned
        record: Record = {}
        if loss is not None:
            # a loss comes back as a Python number as often as an array: compared in the run's dtype
            record["loss"] = _scalar(loss, self.program.what("loss"), self.steps).astype(self.dtype)
        if self.program.output:
            output = self.program.evaluate(self.code, "output", scope, self.steps)
            record["output"] = self._in_run_dtype("output", self.as_array(output))
        gradients = self.gradients()
        after = self.params()
        for pair in reversed(self.pairs):  # back-propagation order: the output layer first
            if gradients is not None and pair.name in gradients:
                record[f"{pair.name}.grad"] = self._in_run_dtype(f"{pair.name}.grad", gradients[pair.name])
        record.update({name: self._in_run_dtype(name, value) for name, value in self.state_values().items()})
        for pair in self.pairs:
            shape = before[pair.name].shape
            if after[pair.name].shape != shape:
                raise InputError(f"step {self.steps}: {self.program.side} parameter {pair.name} changed shape from "
                                 f"{shape} to {after[pair.name].shape}")
            record[f"{pair.name}.update"] = after[pair.name] - before[pair.name]
        record.update(after)
        return record

    def promoted(self) -> WrittenSide:
        """A float64 copy of the program as it stands, its objects copied together (an optimizer keeps holding the
        copied model's parameters; a schedule, the copied optimizer)."""
        side = copy.copy(self)
        side.names = _float64(faithful_copy({k: v for k, v in self.names.items() if k in self.program.state_names}))
        side.names = {**self.names, **side.names}
        side.X, side.y = _float64_data(self.X), _float64_data(self.y)
        side.dtype = "float64"
        return side


class NumpyProgramSide(WrittenSide):
    def read(self, pair: Pair) -> np.ndarray:
        return self.code.run_user(lambda: np.asarray(eval(pair.numpy, {"np": np}, self._view())), f"reading {pair.numpy}", self.steps)

    def write(self, pair: Pair, value: np.ndarray) -> None:
        target = self.read(pair)
        value = np.asarray(value)
        if target.shape == value.shape and (target.dtype == self.dtype or target.base is not None) and target.flags.writeable:
            target[...] = value  # in place: an optimizer object holding the array, or the array it views, keeps seeing it
        else:
            view = self._view()
            view["__value__"] = value.astype(self.dtype)
            self.code.run_user(lambda: exec(f"{pair.numpy} = __value__", {"np": np}, view), f"writing {pair.numpy}", self.steps)

    def _view(self) -> dict:
        return on_net(self.names["net"])

    def gradients(self) -> dict[str, np.ndarray] | None:
        if not self.program.grads:
            return None
        found = self.program.evaluate(self.code, "grads", {**self.names}, self.steps)
        if not isinstance(found, dict):
            raise InputError(f"step {self.steps}: --grads gave {type(found).__name__}, not a dict keyed like the parameters")
        by_expression = {pair.numpy: pair.name for pair in self.pairs}
        names = {pair.name for pair in self.pairs}
        return {_paired(str(k), by_expression, names): np.asarray(v) for k, v in found.items()}

    def state_values(self) -> dict[str, np.ndarray]:
        """The optimizer state the program keeps, as P.KIND, where its state is paired with torch's (program.state)."""
        found = {}
        for kind, expression in self.program.state.items():
            held = self.code.run_user(lambda: eval(expression, {"np": np}, self._view()), f"reading {expression}", self.steps)
            for pair in self.pairs:
                if isinstance(held, dict) and pair.name in held:
                    found[f"{pair.name}.{kind}"] = np.asarray(held[pair.name])
        return found

    def as_array(self, value: Any) -> np.ndarray:
        return np.asarray(value)

    def batch(self, rows: Rows) -> tuple[Any, Any]:
        return self.X[rows], self.y[rows]


def _paired(key: str, by_expression: dict[str, str], names: set[str]) -> str:
    """A kept gradient's key as its parameter's name: by the parameter's expression, or the key as a report names it (a
    key with a dot, 'h1.b1', is the parameter h1_b1); else the key itself."""
    if key in by_expression:
        return by_expression[key]
    return named if (named := report_name(f"[{key!r}]")) in names else key


class TorchProgramSide(WrittenSide):
    def parameter(self, pair: Pair) -> torch.Tensor:
        return dict(self.names["model"].named_parameters())[pair.torch]

    def read(self, pair: Pair) -> np.ndarray:
        return pair.layout.to_numpy(self.parameter(pair).detach().cpu().numpy())

    def write(self, pair: Pair, value: np.ndarray) -> None:
        target = self.parameter(pair)
        with torch.no_grad():
            target.copy_(torch.as_tensor(pair.layout.to_torch(np.asarray(value)), dtype=target.dtype))

    def gradients(self) -> dict[str, np.ndarray] | None:
        found = {}
        for pair in self.pairs:
            grad = self.parameter(pair).grad
            if grad is not None:
                found[pair.name] = pair.layout.to_numpy(host(grad))
        return found or None

    def state_values(self) -> dict[str, np.ndarray]:
        optimizer = self.names.get("optimizer")
        found = {}
        for pair in self.pairs if isinstance(optimizer, torch.optim.Optimizer) else ():
            held = optimizer.state.get(self.parameter(pair), {})
            for kind in self.program.state:
                if torch.is_tensor(held.get(kind)):
                    found[f"{pair.name}.{kind}"] = pair.layout.to_numpy(host(held[kind]))
        return found

    def set_gradients(self, gradients: dict[str, np.ndarray]) -> None:
        """Each parameter's .grad replaced by the given gradient (in the NumPy layout): what the update then uses."""
        for pair in self.pairs:
            if pair.name in gradients:
                parameter = self.parameter(pair)
                parameter.grad = torch.as_tensor(pair.layout.to_torch(np.asarray(gradients[pair.name])),
                                                 dtype=parameter.dtype, device=parameter.device).clone()

    def as_array(self, value: Any) -> np.ndarray:
        return value.detach().cpu().numpy() if torch.is_tensor(value) else np.asarray(value)

    def batch(self, rows: Rows) -> tuple[Any, Any]:
        if isinstance(rows, np.ndarray):
            rows = torch.as_tensor(rows)
        return self.X[rows], self.y[rows]

    def promoted(self) -> TorchProgramSide:
        side = super().promoted()
        for value in side.names.values():
            if isinstance(value, torch.nn.Module):
                value.double()  # in place: an optimizer holding its parameters keeps them
            elif isinstance(value, torch.optim.Optimizer):
                state_to_float64(value, keep=("step",))
        return side


def _float64(objects: dict[str, Any]) -> dict[str, Any]:
    seen: dict = {}  # one cast for an array two of the names share
    for name, value in objects.items():
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            objects[name] = seen[id(value)] if id(value) in seen else seen.setdefault(id(value), cast_array(value, np.float64, seen))
        elif hasattr(value, "__dict__") and not isinstance(value, (type, torch.nn.Module, torch.optim.Optimizer)):
            cast_arrays(value, np.float64, seen)
    return objects


def _float64_data(value: Any) -> Any:
    if torch.is_tensor(value):
        return value.double() if value.is_floating_point() else value
    return value.astype(np.float64) if value.dtype.kind == "f" else value
