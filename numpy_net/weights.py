"""Shared initial weights: seeded, in the NumPy layout, saved as .npz."""

from __future__ import annotations

from typing import BinaryIO

import numpy as np

from numpy_net.network import Params


def layer_sizes(inputs: int, hidden: int | tuple[int, ...], outputs: int) -> tuple[int, ...]:
    hidden = (hidden,) if isinstance(hidden, int) else tuple(hidden)
    return (inputs, *hidden, outputs)


def param_names(layers: int, bias: bool = True) -> tuple[str, ...]:
    """W1, b1, W2, b2, ...: the order parameters are listed and saved in."""
    return tuple(name for layer in range(1, layers + 1) for name in (f"W{layer}", f"b{layer}") if bias or name[0] == "W")


def param_shapes(inputs: int, hidden: int | tuple[int, ...], outputs: int, bias: bool = True) -> dict[str, tuple[int, ...]]:
    """The NumPy layout: W_l of shape (in, out), b_l of shape (out,)."""
    sizes = layer_sizes(inputs, hidden, outputs)
    shapes = {}
    for layer in range(1, len(sizes)):
        shapes[f"W{layer}"] = (sizes[layer - 1], sizes[layer])
        if bias:
            shapes[f"b{layer}"] = (sizes[layer],)
    return shapes


def init_weights(
    inputs: int, hidden: int | tuple[int, ...], outputs: int, bias: bool = True, dtype: str = "float32", seed: int = 0
) -> Params:
    """U(-1/√fan_in, 1/√fan_in), the distribution nn.Linear draws from.

    The draw is made in float64 and then rounded, so a float32 run and a
    float64 run with the same seed start from the same point. The weights
    are drawn first, then the biases, layer by layer.
    """
    rng = np.random.default_rng(seed)
    shapes = param_shapes(inputs, hidden, outputs, bias)

    def uniform(name: str) -> np.ndarray:
        fan_in = shapes[f"W{name[1:]}"][0]
        bound = 1 / np.sqrt(fan_in)
        return rng.uniform(-bound, bound, size=shapes[name]).astype(dtype)

    draw_order = [n for n in shapes if n[0] == "W"] + [n for n in shapes if n[0] == "b"]
    params = {name: uniform(name) for name in draw_order}
    return {name: params[name] for name in shapes}


def save_weights(file: str | BinaryIO, params: Params) -> None:
    np.savez(file, **params)


def load_weights(file: str | BinaryIO) -> Params:
    with np.load(file, allow_pickle=False) as archive:
        return {name: archive[name] for name in archive.files if name[:1] in "Wb" and name[1:].isdigit()}
