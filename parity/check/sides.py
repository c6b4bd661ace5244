"""The user's network and the torch twin as the two sides of a check: both record updates, not gradients."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from numpy_net import Params
from parity.check.network import labelled
from parity.check.user_code import UserCode
from parity.config.data import Dataset
from parity.engine.record import Record, make_check_record
from parity.engine.sides import TorchSide, cast_arrays
from parity.errors import InputError


class UserSide:
    """The user's network behind the Side interface; records updates, not gradients."""

    def __init__(self, code: UserCode, net: Any, data: Dataset, mapping: dict[str, str], shapes: dict[str, tuple], dtype: str) -> None:
        self.code, self.net, self.X, self.y = code, net, data.X, data.y
        self.mapping, self.shapes, self.dtype = mapping, shapes, dtype
        self.user_shapes = {name: np.shape(getattr(net, attribute)) for name, attribute in mapping.items()}
        self.steps = 0

    def load(self, params: Params) -> None:
        """Write parameters into the user's attributes, in the user's own shape (a (1, h) bias stays (1, h))."""
        for name, attribute in self.mapping.items():
            setattr(self.net, attribute, params[name].reshape(self.user_shapes[name]).astype(self.dtype))

    def params(self) -> Params:
        return {name: self._read(name) for name in self.mapping}

    def _read(self, name: str) -> np.ndarray:
        attribute = self.mapping[name]
        if not hasattr(self.net, attribute):
            raise InputError(f"step {self.steps}: the network has no attribute {attribute!r} any more (--param {attribute}={name})")
        value = np.array(getattr(self.net, attribute), copy=True)
        if value.size != int(np.prod(self.shapes[name])):
            raise InputError(
                f"step {self.steps}: {attribute} has shape {value.shape}; {name} must be {self.shapes[name]} "
                "(NumPy layout: W of shape (in, out))"
            )
        if value.dtype.kind not in "biuf" or not np.isfinite(value).all():
            raise InputError(f"step {self.steps}: {labelled(attribute, name)} holds NaN, Inf or non-numbers after the step")
        return value.reshape(self.shapes[name])

    def step(self) -> Record:
        self.steps += 1
        before = self.params()
        self.code.step(self.net, self.X, self.y, self.steps)
        output = None
        if self.code.network.output is not None:
            output = self.code.run_user(lambda: np.array(getattr(self.net, self.code.network.output), copy=True), "reading --output", self.steps)
        return make_check_record(output, before, self.params())

    def promoted(self) -> UserSide:
        net = cast_arrays(copy.deepcopy(self.net))
        data = Dataset(self.X.astype(np.float64), self.y.astype(np.float64), "float64 copy")
        side = UserSide(self.code, net, data, self.mapping, self.shapes, "float64")
        side.user_shapes, side.steps = self.user_shapes, self.steps
        return side


class TorchUpdates:
    """The torch twin, recording updates like a UserSide."""

    def __init__(self, side: TorchSide, output: bool) -> None:
        self.side, self.output = side, output

    def load(self, params: Params) -> None:
        self.side.load(params)

    def params(self) -> Params:
        return self.side.params()

    def step(self) -> Record:
        before = self.side.params()
        record = self.side.step()
        return make_check_record(record["output"] if self.output else None, before, {p: record[p] for p in before})

    def promoted(self) -> TorchUpdates:
        return TorchUpdates(self.side.promoted(), self.output)
