"""Which of the port's parameters are the kit's W_l and b_l: --torch-param as given, else its nn.Linear layers in the
order the module lists them, or, where that order does not chain, in the order a forward pass calls them."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from parity.config.data import Dataset
from parity.errors import InputError


@dataclass(frozen=True)
class TorchLocation:
    """A parameter of the port by its name in named_parameters(), and whether the kit's W is its transpose."""

    name: str
    transposed: bool

    def describe(self) -> str:
        return f"{self.name}.T" if self.transposed else self.name

    def tensor(self, model: nn.Module) -> torch.Tensor:
        return dict(model.named_parameters())[self.name]

    def read(self, model: nn.Module) -> np.ndarray:
        value = self.tensor(model).detach().cpu().numpy()
        return np.array(value.T if self.transposed else value, order="C", copy=True)

    def write(self, model: nn.Module, value: np.ndarray) -> None:
        target = self.tensor(model)
        with torch.no_grad():
            target.copy_(torch.as_tensor(np.ascontiguousarray(value.T if self.transposed else value)).reshape(target.shape))


def port_locations(model: nn.Module, given: tuple[str, ...]) -> dict[str, TorchLocation]:
    """--torch-param PARAMETER=NAME[.T] as given, else the nn.Linear layers in the order the module lists them."""
    if not isinstance(model, nn.Module):
        raise InputError(f"--torch-init built a {type(model).__name__}, not an nn.Module: the port must be a torch module")
    named = dict(model.named_parameters())
    if given:
        found = {}
        for pair in given:
            parameter, _, kit_name = pair.rpartition("=")
            transposed = kit_name.endswith(".T")
            kit_name = kit_name.removesuffix(".T")
            if parameter not in named:
                raise InputError(f"--torch-param {pair!r}: the port has no parameter {parameter!r} (it has {', '.join(named) or 'none'})")
            if not (kit_name[:1] in ("W", "b") and kit_name[1:].isdigit()):
                raise InputError(f"--torch-param {pair!r}: expected PARAMETER=NAME with NAME one of W1..WL, b1..bL, e.g. fc1.weight=W1.T")
            found[kit_name] = TorchLocation(parameter, transposed)
        return found
    linears = [(name, module) for name, module in model.named_modules() if isinstance(module, nn.Linear)]
    if not linears:
        raise InputError("found no nn.Linear layers in the port: name its parameters with --torch-param PARAMETER=W1.T, ...")
    found = {}
    for number, (name, module) in enumerate(linears, 1):
        prefix = f"{name}." if name else ""
        found[f"W{number}"] = TorchLocation(f"{prefix}weight", True)
        if module.bias is not None:
            found[f"b{number}"] = TorchLocation(f"{prefix}bias", False)
    return found


def in_call_order(model: nn.Module, X: np.ndarray) -> tuple[str, ...] | None:
    """--torch-param pairs for the port's nn.Linear layers in the order a forward pass on a few rows calls them, or None
    where that pass fails or leaves a layer uncalled. For a port whose declaration order does not chain (a ModuleDict
    declared head first and applied in an explicit order); where both orders chain, the declaration names the layers."""
    modules = {module: f"{name}." if name else "" for name, module in model.named_modules() if isinstance(module, nn.Linear)}
    called: list[nn.Module] = []
    probe = copy.deepcopy(model)  # a forward pass may count calls or keep state: the user's model is left as built
    copies = dict(zip(probe.modules(), model.modules()))
    hooks = [module.register_forward_hook(lambda module, args, out: called.append(copies[module]))
             for module in probe.modules() if isinstance(module, nn.Linear)]
    first = next(probe.parameters())
    try:
        with torch.no_grad(), torch.random.fork_rng(devices=[]):
            probe(torch.as_tensor(X[:4], dtype=first.dtype, device=first.device))
    except Exception:  # noqa: BLE001 - a forward that needs more than X keeps the declaration order
        return None
    finally:
        for hook in hooks:
            hook.remove()
    order = list(dict.fromkeys(called))
    if set(order) != set(modules):
        return None
    pairs = []
    for number, module in enumerate(order, 1):
        pairs.append(f"{modules[module]}weight=W{number}.T")
        if module.bias is not None:
            pairs.append(f"{modules[module]}bias=b{number}")
    return tuple(pairs)


def port_sizes(model: nn.Module, locations: dict[str, TorchLocation], data: Dataset) -> tuple[int, ...]:
    """inputs, hidden..., outputs as the port's weights chain them; one clear line where they do not fit the data."""
    sizes = [data.X.shape[1]]
    layers = sum(1 for name in locations if name[0] == "W")
    for layer in range(1, layers + 1):
        if f"W{layer}" not in locations:
            raise InputError(f"--torch-param maps no W{layer}, but W{layers} is mapped")
        W = locations[f"W{layer}"].read(model)
        if W.ndim != 2 or W.shape[0] != sizes[-1]:
            raise InputError(f"the port's {locations[f'W{layer}'].describe()} gives W{layer} of shape {W.shape}, but it must be ({sizes[-1]}, width) (NumPy layout)")
        sizes.append(W.shape[1])
    if sizes[-1] != data.y.shape[1]:
        raise InputError(f"the port's last layer has {sizes[-1]} outputs, but the data has {data.y.shape[1]} targets")
    return tuple(sizes)
