"""Where the user's network keeps W1, b1, W2 and b2: --param as given, or the common tutorial names."""

from __future__ import annotations

from typing import Any

import numpy as np

import numpy_net
from parity.programs.network import labelled
from parity.config.data import Dataset
from parity.errors import InputError

# Attribute names tried, in order, when no --param is given: the common tutorial spellings.
COMMON_NAMES = {
    "W1": ("W1", "w1", "weights1", "weights_1", "weight1"),
    "b1": ("b1", "bias1", "biases1", "bias_1"),
    "W2": ("W2", "w2", "weights2", "weights_2", "weight2"),
    "b2": ("b2", "bias2", "biases2", "bias_2"),
}


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
    missing = [labelled(attribute, name) for name, attribute in mapping.items() if not hasattr(net, attribute)]
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
