"""The user's network and the torch twin as the two sides of a check: both record updates, not gradients.

A user's network is reached in one of two ways: through --param locations
and a --step (UserSide), or through the adapter protocol (AdapterSide), a
class with get_params() -> dict, set_params(dict) and step(X, y), for code
no expression can drive: a module-level script, scalar weights, a train()
that loops.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from numpy_net import Params
from parity.programs.locations import Location
from parity.programs.network import labelled
from parity.programs.user_code import UserCode
from parity.config.data import Dataset
from parity.engine.batches import Rows
from parity.engine.record import Record, make_check_record
from parity.engine.sides import Side, cast_arrays
from parity.errors import InputError

ADAPTER_METHODS = ("get_params", "set_params", "step")


def is_adapter(net: Any) -> bool:
    return all(callable(getattr(net, method, None)) for method in ADAPTER_METHODS)


class NetworkSide:
    """What a user's NumPy network does as a side, however it is reached: step, record, copy into float64."""

    def __init__(self, code: UserCode, net: Any, data: Dataset, shapes: dict[str, tuple], dtype: str,
                 built_with: tuple[np.ndarray, np.ndarray] = ()) -> None:
        # its own copy of the data: a network that writes into its inputs must not change the other side's
        self.code, self.net, self.X, self.y = code, net, data.X.copy(), data.y.copy()
        self.shapes, self.dtype, self.steps = shapes, dtype, 0
        # (name, what the network was given, what it should still hold): watched for writes after each step
        self.watched = [("X", self.X, data.X), ("y", self.y, data.y), *zip(("X", "y"), built_with, (data.X, data.y))]
        self.inputs_written: tuple[int, str] | None = None  # (step, "X" or "y"): the first write seen

    def params(self) -> Params:
        raise NotImplementedError

    def take_step(self, X: np.ndarray, y: np.ndarray) -> None:
        raise NotImplementedError

    def step(self, rows: Rows) -> Record:
        self.steps += 1
        before = self.params()
        X, y = self.X[rows], self.y[rows]
        self.take_step(X, y)
        self._watch_inputs(X, y, rows)
        output = self.code.output(self.net, self.steps) if self.code.output_code else None
        return make_check_record(output, before, self.params())

    def _watch_inputs(self, X: np.ndarray, y: np.ndarray, rows: Rows) -> None:
        """Note the first step after which the data the network was given no longer hold what they held."""
        if self.inputs_written is not None or not self.watched:
            return
        batch = [("X", X, self.watched[0][2][rows]), ("y", y, self.watched[1][2][rows])]
        for name, given, original in [*self.watched, *batch]:
            if given.shape != original.shape or not np.array_equal(given, original):
                self.inputs_written = (self.steps, name)
                return

    def promoted(self) -> NetworkSide:
        side = copy.copy(self)
        side.net = cast_arrays(copy.deepcopy(self.net))
        side.X, side.y, side.dtype = self.X.astype(np.float64), self.y.astype(np.float64), "float64"
        side.watched = []  # the oracle's float64 copy: what the network does to its data was seen in the run
        return side


class UserSide(NetworkSide):
    """The user's network, its parameters at --param locations, one step a --step."""

    def __init__(self, code: UserCode, net: Any, data: Dataset, locations: dict[str, Location], shapes: dict[str, tuple], dtype: str,
                 built_with: tuple[np.ndarray, np.ndarray] = ()) -> None:
        super().__init__(code, net, data, shapes, dtype, built_with)
        self.locations = locations
        self.user_shapes = {name: np.shape(location.raw(net)) for name, location in locations.items()}

    def load(self, params: Params) -> None:
        """Write parameters into the user's network, in its own layout and shape (a (1, h) bias stays (1, h))."""
        for name, location in self.locations.items():
            location.write(self.net, params[name].astype(self.dtype), self.user_shapes[name])

    def params(self) -> Params:
        return {name: self._read(name) for name in self.locations}

    def _read(self, name: str) -> np.ndarray:
        location = self.locations[name]
        try:
            value = location.read(self.net)
        except Exception as error:  # the attribute, key or item is gone
            where = labelled(location.describe(), name)
            raise InputError(f"step {self.steps}: cannot read {where} any more ({type(error).__name__}: {error})") from None
        return checked_param(name, value, self.shapes[name], location.describe(), self.steps)

    def take_step(self, X: np.ndarray, y: np.ndarray) -> None:
        self.code.step(self.steps, net=self.net, X=X, y=y)


