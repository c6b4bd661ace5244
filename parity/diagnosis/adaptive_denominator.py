"""An adaptive optimizer's denominator written otherwise on one side: at a first step, from one gradient g, the second
moment each optimizer keeps is known (RMSprop (1 - α)·g², Adagrad g² plus its initial value, Adam's corrected v̂ = g²),
and the denominator a side's update divides by, D = -lr·g / Δθ, read entry by entry against torch's √v + ε:

    D² - v = ε      ε inside the root, √(v + ε)          D = v + ε      the square root left out
"""

from __future__ import annotations

from typing import Callable

import numpy as np

AGREES = 0.05  # relative: ε read alike at every entry where it is a share of D² float32 can read
APART = 1e-2  # relative: entries where the root left out and torch's √v + ε differ by more than float32 blurs
TELLING = 3  # entries that must read a form alike: no chance meets three
ROOTLESS_AGREES = 1e-3  # relative: D read from float32 updates against v + ε


def denominator_form(torch_names: dict, context, parameter: str, group: dict | None, gradients: Callable[[], dict],
                     befores: dict, fellows: list[str]) -> str | None:
    """At step 1, one side's update reads as lr·g/√(v + ε), or lr·g/(v + ε), where the other's is lr·g/(√v + ε): that
    side, said. The parameter's own group where given (biases kept out of a decay), its gradient as back-propagation
    delivers it where the record keeps none; a coupled decay λ·θ joins the gradient, a decoupled one (AdamW's) is taken
    off the update. The root left out is read over the parameter and its `fellows` in the group: a bias of one entry
    alone tells no form."""
    if context.step != 1 or group is None or "eps" not in group:
        return None
    read = {p: _read(torch_names, context, p, group, gradients, befores.get(p)) for p in [parameter, *fellows]}
    if read[parameter] is None:
        return None
    kind, eps = read[parameter][0], float(group["eps"])
    for side, record, other in (("NumPy program", context.numpy_record, context.torch_record),
                                ("port", context.torch_record, context.numpy_record)):
        if np.allclose(np.asarray(other[f"{parameter}.update"], np.float64), np.asarray(record[f"{parameter}.update"],
                                                                                         np.float64), rtol=1e-5, atol=0):
            continue
        if _inside(*_denominators(read[parameter], record, parameter), eps):
            return (f"The {side}'s update of {parameter} divides by √(v + ε), ε inside the square root, where the other's "
                    f"divides by √v + ε ({kind}'s, ε = {eps:g}): at step 1 its denominator squared is the second moment "
                    f"plus {eps:g} at every entry read. Where √v is near 0 the two part most (√ε = {eps ** 0.5:g} against ε).")
        pooled = [_denominators(r, record, p) for p, r in read.items() if r is not None]
        if _rootless(np.concatenate([d for d, _ in pooled]), np.concatenate([v for _, v in pooled]), eps):
            return (f"The {side}'s update of {parameter} divides by v + ε, the square root left out, where the other's "
                    f"divides by √v + ε ({kind}'s, ε = {eps:g}): at step 1 its denominator is the second moment itself "
                    "at every entry read (an update lr·g / (v + ε): too large where v < 1, too small where v > 1).")
    return None


def _read(torch_names: dict, context, parameter: str, group: dict, gradients: Callable[[], dict],
          before: np.ndarray | None) -> tuple | None:
    """The optimizer's kind, the gradient its step takes (a coupled decay in it), the second moment it keeps after a
    first step, and the decoupled shrink taken off the update; None where it cannot be read."""
    grad = context.torch_record.get(f"{parameter}.grad")
    grad = grad if grad is not None else gradients().get(parameter)
    decay = float(group.get("weight_decay") or 0.0)
    if grad is None or decay and before is None or f"{parameter}.update" not in context.numpy_record:
        return None
    kind = type(torch_names.get("optimizer")).__name__
    decoupled = kind == "AdamW" or bool(group.get("decoupled_weight_decay"))
    g = np.asarray(grad, np.float64) + (0.0 if decoupled else decay * np.asarray(before if decay else 0.0, np.float64))
    moment = {"RMSprop": lambda: (1 - group["alpha"]) * g * g if not group.get("momentum") and not group.get("centered") else None,
              "Adagrad": lambda: g * g + group.get("initial_accumulator_value", 0.0),
              "Adam": lambda: g * g if not group.get("amsgrad") else None}.get(kind.removesuffix("W"))
    v = moment() if moment is not None else None
    if v is None:
        return None
    shrink = float(group["lr"]) * decay * np.asarray(before, np.float64) if decoupled and decay else 0.0  # AdamW's p -= lr·λ·p
    return kind, g, v, shrink, float(group["lr"])


def _denominators(read: tuple, record: dict, parameter: str) -> tuple[np.ndarray, np.ndarray]:
    """D = lr·g / Δθ and v at every entry both read (a zero update or gradient reads nothing)."""
    _, g, v, shrink, lr = read
    update = np.asarray(record[f"{parameter}.update"], np.float64) + shrink
    seen = (update != 0) & (g != 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.abs(lr * g[seen] / update[seen]), np.broadcast_to(v, g.shape)[seen]


def _inside(denominator: np.ndarray, v: np.ndarray, eps: float) -> bool:
    telling = eps > 1e-2 * denominator ** 2  # entries where ε is a share of D² that float32 can read
    return telling.sum() >= TELLING and np.allclose(denominator[telling] ** 2 - v[telling], eps, rtol=AGREES, atol=0)


def _rootless(denominator: np.ndarray, v: np.ndarray, eps: float) -> bool:
    torch_form, rootless = np.sqrt(v) + eps, v + eps
    telling = np.abs(rootless - torch_form) > APART * torch_form
    close = np.abs(denominator[telling] - rootless[telling]) <= np.minimum(  # the form itself, to float32's reading of D,
        ROOTLESS_AGREES * rootless[telling], 0.1 * np.abs(rootless[telling] - torch_form[telling]))  # far from torch's
    return telling.sum() >= TELLING and bool(np.all(close))
