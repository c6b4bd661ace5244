"""Shared initial weights: seeded, in the NumPy layout, saved as .npz."""

from __future__ import annotations

from typing import BinaryIO

import numpy as np

from numpy_net.network import Params

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def init_weights(
    inputs: int, hidden: int, outputs: int, bias: bool = True, dtype: str = "float32", seed: int = 0
) -> Params:
    """U(-1/√fan_in, 1/√fan_in), the distribution nn.Linear draws from.

    The draw is made in float64 and then rounded, so a float32 run and a
    float64 run with the same seed start from the same point.
    """
    rng = np.random.default_rng(seed)

    def uniform(fan_in: int, shape: tuple[int, ...]) -> np.ndarray:
        bound = 1 / np.sqrt(fan_in)
        return rng.uniform(-bound, bound, size=shape).astype(dtype)

    params = {"W1": uniform(inputs, (inputs, hidden))}
    params["W2"] = uniform(hidden, (hidden, outputs))
    if bias:
        params["b1"] = uniform(inputs, (hidden,))
        params["b2"] = uniform(hidden, (outputs,))
    return {name: params[name] for name in PARAM_NAMES if name in params}


def save_weights(file: str | BinaryIO, params: Params) -> None:
    np.savez(file, **params)


def load_weights(file: str | BinaryIO) -> Params:
    with np.load(file, allow_pickle=False) as archive:
        return {name: archive[name] for name in PARAM_NAMES if name in archive.files}
