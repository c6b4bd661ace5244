"""The port's modules built again, one argument at a time: a flag flipped, an optional argument given (max_norm=0.1)
set back to None, a number set back to its default (LayerNorm's eps, LeakyReLU's negative_slope). Where one change
makes the port's loss at the step's shared start the NumPy program's (or its output, where the losses agree: an
evaluation after the step, BatchNorm's running statistics), the two programs part at that argument.
Measured by stepping the port with the module changed; nothing is looked up."""

from __future__ import annotations

import inspect
from typing import Any, Iterator

import numpy as np
from torch import nn

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed
from parity.diagnosis.value_trace import agrees

MOST_CHANGES = 24
SKIPPED = {"inplace", "training", "device", "dtype", "_is_hf_initialized"}
MATCH = 1e-6


def modules_again(setup: Any, built: Any, step: int) -> Finding | None:
    """The one module argument whose change gives the NumPy program's loss (or, where the losses agree, its output: an
    evaluation after the step), said; None where none does."""
    numpy_side, torch_side = replayed(setup, built, step)
    rows = setup.rows(step)
    records = [side.step(rows) for side in (numpy_side, torch_side)]
    model = built.make_sides()[1].names.get("model")
    key = next((k for k in ("loss", "output") if all(k in r for r in records) and not _same(records[1][k], records[0][k])), None)
    if key is None or not isinstance(model, nn.Module):
        return None  # the port's own values are the NumPy program's already: no change can be told by them
    mine, theirs = (np.asarray(r[key], np.float64) for r in records)
    for path, module, flag, value, other in list(_changes(model))[:MOST_CHANGES]:
        change = _setter(path, flag, other)
        try:
            _, changed = replayed(setup, built, step, change)
            made = changed.step(rows).get(key)
        except Exception:  # noqa: BLE001 - a change the port cannot run with is no alternative
            continue
        if made is not None and _same(made, mine):
            name, said = type(module).__name__, _said(key, mine, theirs, np.asarray(made, np.float64))
            return Finding("forward", f"At the shared start of step {step} the port's {said[0]}. The port builds {path or 'the model'} "
                           f"as {name}({flag}={value!r}); with {flag}={other!r} its {said[1]} the NumPy program's (measured): "
                           f"the two programs part at that argument of {name}.", {"step": step, "stage": "forward", "module": path,
                                                                                  "argument": flag, "side": "torch"},
                           f"Build {name} with {flag}={other!r}, or compute the NumPy program as that argument does.", 0.9)
    return None


def _same(value: Any, reference: np.ndarray) -> bool:
    value, reference = np.asarray(value, np.float64), np.asarray(reference, np.float64)
    return value.shape == reference.shape and agrees(value, reference, MATCH)


def _said(key: str, mine: np.ndarray, theirs: np.ndarray, made: np.ndarray) -> tuple[str, str]:
    if key == "loss":
        return (f"loss is {float(theirs.ravel()[0]):.6g}, the NumPy program's {float(mine.ravel()[0]):.6g}",
                f"loss is {float(made.ravel()[0]):.6g},")
    return (f"output parts from the NumPy program's (by {float(np.abs(theirs - mine).max()):.3g} at most) while the losses "
            "agree", "output is")


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
