"""An adaptive optimizer's ε put inside the square root on one side: at a first step, from one gradient g, the
second moment each optimizer keeps is known (RMSprop (1 - α)·g², Adagrad g² plus its initial value, Adam's corrected
v̂ = g²), and the denominator a side's update divides by, D = -lr·m / Δθ, read entry by entry: √v + ε (torch's) or
√(v + ε), whose square is v + ε at every entry.

    D² - v = ε      ε inside the root           D - √v = ε      ε outside (torch's)
"""

from __future__ import annotations

from typing import Callable

import numpy as np

AGREES = 0.05  # relative: ε read alike at every entry where it is a share of D² float32 can read


def epsilon_inside(torch_names: dict, context, parameter: str, group: dict | None = None,
                   gradient: Callable[[], np.ndarray | None] | None = None, before: np.ndarray | None = None) -> str | None:
    """At step 1, one side's update reads as lr·g/√(v + ε) where the other's is lr·g/(√v + ε): that side, said. The
    parameter's own group where given (biases kept out of a decay), its gradient as back-propagation delivers it where
    the record keeps none; a coupled decay λ·θ joins the gradient, a decoupled one (AdamW's) is taken off the update."""
    grad = context.torch_record.get(f"{parameter}.grad")
    grad = grad if grad is not None or gradient is None else gradient()
    optimizer = torch_names.get("optimizer")
    groups = getattr(optimizer, "param_groups", None)
    group = group if group is not None else groups[0] if groups and len(groups) == 1 else None
    decay = float(group.get("weight_decay") or 0.0) if group else 0.0
    if context.step != 1 or grad is None or group is None or decay and before is None:
        return None
    kind = type(optimizer).__name__
    decoupled = kind == "AdamW" or bool(group.get("decoupled_weight_decay"))
    g = np.asarray(grad, np.float64) + (0.0 if decoupled else decay * np.asarray(before if decay else 0.0, np.float64))
    moment = {"RMSprop": lambda: (1 - group["alpha"]) * g * g if not group.get("momentum") and not group.get("centered") else None,
              "Adagrad": lambda: g * g + group.get("initial_accumulator_value", 0.0),
              "Adam": lambda: g * g if not group.get("amsgrad") else None}.get(kind.removesuffix("W"))
    v = moment() if moment is not None else None
    if v is None or "eps" not in group:
        return None
    shrink = float(group["lr"]) * decay * np.asarray(before, np.float64) if decoupled and decay else 0.0  # AdamW's p -= lr·λ·p
    lr, eps = float(group["lr"]), float(group["eps"])
    for side, record, other in (("NumPy program", context.numpy_record, context.torch_record),
                                ("port", context.torch_record, context.numpy_record)):
        update = np.asarray(record[f"{parameter}.update"], np.float64) + shrink
        read = (update != 0) & (g != 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            squared = np.where(read, (lr * g / np.where(read, update, 1.0)) ** 2, 0.0)
        telling = read & (eps > 1e-2 * squared)  # entries where ε is a share of D² that float32 can read
        if telling.sum() < 3:  # three entries read ε alike within 5%: no chance meets that
            continue
        inside = squared[telling] - v[telling]
        if np.allclose(inside, eps, rtol=AGREES, atol=0) and not np.allclose(
                np.asarray(other[f"{parameter}.update"], np.float64), update, rtol=1e-5, atol=0):
            return (f"The {side}'s update of {parameter} divides by √(v + ε), ε inside the square root, where the other's "
                    f"divides by √v + ε ({kind}'s, ε = {eps:g}): at step 1 its denominator squared is the second moment "
                    f"plus {eps:g} at every entry read. Where √v is near 0 the two part most (√ε = {eps ** 0.5:g} against ε).")
    return None
