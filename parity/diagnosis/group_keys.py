"""A key in a port's parameter group that torch.optim never reads: {'params': ..., 'learning_rate': 0.01} is kept
silently, and the group steps with the optimizer's own lr. Said only where the measured ratio of the updates is
that key's value over the rate the group runs with."""

from __future__ import annotations

from typing import Any

KEPT_BY_TORCH = frozenset({"params", "initial_lr", "name"})  # keys torch or its schedulers write into a group


def unread_group_key(port_names: dict, pairs: list, parameter: str, ratio: float) -> str:
    """The NumPy update `ratio` times the port's: the parameter's group holds key=value, unread, where value is
    ratio × the group's lr (the rate the NumPy program steps with)."""
    optimizer, model = port_names.get("optimizer"), port_names.get("model")
    pair = next((p for p in pairs if p.name == parameter), None)
    if not isinstance(getattr(optimizer, "defaults", None), dict) or not hasattr(model, "named_parameters") or pair is None:
        return ""  # an optimizer of the port's own making (several wrapped in one) has no defaults to read keys against
    tensor = dict(model.named_parameters()).get(pair.torch)
    group = next((g for g in getattr(optimizer, "param_groups", ()) if any(p is tensor for p in g.get("params", ()))), None)
    if group is None or not _number(group.get("lr")):
        return ""
    rate = float(group["lr"])
    for key, value in group.items():
        if key in optimizer.defaults or key in KEPT_BY_TORCH or not _number(value):
            continue
        if abs(float(value) - ratio * rate) <= 1e-6 * abs(float(value)):
            return (f"The port's parameter group holding {pair.torch} has {key!r}: {value:g}, a key "
                    f"{type(optimizer).__name__} never reads (it reads 'lr'): the group steps with lr = {rate:g}, the "
                    f"optimizer's own, and the NumPy update of {parameter} is {ratio:.6g} times the port's = {value:g} / "
                    f"{rate:g} (measured).")
    return ""


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
