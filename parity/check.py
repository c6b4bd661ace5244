"""`parity check`: a NumPy network the kit did not write, against the torch twin.

The user's class is loaded from its file, built with --init, and driven with
--step; its weights live in attributes (--param ATTR=NAME). Before the first
step the shared initial weights are written into those attributes; after
each step they are read back, and the update each parameter received is
compared with the torch twin's, as are the weights and (with --output) the
forward output of the step.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import os
import traceback
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

import numpy_net
import torch_net
from numpy_net import Params
from parity.config import RunConfig
from parity.data import Dataset, load_dataset
from parity.engine import Setup
from parity.environment import environment
from parity.errors import InputError
from parity.record import PARAMS, Record, check_tensor_names, make_check_record
from parity.sides import Side, TorchSide, cast_arrays, torch_side
from parity.weights import initial_weights

# Attribute names tried, in order, when no --param is given: the common tutorial spellings.
COMMON_NAMES = {
    "W1": ("W1", "w1", "weights1", "weights_1", "weight1"),
    "b1": ("b1", "bias1", "biases1", "bias_1"),
    "W2": ("W2", "w2", "weights2", "weights_2", "weight2"),
    "b2": ("b2", "bias2", "biases2", "bias_2"),
}


@dataclass(frozen=True)
class UserNetwork:
    """How to load and drive the user's network."""

    target: str  # FILE.py:NAME
    init: str = ""  # an expression; empty means NAME(X, y)
    step: str = "net.feedforward(); net.backprop()"
    params: dict[str, str] = field(default_factory=dict)  # kit name (W1...) -> attribute
    output: str | None = None

    @property
    def path(self) -> str:
        return self.target.rpartition(":")[0]

    @property
    def class_name(self) -> str:
        return self.target.rpartition(":")[2]

    @property
    def init_expression(self) -> str:
        return self.init or f"{self.class_name}(X, y)"

    def to_dict(self) -> dict:
        return {"network": self.target, "init": self.init_expression, "step": self.step, "params": self.params, "output": self.output}


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """--param ATTR=NAME, repeatable, into {NAME: ATTR}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        attribute, _, name = pair.partition("=")
        attribute, name = attribute.strip(), name.strip()
        if not attribute or name not in PARAMS:
            raise InputError(f"--param {pair!r}: expected ATTR=NAME with NAME one of {', '.join(PARAMS)}, e.g. weights1=W1")
        if name in mapping:
            raise InputError(f"--param maps {name} twice ({mapping[name]} and {attribute})")
        mapping[name] = attribute
    return mapping


class UserCode:
    """The user's class, and the one place where their code runs, so that its errors read the same everywhere."""

    def __init__(self, network: UserNetwork) -> None:
        self.network = network
        self.cls = self._load_class()
        self.step_code = self._compile(network.step, "--step", "exec")
        self.init_code = self._compile(network.init_expression, "--init", "eval")

    def _load_class(self) -> type:
        path, name = self.network.path, self.network.class_name
        if not path or not name or not path.endswith(".py"):
            raise InputError(f"{self.network.target!r}: expected FILE.py:NAME, e.g. network.py:NeuralNetwork")
        if not os.path.isfile(path):
            raise InputError(f"{path!r}: no such file")
        module_name = f"parity_user_{os.path.splitext(os.path.basename(path))[0]}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        self.run_user(lambda: spec.loader.exec_module(module), f"loading {path}")
        if not hasattr(module, name):
            found = ", ".join(n for n, v in vars(module).items() if isinstance(v, type) and v.__module__ == module_name)
            raise InputError(f"{path} defines no {name!r} (classes there: {found or 'none'})")
        return getattr(module, name)

    def _compile(self, source: str, option: str, mode: str) -> Any:
        try:
            return compile(source, f"<{option}>", mode)
        except SyntaxError as error:
            raise InputError(f"{option} {source!r} is not valid Python: {error.msg}") from None

    def build(self, X: np.ndarray, y: np.ndarray) -> Any:
        scope = {"X": X, "y": y, "np": np, self.network.class_name: self.cls}
        return self.run_user(lambda: eval(self.init_code, scope), "--init")

    def step(self, net: Any, X: np.ndarray, y: np.ndarray, step: int) -> None:
        self.run_user(lambda: exec(self.step_code, {"net": net, "X": X, "y": y, "np": np}), "--step", step)

    def run_user(self, call, what: str, step: int | None = None) -> Any:
        """Call user code with its printing silenced; any exception becomes one line naming where."""
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
                return call()
        except (KeyboardInterrupt, InputError):
            raise
        except BaseException as error:  # the user's code may raise anything, SystemExit included
            at_step = f"step {step}: " if step else ""
            raise InputError(f"{at_step}{what} raised {type(error).__name__}: {error}{self._where(error)}") from None

    def _where(self, error: BaseException) -> str:
        path = os.path.abspath(self.network.path)
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in (path, "<--step>", "<--init>")]
        if not frames:
            return ""
        frame = frames[-1]
        if frame.filename.startswith("<"):
            return f" (in {frame.filename[1:-1]})"
        return f" ({os.path.basename(path)}, line {frame.lineno}: {(frame.line or '').strip()})"


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
            raise InputError(f"step {self.steps}: {attribute} ({name}) holds NaN, Inf or non-numbers after the step")
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


