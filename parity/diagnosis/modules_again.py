"""The port's modules built again, one argument at a time: a flag flipped, an optional argument given (max_norm=0.1)
set back to None, a number set back to its default (LayerNorm's eps, LeakyReLU's negative_slope). Where one change
makes the port's loss at the step's shared start the NumPy program's, the two programs part at that argument.
Measured by stepping the port with the module changed; nothing is looked up."""

from __future__ import annotations

import inspect
from typing import Any, Iterator

import numpy as np
from torch import nn

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed

MOST_CHANGES = 24
SKIPPED = {"inplace", "training", "device", "dtype", "_is_hf_initialized"}
MATCH = 1e-6


def modules_again(setup: Any, built: Any, step: int) -> Finding | None:
    """The one module argument whose change gives the NumPy program's loss, said; None where none does."""
    numpy_side, torch_side = replayed(setup, built, step)
    rows = setup.rows(step)
    numpy_loss, port_loss = (_loss(side.step(rows)) for side in (numpy_side, torch_side))
    model = built.make_sides()[1].names.get("model")
    if numpy_loss is None or port_loss is None or not isinstance(model, nn.Module):
        return None
    for path, module, flag, value, other in list(_changes(model))[:MOST_CHANGES]:
        change = _setter(path, flag, other)
        try:
            _, changed = replayed(setup, built, step, change)
            loss = _loss(changed.step(rows))
        except Exception:  # noqa: BLE001 - a change the port cannot run with is no alternative
            continue
        if loss is not None and abs(loss - numpy_loss) <= MATCH * max(abs(numpy_loss), 1e-12):
            name = type(module).__name__
            return Finding("forward", f"At the shared start of step {step} the port's loss is {port_loss:.6g}, the NumPy "
                           f"program's {numpy_loss:.6g}. The port builds {path or 'the model'} as {name}({flag}={value!r}); "
                           f"with {flag}={other!r} its loss is {loss:.6g}, the NumPy program's (measured): the two programs "
                           f"part at that argument of {name}.", {"step": step, "stage": "forward", "module": path,
                                                                 "argument": flag, "side": "torch"},
                           f"Build {name} with {flag}={other!r}, or compute the NumPy program as that argument does.", 0.9)
    return None


def _changes(model: nn.Module) -> Iterator[tuple[str, nn.Module, str, Any, Any]]:
    for path, module in model.named_modules():
        accepted = inspect.signature(type(module).__init__).parameters
        for flag, value in vars(module).items():
            if flag in SKIPPED or flag not in accepted or flag.startswith("_"):
                continue
            default = accepted[flag].default
            if isinstance(value, bool):
                yield path, module, flag, value, not value
            elif isinstance(value, (int, float)) and default is None:
                yield path, module, flag, value, None  # an option given: left out
            elif isinstance(value, (int, float)) and isinstance(default, (int, float)) and not isinstance(default, bool) \
                    and value != default:
                yield path, module, flag, value, default


def _setter(path: str, flag: str, other: Any):
    def change(torch_side: Any) -> None:
        setattr(dict(torch_side.names["model"].named_modules())[path], flag, other)
    return change


def _loss(record: dict) -> float | None:
    return float(np.ravel(record["loss"])[0]) if "loss" in record else None
