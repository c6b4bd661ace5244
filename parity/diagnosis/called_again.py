"""The port's own functions called again on the very tensors they were given, one argument changed at a time: where
one change gives the NumPy program's value, the two programs part at that argument. For the loss: a reduction, a
weight, a flag such as poisson_nll_loss's log_input, a label smoothing or a beta left at another value. Where the
programs part in the forward pass: a dim, a flag, a string or number back at its default, a tensor argument left out
(an Embedding's max_norm, softmax over dim 0, gelu's approximate). Measured, not looked up: each alternative is a
call of the port's own function.
"""

from __future__ import annotations

import inspect
from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.finding import Finding
from parity.diagnosis.port_values import LossCall
from parity.diagnosis.value_trace import agrees, describe

SKIPPED = ("input", "target", "size_average", "reduce", "inplace", "out")  # the data, and the deprecated spellings of reduction
MEASURED = 0.9


def loss_call_finding(calls: list[LossCall], numpy_loss: float, rows: int, tolerance: float, step: int) -> Finding | None:
    """The one argument of the port's loss call that, changed, gives the NumPy program's loss; None where none does."""
    for call in calls:
        if _matches(call.value, numpy_loss, tolerance):
            return None  # the port computes the NumPy program's loss: the programs part elsewhere
        try:
            bound = inspect.signature(call.func).bind(*call.args, **call.kwargs)
        except TypeError:
            continue
        given = dict(bound.arguments)
        bound.apply_defaults()
        name = getattr(call.func, "__name__", "the loss function")
        for change, value in _alternatives(call.func, dict(bound.arguments), rows):
            if _matches(value, numpy_loss, tolerance):
                said = _said(given)
                if "reduction='sum'" in change and torch.is_tensor(given.get("weight")):
                    change += (" (with a class weight, reduction='mean' divides by the sum of the rows' weights, not by "
                               "the number of rows)")
                return Finding("loss-function", f"At the shared start of step {step} the port's loss is {name}({said}) = "
                               f"{call.value:.6g}; the NumPy program's is {numpy_loss:.6g}. The port's own {name}, called again "
                               f"on the same tensors with {change}, gives {value:.6g}: the NumPy program's loss. The two "
                               f"losses part at that argument.", {"step": step, "stage": "loss", "call": name,
                               "change": change, "port_loss": call.value, "numpy_loss": numpy_loss},
                               f"Call {name} with {change} in the port, or compute the NumPy loss as the port's call does.",
                               MEASURED)
    return None


def _alternatives(func: Any, arguments: dict, rows: int, whole: bool = False) -> Iterator[tuple[str, Any]]:
    """Each one-argument change and its result: the number (a loss), or with `whole` the array."""
    defaults = {k: p.default for k, p in inspect.signature(func).parameters.items()}
    for key, current in arguments.items():
        if key in SKIPPED:
            continue
        for option in options(key, current, defaults.get(key, inspect.Parameter.empty), _dimensions(arguments)):
            value = called_again(func, {**arguments, key: option}) if whole else _call(func, {**arguments, key: option})
            if value is None:
                continue
            yield f"{key}={_short(option)}", value
            if whole:
                continue
            if key != "reduction" and arguments.get("reduction") == "mean":  # and summed over the rows, then / rows
                summed = _call(func, {**arguments, key: option, "reduction": "sum"})
                if summed is not None:
                    yield f"{key}={_short(option)} and reduction='sum' divided by the {rows} rows", summed / rows
        if key == "reduction" and current != "sum" and not whole:
            summed = _call(func, {**arguments, "reduction": "sum"})
            if summed is not None:
                yield f"reduction='sum' divided by the {rows} rows (a mean over the rows only)", summed / rows


def _dimensions(arguments: dict) -> int:
    first = next((v for v in arguments.values() if torch.is_tensor(v)), None)
    return first.dim() if first is not None else 0


def options(key: str, current: Any, default: Any, dimensions: int = 0) -> list:
    if key == "reduction":
        return [r for r in ("mean", "sum") if r != current]
    if key == "dim" and isinstance(current, int) and not isinstance(current, bool):
        return [d for d in range(dimensions) if d != current % max(dimensions, 1)]  # the other axes of the input
    if isinstance(current, str) and isinstance(default, str) and current != default:
        return [default]
    if isinstance(current, bool):
        return [not current]
    if torch.is_tensor(current) or isinstance(current, (int, float)) and default is None:
        return [None] if default is None else []  # a tensor argument left out; an option off by default (max_norm)
    if isinstance(current, (int, float)) and default is not inspect.Parameter.empty and isinstance(default, (int, float)) \
            and current != default:
        return [default]
    return []


def _call(func: Any, arguments: dict) -> float | None:
    result = called_again(func, arguments)
    return float(result.reshape(-1)[0]) if result is not None and result.size == 1 else None


def called_again(func: Any, arguments: dict) -> np.ndarray | None:
    """The function's result on these arguments (tensors detached and cloned: an in-place op changes no value of the
    trace), in float64; None where the function refuses them."""
    copied = {k: v.detach().clone() if torch.is_tensor(v) else v for k, v in arguments.items()}
    try:
        with torch.no_grad():
            result = func(**copied)
    except Exception:  # noqa: BLE001 - an alternative the function refuses is no alternative
        return None
    return result.detach().double().cpu().numpy() if torch.is_tensor(result) else None


MEANINGS = {"training=True": " (the port calls it with training=False: its module is in eval mode, model.eval() left on "
                             "or model.train() never called, so it uses its running statistics, or no dropout)"}


def recalled(ops: list, called: dict[int, tuple], numpy_values: list, tolerance: float) -> str:
    """One of the port's functions where the programs part, called again on the same tensors with one argument
    changed (a flag flipped, a value back at its default, a tensor argument left out): the change whose result is a
    value of the NumPy program's, said."""
    for op in ops:
        if op.index not in called:
            continue
        func, args, kwargs = called[op.index]
        try:
            bound = inspect.signature(func).bind(*args, **kwargs)
        except (TypeError, ValueError):
            continue
        bound.apply_defaults()
        for change, value in _alternatives(func, dict(bound.arguments), 0, whole=True):
            twin = next((v for v in numpy_values if v.array.shape == value.shape and agrees(v.array, value, tolerance)), None)
            if twin is not None and np.any(value):
                name = getattr(func, "__name__", op.op)
                return (f"The port's own {name}, called again on the same tensors with {change}, gives the NumPy "
                        f"program's {describe(twin)}: the two programs part at that argument of {name}"
                        f"{MEANINGS.get(change, '')}.")
    return ""


def _matches(value: float, reference: float, tolerance: float) -> bool:
    return abs(value - reference) <= tolerance * max(abs(reference), 1e-12)


def _said(arguments: dict) -> str:
    shown = [f"{k}={_short(v)}" for k, v in arguments.items() if k not in SKIPPED and v is not None]
    return ", ".join(["…", *shown])


def _short(value: Any) -> str:
    if torch.is_tensor(value):
        return f"tensor{tuple(value.shape)}"
    return repr(value)
