"""A Setup whose NumPy side is the user's network, so that the engine, diagnosis and report work unchanged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from parity.check.discovery import Discovery, discover
from parity.check.locations import Location
from parity.check.network import UserNetwork
from parity.check.sides import AdapterSide, UpdatesOnly, UserSide, checked_param, is_adapter
from parity.check.user_code import UserCode
from parity.config.config import RunConfig
from parity.config.data import Dataset, load_dataset
from parity.config.weights import initial_weights
from parity.engine.record import check_tensor_names
from parity.engine.setup import Setup, resolve_device, run_environment
from parity.engine.sides import Side, torch_side
from parity.errors import InputError


def prepare_check(config: RunConfig, network: UserNetwork, bias: bool | None = None) -> Setup:
    """The user's network against the torch twin; its depth, widths and biases are read off the network."""
    code = UserCode(network)
    data = load_dataset(config.data, config.dtype, config.seed, config.target, one_hot=config.loss.startswith("ce"))
    probe = code.build(data.X.copy(), data.y.copy())
    adapter = is_adapter(probe)
    found = _adapter_layout(code, probe, data) if adapter else discover(probe, data.X, data.y, network.locations())
    found = _with_bias_choice(found, bias)
    return _assemble(config, network, code, data, found, adapter)


def _assemble(config: RunConfig, network: UserNetwork, code: UserCode, data: Dataset, found: Discovery, adapter: bool) -> Setup:
    """The Setup of a check, once the network is loaded and its parameters found; again for other settings."""
    config = replace(config, hidden=found.sizes[1:-1], bias=found.bias)
    config.network(data.X.shape[1], data.y.shape[1])  # a family that does not fit the data is refused here
    init = initial_weights(config, data)
    device = resolve_device(config.device)
    shapes = {name: init[name].shape for name in init}
    with_output = network.output is not None

    def make_sides() -> tuple[Side, Side]:
        net = code.build(data.X.copy(), data.y.copy())
        user = AdapterSide(code, net, data, shapes, config.dtype) if adapter else UserSide(code, net, data, found.locations, shapes, config.dtype)
        user.load(init)
        return user, UpdatesOnly(torch_side(config, data, init, device), with_output)

    described = {**network.to_dict(), "adapter": adapter, "parameters": {n: loc.describe() for n, loc in found.locations.items()},
                 "found": list(found.found), "square_layout_assumed": list(found.square_layout_assumed)}
    names = check_tensor_names(found.bias, with_output, len(found.sizes) - 1)
    return Setup(config, data, init, run_environment(config, device), make_sides, names, described, user_sides=("numpy",),
                 remake=lambda other: _assemble(other, network, code, data, found, adapter))


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
    return replace(found, locations=locations, found=tuple(n for n in found.found if n[0] == "W"))
