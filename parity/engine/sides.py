"""The two sides of a run, behind one interface: load weights, step, read weights.

Each side keeps its own copy of the data in its own world (NumPy arrays,
torch tensors on the run's device) and returns step records in the NumPy
layout and the run's dtype.
"""

from __future__ import annotations

import copy
import functools
import types
import weakref
from typing import Any, Protocol

import numpy as np
import torch

import numpy_net
import torch_net
from numpy_net import Params
from parity.config.config import RunConfig
from parity.config.data import Dataset
from parity.engine.batches import Rows
from parity.engine.device_record import DeviceRecord, host
from parity.engine.record import Record, make_record


class Side(Protocol):
    def load(self, params: Params) -> None: ...
    def params(self) -> Params: ...
    def step(self, rows: Rows) -> Record:
        """One training step on these rows of the side's data."""
    def promoted(self) -> Side:
        """A float64 copy of this side in its current state, optimizer state included."""


class NumpySide:
    def __init__(self, trainer: numpy_net.Trainer, data: Dataset) -> None:
        # its own copy: a network that writes into its inputs must not change the other side's data
        self.trainer, self.X, self.y = trainer, data.X.copy(), data.y.copy()

    def load(self, params: Params) -> None:
        self.trainer.params.update({name: value.copy() for name, value in params.items()})

    def params(self) -> Params:
        return {name: value.copy() for name, value in self.trainer.params.items()}

    def snapshot(self) -> Params:
        """The parameters and the optimizer's state: everything a resumed run needs."""
        return {**self.params(), **self.trainer.optimizer.state()}

    def restore(self, snapshot: Params) -> None:
        self.load({name: snapshot[name] for name in self.trainer.params})
        self.trainer.optimizer.load_state({k: v for k, v in snapshot.items() if k not in self.trainer.params})

    def promoted(self) -> NumpySide:
        trainer = cast_arrays(copy.deepcopy(self.trainer))
        return NumpySide(trainer, Dataset(self.X.astype(np.float64), self.y.astype(np.float64), "float64 copy"))

    def reference_from(self, start: Params) -> NumpySide:
        """A float64 copy of this network at the given parameters and optimizer state, sharing one float64 copy of
        the data across calls (a reference is taken at every step that needs one)."""
        if getattr(self, "_data64", None) is None:
            self._data64 = Dataset(self.X.astype(np.float64), self.y.astype(np.float64), "float64 copy")
        trainer = cast_arrays(copy.deepcopy(self.trainer))  # a variant's own attributes too, and none shared
        side = NumpySide.__new__(NumpySide)
        side.trainer, side.X, side.y = trainer, self._data64.X, self._data64.y
        side.restore({name: host(value).astype(np.float64) for name, value in start.items()})
        return side

    def step(self, rows: Rows) -> Record:
        outcome = self.trainer.step(self.X[rows], self.y[rows])
        acts = outcome.activations
        return make_record(acts.layers, acts.output, outcome.loss, outcome.grads, self.params(), self.trainer.optimizer.state())


