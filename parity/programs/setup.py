"""A Setup whose sides are the user's programs, so that the engine, diagnosis and report work unchanged.

    your NumPy network            against the kit's torch twin
    your PyTorch port             against the kit's NumPy network
    your NumPy network and port   against each other

The network's depth, widths and biases are read off the user's program.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import torch as torch_module

from parity.programs.discovery import Discovery, discover
from parity.programs.locations import Location
from parity.programs.network import UserNetwork
from parity.programs.port import PortSide, TorchPort
from parity.programs.port_layers import in_call_order, port_locations, port_sizes
from parity.programs.sides import AdapterSide, UpdatesOnly, UserSide, cast_held_arrays, checked_param, is_adapter
from parity.programs.user_code import UserCode
from parity.config.config import RunConfig
from parity.config.data import Dataset, dataset_for
from parity.config.weights import initial_weights
from parity.engine.record import check_tensor_names
from parity.engine.setup import Setup, resolve_device, run_environment
from parity.engine.sides import Side, numpy_side, torch_side
from parity.errors import InputError
from parity.pristine import kits_code


@dataclass
class Programs:
    """The user's programs, loaded once; a Setup is assembled from them for any settings."""

    data: Dataset
    network: UserNetwork | None = None
    code: UserCode | None = None
    found: Discovery | None = None
    adapter: bool = False
    port: TorchPort | None = None
    port_code: UserCode | None = None
    port_parameters: dict | None = None  # W1 -> the port's parameter, for the report
    sizes: tuple[int, ...] = ()
    bias: bool = True


@kits_code()  # the kit sets up with NumPy as it was before the user's code loaded (parity.pristine)
def prepare_check(config: RunConfig, network: UserNetwork | None = None, bias: bool | None = None,
                  port: TorchPort | None = None, quiet: bool = False) -> Setup:
    """The user's NumPy network, PyTorch port, or both, made ready to run."""
    if network is None and port is None:
        raise InputError("give a NumPy network (FILE.py:NAME), a PyTorch port (--torch FILE.py:NAME), or both")
    data = dataset_for(config)
    programs = Programs(data)
    if network is not None:
        _load_network(programs, network, bias)
    if port is not None:
        _load_port(programs, port, quiet or (network.quiet if network else False))
    return assemble(config, programs, "numpy" if network else "kit", "torch" if port else "twin")


def _load_network(programs: Programs, network: UserNetwork, bias: bool | None) -> None:
    code = UserCode(network)
    if isinstance(code.cls, type) and issubclass(code.cls, torch_module.nn.Module):
        raise InputError(f"{network.target} is an nn.Module: did you mean --torch {network.target}?")
    data = programs.data
    probe = code.build(data.X.copy(), data.y.copy())
    adapter = is_adapter(probe)
    found = _adapter_layout(code, probe, data) if adapter else discover(probe, data.X, data.y, network.locations())
    found = _with_bias_choice(found, bias)
    programs.network, programs.code, programs.found, programs.adapter = network, code, found, adapter
    programs.sizes, programs.bias = found.sizes, found.bias


def _load_port(programs: Programs, port: TorchPort, quiet: bool) -> None:
    code = UserCode(port.program(quiet), option="--torch")
    model = code.build(programs.data.X.copy(), programs.data.y.copy())
    locations = port_locations(model, port.params)
    try:
        sizes = port_sizes(model, locations, programs.data)
    except InputError:
        if port.params or (pairs := in_call_order(model, programs.data.X)) is None:
            raise
        port = replace(port, params=pairs)  # every later copy of the port names its layers as the forward pass calls them
        locations = port_locations(model, port.params)
        sizes = port_sizes(model, locations, programs.data)
    bias = "b1" in locations
    if programs.network is not None and (sizes, bias) != (programs.sizes, programs.bias):
        raise InputError(f"the NumPy network has widths {programs.sizes} {'with' if programs.bias else 'without'} biases, "
                         f"but the port {sizes} {'with' if bias else 'without'}: the two programs must be the same network")
    programs.port, programs.port_code = port, code
    programs.port_parameters = {name: location.describe() for name, location in locations.items()}
    programs.sizes, programs.bias = sizes, bias


