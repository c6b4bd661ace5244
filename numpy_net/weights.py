"""Shared initial weights: seeded, in the NumPy layout, saved as .npz."""

from __future__ import annotations

from typing import BinaryIO

import numpy as np

from numpy_net.network import Params

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def param_shapes(inputs: int, hidden: int, outputs: int, bias: bool = True) -> dict[str, tuple[int, ...]]:
    """The NumPy layout: W of shape (in, out), b of shape (out,)."""
    shapes = {"W1": (inputs, hidden), "b1": (hidden,), "W2": (hidden, outputs), "b2": (outputs,)}
    return {name: shape for name, shape in shapes.items() if bias or name.startswith("W")}


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

    shapes = param_shapes(inputs, hidden, outputs, bias)
    fan_in = {"W1": inputs, "b1": inputs, "W2": hidden, "b2": hidden}
    params = {name: uniform(fan_in[name], shapes[name]) for name in ("W1", "W2", "b1", "b2") if name in shapes}  # draw order fixed
    return {name: params[name] for name in PARAM_NAMES if name in params}


def save_weights(file: str | BinaryIO, params: Params) -> None:
    np.savez(file, **params)


def load_weights(file: str | BinaryIO) -> Params:
    with np.load(file, allow_pickle=False) as archive:
        return {name: archive[name] for name in PARAM_NAMES if name in archive.files}
