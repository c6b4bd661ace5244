"""The `parity check` arguments every case file builds its cases with: one place for the port's step and optimizer."""

from __future__ import annotations

from typing import Callable

STEP = ["--torch-step", "train_step(model, optimizer, X, y)"]
OPT = ["--torch-optimizer", "make_optimizer(model, lr)"]


def in_folder(folder: str) -> tuple[Callable[..., list[str]], Callable[..., list[str]]]:
    """(port, numpy_net) for the programs in this folder: a port checked alone against the kit's NumPy network, and a
    NumPy network checked alone against the kit's torch twin."""

    def port(file: str, name: str = "Net", *extra: str, step: bool = True) -> list[str]:
        return ["--torch", f"{folder}{file}:{name}", *(STEP if step else []), *extra]

    def numpy_net(file: str, name: str, *extra: str) -> list[str]:
        return [f"{folder}{file}:{name}", *extra]

    return port, numpy_net