class TorchSide:
    # Records left on the device (DeviceRecord) and compared there: on a GPU, where each tensor brought to the host
    # is a transfer. None: on any device but the CPU, where NumPy reads torch's memory in place.
    device_records: bool | None = None

    def __init__(self, trainer: torch_net.TorchTrainer, data: Dataset, device: torch.device) -> None:
        self.trainer = trainer
        # W1, b1, ...: the model's own parameter tensors, which training and loading change in place, never replace
        self.parameters = torch_net.linear_parameters(trainer.model.layers)
        self.X = torch.tensor(data.X, device=device)  # a copy, never memory shared with the NumPy arrays
        self.y = torch.tensor(data.y, device=device)
        # the state before any step (a zero buffer, where an optimizer starts from one): a reference of step 1 starts there
        self.initial_state = torch_net.state_to_numpy(trainer.optimizer, self.parameters)

    def load(self, params: Params) -> None:
        torch_net.load_into(self.parameters, params)

    def params(self) -> Params:
        return {name: torch_net.to_numpy(name, p) for name, p in self.parameters.items()}

    def snapshot(self) -> Params:
        return {**self.params(), **torch_net.state_to_numpy(self.trainer.optimizer, self.parameters)}

    def restore(self, snapshot: Params) -> None:
        self.load({name: snapshot[name] for name in self.parameters})
        torch_net.load_state(self.trainer.optimizer, self.parameters, {k: v for k, v in snapshot.items() if k not in self.parameters})

    def promoted(self) -> TorchSide:
        trainer = faithful_copy(self.trainer)
        trainer.model.double()  # in place: the optimizer still holds the same parameters
        state_to_float64(trainer.optimizer)
        data = Dataset(_numpy(self.X).astype(np.float64), _numpy(self.y).astype(np.float64), "float64 copy")
        return TorchSide(trainer, data, self.X.device)

    def reference_from(self, start: Params) -> TorchSide:
        """A float64 copy of the twin at the given parameters and optimizer state (NumPy layout), sharing one float64
        copy of the data across calls."""
        if getattr(self, "_data64", None) is None:
            self._data64 = (self.X.double(), self.y.double())
        trainer = faithful_copy(self.trainer)
        trainer.model.double()  # in place: the optimizer still holds the same parameters
        trainer.optimizer.state.clear()
        side = TorchSide.__new__(TorchSide)
        side.trainer, side.parameters = trainer, torch_net.linear_parameters(trainer.model.layers)
        side.X, side.y = self._data64
        started = any(name not in self.parameters and not name.endswith(".grad") for name in start)
        start = start if started else {**start, **self.initial_state}
        side.restore({name: host(value).astype(np.float64) for name, value in start.items()})
        return side

    def step(self, rows: Rows) -> Record:
        if isinstance(rows, np.ndarray):
            rows = torch.as_tensor(rows, device=self.X.device)
        outcome = self.trainer.step(self.X[rows], self.y[rows])
        fwd, optimizer, parameters = outcome.forward, self.trainer.optimizer, self.parameters
        if self.device_records if self.device_records is not None else self.X.device.type != "cpu":
            grads = {name: torch_net.in_numpy_layout(name, g) for name, g in outcome.grads.items()}
            params = {name: torch_net.in_numpy_layout(name, p) for name, p in parameters.items()}
            return DeviceRecord(make_record([h.detach() for h in fwd.layers], fwd.output.detach(), outcome.loss, grads,
                                            params, torch_net.state_in_numpy_layout(optimizer, parameters)))
        grads = {name: torch_net.to_numpy(name, g) for name, g in outcome.grads.items()}
        return make_record([_numpy(h) for h in fwd.layers], _numpy(fwd.output), _numpy(outcome.loss), grads, self.params(),
                           torch_net.state_to_numpy(optimizer, parameters))


def _numpy(tensor: torch.Tensor) -> np.ndarray:
    """The twin's forward tensors are new at every step: on the CPU the array may share their memory."""
    return tensor.detach().cpu().numpy()


def faithful_copy(obj: Any) -> Any:
    """copy.deepcopy, keeping each tensor's .grad, which deepcopy drops: a port that never zeroes its gradients
    sums them from step to step, and a copy without them would step another program (parity.tolerance's reference
    must be the program itself)."""
    memo: dict = {}
    try:
        copied = copy.deepcopy(obj, memo)
    except RuntimeError:  # a tensor in a graph (an activation kept as self.h): copied detached, as a value
        memo = _detached_non_leaves(obj)
        copied = copy.deepcopy(obj, memo)
    _optimizers_whole(memo)
    for original in memo.get(id(memo), []):
        if isinstance(original, torch.Tensor) and original.grad is not None and id(original) in memo:
            memo[id(original)].grad = original.grad.detach().clone()
    return copied


# an optimizer's own attributes a copy does not take: a step wrapped by a learning-rate scheduler (held by the
# instance, it steps the original through a weak reference), and other functions bound to the original
BOUND_ELSEWHERE = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, functools.partial, weakref.ReferenceType)


def _optimizers_whole(memo: dict) -> None:
    """An optimizer's copy given the attributes its class adds (SAM's base_optimizer, Lookahead's k and counter):
    torch.optim.Optimizer's __getstate__ keeps only its defaults, state and groups. Copied through the same memo, so
    what the two share stays shared (SAM's param_groups are its base optimizer's)."""
    done: set[int] = set()
    while todo := [o for o in memo.get(id(memo), []) if isinstance(o, torch.optim.Optimizer) and id(o) in memo and id(o) not in done]:
        for original in todo:
            done.add(id(original))
            twin = memo[id(original)]
            for key, value in vars(original).items():
                if key not in vars(twin) and not isinstance(value, BOUND_ELSEWHERE):
                    setattr(twin, key, copy.deepcopy(value, memo))