def assemble(config: RunConfig, programs: Programs, numpy: str, torch: str) -> Setup:
    """A Setup pairing `numpy` ("numpy": the user's network, "kit": the kit's) with `torch` ("torch": the port, "twin")."""
    config = replace(config, hidden=programs.sizes[1:-1], bias=programs.bias)
    data = programs.data
    config.network(data.X.shape[1], data.y.shape[1])  # a family that does not fit the data is refused here
    init = initial_weights(config, data)
    device = resolve_device(config.device)
    shapes = {name: init[name].shape for name in init}
    # the output is compared where both sides record it: the kit's always, your network's with --output, your port's
    # with the default step, or, with its own --torch-step, against your network's --output (its first forward pass)
    numpy_output = programs.network.output is not None if numpy == "numpy" else True
    torch_output = (not programs.port.step or numpy == "numpy") if torch == "torch" else True
    with_output = numpy_output and torch_output

    if config.world_size > 1:
        return _distributed(config, programs, numpy, torch, init, shapes)

    def make_sides() -> tuple[Side, Side]:
        return _numpy_side(config, programs, numpy, init, shapes, with_output), _torch_side(config, programs, torch, init, shapes, device, with_output)

    names = check_tensor_names(programs.bias, with_output, len(programs.sizes) - 1)
    user_sides = tuple(side for side, kind in (("numpy", numpy), ("torch", torch)) if kind in ("numpy", "torch"))

    def remake(other: RunConfig, side: str, transposed: tuple[str, ...]) -> Setup:
        flipped = _flipped(programs, transposed) if side == "numpy" and transposed else programs
        if other.dtype != flipped.data.X.dtype.name:  # the same rows, in the other dtype (the float64 check of a leak)
            data = flipped.data
            flipped = replace(flipped, data=Dataset(data.X.astype(other.dtype), data.y.astype(other.dtype), data.source))
        return assemble(other, flipped, "numpy" if side == "numpy" else "kit", "torch" if side == "torch" else "twin")

    return Setup(config, data, init, run_environment(config, device), make_sides, names, _described(programs, config),
                 user_sides=user_sides, remake=remake)


def _distributed(config: RunConfig, programs: Programs, numpy: str, torch: str, init, shapes) -> Setup:
    """The NumPy side on the whole batch against the port (or the twin) under DDP, every rank building its replica.
    Compared: each parameter's update and the parameters, and rank_spread; the output lives in shards."""
    from parity.config.distributed import loss_convention
    from parity.engine.distributed import distributed_side
    from parity.engine.replica import TwinReplica
    from parity.engine.setup import RANK_SPREAD, WithRankSpread
    from parity.programs.port_replica import PortReplica

    data = programs.data
    replica = PortReplica(config, programs.port, shapes) if torch == "torch" else TwinReplica(config, updates_only=True)
    side_class = distributed_side(config, len(data.X))

    def make_sides() -> tuple[Side, Side]:
        return (WithRankSpread(_numpy_side(config, programs, numpy, init, shapes, False)),
                side_class(config, data, init, replica))

    names = (*check_tensor_names(programs.bias, False, len(programs.sizes) - 1), RANK_SPREAD)
    own_step = torch == "torch" and bool(programs.port.step)
    environment = {**run_environment(config, torch_module.device("cpu")), "world_size": config.world_size,
                   "loss_convention": loss_convention(config, own_step)}
    user_sides = tuple(side for side, kind in (("numpy", numpy), ("torch", torch)) if kind in ("numpy", "torch"))
    return Setup(config, data, init, environment, make_sides, names, _described(programs, config), user_sides=user_sides)


def _numpy_side(config, programs: Programs, kind: str, init, shapes, with_output: bool) -> Side:
    if kind == "kit":
        return UpdatesOnly(numpy_side(config, programs.data, init), with_output)
    given = programs.data.X.copy(), programs.data.y.copy()
    net = programs.code.build(*given)
    cast_held_arrays(net, config.dtype)
    side = (AdapterSide(programs.code, net, programs.data, shapes, config.dtype, given) if programs.adapter
            else UserSide(programs.code, net, programs.data, programs.found.locations, shapes, config.dtype, given))
    side.load(init)
    return side


def _torch_side(config, programs: Programs, kind: str, init, shapes, device, with_output: bool) -> Side:
    if kind == "twin":
        return UpdatesOnly(torch_side(config, programs.data, init, device), with_output)
    model = programs.port_code.build(programs.data.X.copy(), programs.data.y.copy())
    model.to(device=device, dtype=getattr(torch_module, config.dtype))  # the run's dtype and device, as the kit's own twin
    side = PortSide(programs.port_code, programs.port, model, config, programs.data, port_locations(model, programs.port.params), shapes, device)
    side.records_output = with_output
    side.load(init)
    return side