def resolve_mapping(net: Any, given: dict[str, str]) -> dict[str, str]:
    """--param as given, or the common tutorial names found on the network."""
    if given:
        mapping = given
    else:
        mapping = {}
        for name, candidates in COMMON_NAMES.items():
            found = next((c for c in candidates if hasattr(net, c)), None)
            if found:
                mapping[name] = found
    for name in ("W1", "W2"):
        if name not in mapping:
            raise InputError(
                f"no attribute for {name}: name it with --param ATTR={name} "
                f"(tried {', '.join(COMMON_NAMES[name])})"
            )
    missing = [f"{attribute} ({name})" for name, attribute in mapping.items() if not hasattr(net, attribute)]
    if missing:
        raise InputError(f"the network built by --init has no attribute {', '.join(missing)}")
    if ("b1" in mapping) != ("b2" in mapping):
        raise InputError("map both biases or neither: the torch twin has a bias in both layers or in none")
    return mapping


def expected_shapes(net: Any, mapping: dict[str, str], data: Dataset) -> dict[str, tuple]:
    """The NumPy-layout shape each mapped parameter must have; hidden is read off W1."""
    inputs, outputs = data.X.shape[1], data.y.shape[1]
    W1 = np.asarray(getattr(net, mapping["W1"]))
    if W1.ndim != 2 or W1.shape[0] != inputs:
        hint = " It looks transposed: the kit reads W1 as (inputs, hidden)." if W1.ndim == 2 and W1.shape[1] == inputs else ""
        raise InputError(f"{mapping['W1']} has shape {W1.shape}, but X has {inputs} columns: W1 must be ({inputs}, hidden).{hint}")
    hidden = W1.shape[1]
    shapes = numpy_net.param_shapes(inputs, hidden, outputs)
    for name, attribute in mapping.items():
        value = np.asarray(getattr(net, attribute))
        if name == "W2" and value.shape != shapes["W2"]:
            hint = " It looks transposed: the kit reads W2 as (hidden, outputs)." if value.shape == shapes["W2"][::-1] else ""
            raise InputError(f"{attribute} has shape {value.shape}, but W2 must be {shapes['W2']} (hidden {hidden} from W1, {outputs} outputs).{hint}")
        if name.startswith("b") and value.size != shapes[name][0]:
            raise InputError(f"{attribute} has shape {value.shape}, but {name} must hold {shapes[name][0]} values")
    return {name: shapes[name] for name in mapping}


def prepare_check(config: RunConfig, network: UserNetwork, bias: bool | None = None) -> Setup:
    """A Setup whose NumPy side is the user's network; hidden size and bias are read off it."""
    code = UserCode(network)
    data = load_dataset(config.data, config.dtype, config.seed, config.target)
    probe = code.build(data.X.copy(), data.y.copy())
    mapping = resolve_mapping(probe, network.params)
    shapes = expected_shapes(probe, mapping, data)
    mapped_bias = "b1" in mapping
    if bias is not None and bias != mapped_bias:
        raise InputError("--bias needs b1 and b2 mapped with --param" if bias else "--no-bias, but b1 and b2 are mapped")
    config = replace(config, hidden=shapes["W1"][1], bias=mapped_bias)
    init = initial_weights(config, data)
    try:
        device = torch_net.resolve_device(config.device)
    except ValueError as error:
        raise InputError(str(error)) from None
    with_output = network.output is not None

    def make_sides() -> tuple[Side, Side]:
        user = UserSide(code, code.build(data.X.copy(), data.y.copy()), data, mapping, shapes, config.dtype)
        user.load(init)
        return user, TorchUpdates(torch_side(config, data, init, device), with_output)

    with torch_net.numerics(config.allow_tf32, config.deterministic):
        env = environment(device, config.allow_tf32, config.deterministic)
    described = {**network.to_dict(), "params": mapping}
    return Setup(config, data, init, env, make_sides, check_tensor_names(mapped_bias, with_output), described)