def _detached_non_leaves(obj: Any) -> dict:
    """A deepcopy memo giving every tensor that is not a graph's leaf, reachable through attributes, lists, tuples and
    dicts, as a detached clone: deepcopy refuses such tensors, and a copy needs only their values."""
    memo: dict = {}
    seen: set[int] = set()
    stack = [obj]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, torch.Tensor):
            if value.grad_fn is not None:
                memo[id(value)] = value.detach().clone()
            continue
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            stack.extend(value)
        elif hasattr(value, "__dict__") and not isinstance(value, (type, types.ModuleType, types.FunctionType, types.MethodType)):
            stack.extend(vars(value).values())  # not into modules and functions: a program's own objects only
    return memo


def state_like_parameters(optimizer: Any) -> None:
    """State an optimizer made when it was built (Adagrad's sum) in the dtype and device its parameter has now: the
    model is cast after the port built its optimizer, and a float32 sum would step a float64 run in float32."""
    for parameter, state in getattr(optimizer, "state", {}).items():
        for key, value in state.items():
            if torch.is_tensor(value) and value.is_floating_point() and value.shape == parameter.shape:
                state[key] = value.to(device=parameter.device, dtype=parameter.dtype)


def state_to_float64(optimizer: torch.optim.Optimizer, keep: tuple[str, ...] = ()) -> None:
    """Every floating-point tensor of a torch.optim optimizer's state in float64, in place (but those named in keep)."""
    for state in optimizer.state.values():
        for key, value in state.items():
            if torch.is_tensor(value) and value.is_floating_point() and key not in keep:
                state[key] = value.double()


def cast_arrays(obj: Any, dtype: type = np.float64, seen: dict | None = None) -> Any:
    """Cast every floating-point array reachable through obj's attributes, dicts and lists, in place. What the program
    shares stays shared (one array held in two places becomes one cast array; a dict or list is filled again, not
    replaced), and an object reached again (a layer that holds its network) is cast once."""
    seen = {} if seen is None else seen  # id -> the cast array, or the container or object already cast (shared by calls)

    def cast(value: Any) -> Any:
        if id(value) in seen:
            return seen[id(value)]
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            seen[id(value)] = cast_array(value, dtype, seen)
            return seen[id(value)]
        if isinstance(value, np.floating):
            return dtype(value)
        if isinstance(value, (dict, list)):
            seen[id(value)] = value
            for key in (list(value) if isinstance(value, dict) else range(len(value))):
                value[key] = cast(value[key])
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            cast_arrays(value, dtype, seen)
        return value

    seen[id(obj)] = obj
    for name, value in list(vars(obj).items()):
        setattr(obj, name, cast(value))
    return obj


def cast_array(value: np.ndarray, dtype: Any, seen: dict) -> np.ndarray:
    """value cast; a view into a larger array (a bias among all the parameters in one flat vector) made again as the
    same view into that array cast, once for all its views, so that an update of the whole still reaches each part."""
    root = value.base
    if not isinstance(root, np.ndarray) or root.dtype != value.dtype or not root.flags.c_contiguous:
        return value.astype(dtype)
    whole = seen.setdefault(id(root), root.astype(dtype))
    ratio = np.dtype(dtype).itemsize / value.itemsize
    offset = value.__array_interface__["data"][0] - root.__array_interface__["data"][0]
    return np.ndarray(value.shape, dtype, buffer=whole, offset=int(offset * ratio),
                      strides=tuple(int(stride * ratio) for stride in value.strides))


def numpy_side(
    config: RunConfig, data: Dataset, init: Params, trainer_class: type[numpy_net.Trainer] = numpy_net.Trainer
) -> NumpySide:
    """The reference NumPy network; trainer_class lets a variant (a mutant) stand in."""
    optimizer = numpy_net.make_optimizer(
        config.optimizer, config.lr, config.momentum, config.dampening, config.betas, config.eps, config.weight_decay
    )
    params = {name: value.copy() for name, value in init.items()}
    loss = numpy_net.make_loss(config.loss, config.output_activation)
    trainer = trainer_class(params, loss, optimizer, hidden=config.hidden_activation)
    return NumpySide(trainer, data)


def torch_side(config: RunConfig, data: Dataset, init: Params, device: torch.device) -> TorchSide:
    dtype = getattr(torch, config.dtype)
    model = torch_net.MLP(config.network(data.X.shape[1], data.y.shape[1]), dtype=dtype, device=device)
    torch_net.load_params(model, init)
    optimizer = torch_net.make_optimizer(
        config.optimizer, model.parameters(), config.lr, config.momentum, config.dampening, config.betas, config.eps,
        config.weight_decay,
    )
    trainer = torch_net.TorchTrainer(model, torch_net.loss_function(config.loss), optimizer)
    return TorchSide(trainer, data, device)