class AdapterSide(NetworkSide):
    """A network behind the adapter protocol; parameters in the kit's layout, biases (h,), (1, h) or (h, 1)."""

    def load(self, params: Params) -> None:
        self.code.run_user(lambda: self.net.set_params({n: v.astype(self.dtype) for n, v in params.items()}), "set_params", self.steps or None)

    def params(self) -> Params:
        found = self.code.run_user(self.net.get_params, "get_params", self.steps or None)
        if not isinstance(found, dict) or set(found) != set(self.shapes):
            raise InputError(f"step {self.steps}: get_params() must return a dict with {', '.join(self.shapes)}, got {_keys(found)}")
        return {name: checked_param(name, np.array(found[name], copy=True), self.shapes[name], f"get_params()[{name!r}]", self.steps) for name in self.shapes}

    def take_step(self, X: np.ndarray, y: np.ndarray) -> None:
        self.code.run_user(lambda: self.net.step(X, y), "step(X, y)", self.steps)


def cast_held_arrays(net: Any, dtype: str) -> None:
    """Cast the float arrays a freshly built network holds (its optimizer's state, a velocity made with np.zeros_like
    from float64 weights) to the run's dtype, as a port's model.to(dtype) casts its own. Arrays that share memory with
    another (views into one flat vector) keep their dtype: casting one would cut it from the others."""
    found: list[tuple[Any, Any, np.ndarray]] = []  # (container, key, array)

    def collect(container: Any, depth: int) -> None:
        items = (vars(container).items() if hasattr(container, "__dict__") and not isinstance(container, type)
                 else container.items() if isinstance(container, dict) else enumerate(container) if isinstance(container, list) else ())
        for key, value in list(items):
            if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.dtype != np.dtype(dtype):
                found.append((container, key, value))
            elif depth < 4 and isinstance(value, (dict, list)) or (hasattr(value, "__dict__") and depth < 2 and not callable(value)):
                collect(value, depth + 1)

    collect(net, 0)
    for container, key, value in found:
        if any(other is not value and np.may_share_memory(value, other) for _, _, other in found):
            continue
        cast = value.astype(dtype)
        try:
            if isinstance(container, (dict, list)):
                container[key] = cast
            else:
                setattr(container, key, cast)
        except (AttributeError, TypeError):  # a read-only attribute: the program keeps its own array
            continue


def _keys(found: Any) -> str:
    return ", ".join(map(str, found)) if isinstance(found, dict) else type(found).__name__


def checked_param(name: str, value: np.ndarray, shape: tuple, where: str, step: int) -> np.ndarray:
    """A parameter read from the user's network, in the kit's shape, or one clear InputError."""
    if value.dtype.kind not in "biuf":
        raise InputError(f"step {step}: {where} holds {value.dtype} values, not numbers")
    if value.size != int(np.prod(shape)) or (value.ndim == 2 and len(shape) == 2 and value.shape != shape):
        layout = "" if name[0] == "b" else " (NumPy layout: W of shape (in, out); add .T to --param for a weight stored (out, in))"
        raise InputError(f"step {step}: {where} has shape {value.shape}; {name} must be {shape}{layout}")
    if not np.isfinite(value).all():
        raise InputError(f"step {step}: {labelled(where, name)} holds NaN or Inf after the step")
    return value.reshape(shape)


class UpdatesOnly:
    """Any side, recording what a check compares: the output, each parameter's update, the parameters."""

    def __init__(self, side: Side, output: bool) -> None:
        self.side, self.records_output = side, output

    def load(self, params: Params) -> None:
        self.side.load(params)

    def params(self) -> Params:
        return self.side.params()

    def step(self, rows: Rows) -> Record:
        before = self.side.params()
        record = self.side.step(rows)
        return make_check_record(record["output"] if self.records_output else None, before, {p: record[p] for p in before})

    def promoted(self) -> UpdatesOnly:
        return UpdatesOnly(self.side.promoted(), self.records_output)