def _flipped(programs: Programs, names: tuple[str, ...]) -> Programs:
    """The same programs with these weights read in the other layout."""
    locations = dict(programs.found.locations)
    for name in names:
        location = locations[name]
        locations[name] = Location(location.expression, not location.transposed)
    return replace(programs, found=replace(programs.found, locations=locations))


TORCH_LOSSES = {"sse": "F.mse_loss(reduction='sum')", "half-sse": "0.5 * F.mse_loss(reduction='sum')", "mse": "F.mse_loss",
                "half-mse": "0.5 * F.mse_loss", "bce": "F.binary_cross_entropy_with_logits",
                "bce-sum": "F.binary_cross_entropy_with_logits(reduction='sum')", "ce": "F.cross_entropy",
                "ce-sum": "F.cross_entropy(reduction='sum')"}


def kit_supplied(programs: Programs, config: RunConfig) -> str | None:
    """Where the port's own step is not used: which loss and optimizer the kit trains it with, and the training
    function its file defines, which --torch-step would use."""
    port = programs.port
    if port is None or port.step:
        return None
    from parity.programs.written.setup import training_function

    loss = port.loss or f"the kit's {TORCH_LOSSES[config.loss]}"
    optimizer = port.optimizer or f"the kit's torch.optim optimizer for --optimizer {config.optimizer} (lr={config.lr:g})"
    trainer = training_function(vars(programs.port_code.module)) if programs.port_code else None
    own = f"not your {trainer}(); pass --torch-step \"{trainer}(model, optimizer, X, y)\"" if trainer else "pass --torch-step to use your own step"
    return f"torch side: {loss} and {optimizer}, {own}"


def _described(programs: Programs, config: RunConfig) -> dict:
    described: dict[str, Any] = {"network": programs.network.target if programs.network else None}
    if programs.network:
        found = programs.found
        described.update({**programs.network.to_dict(), "adapter": programs.adapter,
                          "parameters": {n: loc.describe() for n, loc in found.locations.items()},
                          "found": list(found.found),
                          "square_layout_assumed": [f"{n} as {'(out, in)' if found.locations[n].transposed else '(in, out)'}"
                                                    for n in found.square_layout_assumed]})
    if programs.port:
        described.update({**programs.port.to_dict(), "torch_parameters": programs.port_parameters,
                          "kit_supplied": kit_supplied(programs, config)})
    return described


def _adapter_layout(code: UserCode, net: Any, data: Dataset) -> Discovery:
    """The widths of a network behind the adapter protocol, read off get_params()."""
    params = code.run_user(net.get_params, "get_params")
    if not isinstance(params, dict) or "W1" not in params:
        raise InputError("get_params() must return a dict of NumPy arrays named W1, b1, W2, b2, ... (NumPy layout)")
    sizes = [data.X.shape[1]]
    for layer in range(1, sum(1 for n in params if str(n).startswith("W")) + 1):
        W = np.asarray(params.get(f"W{layer}"))
        if W.ndim != 2 or W.shape[0] != sizes[-1]:
            raise InputError(f"get_params()['W{layer}'] has shape {W.shape}, but must be ({sizes[-1]}, width) in the NumPy layout")
        sizes.append(W.shape[1])
    if sizes[-1] != data.y.shape[1]:
        raise InputError(f"the last weight has {sizes[-1]} outputs, but the data has {data.y.shape[1]} targets")
    bias = "b1" in params
    for layer, width in enumerate(sizes[1:], 1):
        if bias:
            checked_param(f"b{layer}", np.asarray(params.get(f"b{layer}", np.empty(0))), (width,), f"get_params()['b{layer}']", 0)
    names = tuple(f"{kind}{layer}" for layer in range(1, len(sizes)) for kind in ("W", "b") if kind == "W" or bias)
    return Discovery({name: Location(f"get_params()[{name!r}]") for name in names}, tuple(sizes), ())


def _with_bias_choice(found: Discovery, bias: bool | None) -> Discovery:
    if bias is None or bias == found.bias:
        return found
    if bias:
        raise InputError("--bias, but no bias was found on the network: name them with --param EXPR=b1, --param EXPR=b2, ...")
    locations = {name: loc for name, loc in found.locations.items() if name[0] == "W"}
    return replace(found, locations=locations, found=tuple(n for n in found.found if n[0] == "W"), sizes=found.sizes)
