"""A Setup whose NumPy side is the user's network, so that the engine, diagnosis and report work unchanged."""

from __future__ import annotations

from dataclasses import replace

from parity.check.mapping import expected_shapes, resolve_mapping
from parity.check.network import UserNetwork
from parity.check.sides import TorchUpdates, UserSide
from parity.check.user_code import UserCode
from parity.config.config import RunConfig
from parity.config.data import load_dataset
from parity.config.weights import initial_weights
from parity.engine.record import check_tensor_names
from parity.engine.setup import Setup, resolve_device, run_environment
from parity.engine.sides import Side, torch_side
from parity.errors import InputError


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
    device = resolve_device(config.device)
    with_output = network.output is not None

    def make_sides() -> tuple[Side, Side]:
        user = UserSide(code, code.build(data.X.copy(), data.y.copy()), data, mapping, shapes, config.dtype)
        user.load(init)
        return user, TorchUpdates(torch_side(config, data, init, device), with_output)

    described = {**network.to_dict(), "params": mapping}
    return Setup(config, data, init, run_environment(config, device), make_sides, check_tensor_names(mapped_bias, with_output), described)
