"""A key in a port's parameter group that torch.optim never reads: {'params': ..., 'learning_rate': 0.01} is kept
silently, and the group steps with the optimizer's own lr. Said only where the measured ratio of the updates is
that key's value over the rate the group runs with. And a group that steps at the optimizer's own lr, where the
NumPy program's rate for its parameters is another."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.learning_rates import SCALE_FREE

KEPT_BY_TORCH = frozenset({"params", "initial_lr", "name"})  # keys torch or its schedulers write into a group


def unread_group_key(port_names: dict, pairs: list, parameter: str, ratio: float) -> str:
    """The NumPy update `ratio` times the port's: the parameter's group holds key=value, unread, where value is
    ratio × the group's lr (the rate the NumPy program steps with)."""
    optimizer, (pair, group) = port_names.get("optimizer"), group_holding(port_names, pairs, parameter)
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


def default_group_rate(port_names: dict, pairs: list, parameter: str, ratio: float) -> str:
    """The NumPy update `ratio` times the port's, where the parameter's group steps at the lr given to the optimizer
    itself (a group without its own 'lr' falls back to it), under an optimizer whose update no gradient scale moves."""
    optimizer, (pair, group) = port_names.get("optimizer"), group_holding(port_names, pairs, parameter)
    if group is None or not _number(optimizer.defaults.get("lr")) or len(optimizer.param_groups) < 2 or \
            type(optimizer).__name__ not in SCALE_FREE:
        return ""  # under SGD a constant ratio is as well a gradient's scale on one parameter
    rate = float(group.get("initial_lr", group.get("lr", 0.0)))
    others = [float(g.get("initial_lr", g.get("lr", rate))) for g in optimizer.param_groups if g is not group]
    if abs(rate - float(optimizer.defaults["lr"])) > 1e-12 * rate:
        return ""
    theirs = f", where its other groups set their own ({', '.join(f'{o:g}' for o in others)})" if any(
        abs(o - rate) > 1e-9 * rate for o in others) else ""
    return (f"The NumPy update of {parameter} is {ratio:.6g} times the port's at this step: the NumPy program steps it at "
            f"a rate of {ratio * rate:g}, where the port's parameter group holding {pair.torch} steps at lr = {rate:g}, the "
            f"lr given to {type(optimizer).__name__} itself, which a group without its own 'lr' takes{theirs}: that "
            "group's rate set otherwise on the two sides (its 'lr' left out of the group, or another number).")


def rate_of_another_group(port_names: dict, pairs: list, parameter: str, ratios: dict[str, float]) -> str:
    """The NumPy update ratios[parameter] times the port's, where every parameter's NumPy rate (its ratio × its group's
    lr) is the lr of one of the port's groups, and this one's another group's: the groups' rates given to other
    parameters (a layer-wise decay counted from the other end, two groups swapped). A rate no group has, or one factor
    for every parameter (every rate halved, which a decay of 1/2 between layers maps onto the next group's), is none."""
    optimizer = port_names.get("optimizer")
    rates = [_rate(g) for g in getattr(optimizer, "param_groups", []) if _number(g.get("lr"))]
    stepped = {}  # parameter -> (its group, the rate the NumPy program steps it at)
    for name, ratio in ratios.items():
        group = group_holding(port_names, pairs, name)[1]
        if group is not None and _number(group.get("lr")) and np.isfinite(ratio):
            stepped[name] = (group, ratio * _rate(group))
    known = [r for r in ratios.values() if np.isfinite(r)]
    if parameter not in stepped or abs(ratios[parameter] - 1) <= 1e-6 or np.ptp(known) <= 1e-6 * max(known) or not all(
            any(abs(rate - r) <= 1e-6 * r for r in rates) for _, rate in stepped.values()):
        return ""  # one factor for every parameter is one rate scaled (every rate halved), whatever groups it meets
    group, mine = stepped[parameter]
    names = {id(t): n for n, t in port_names["model"].named_parameters()}
    holders = [names.get(id(p), "?") for g in optimizer.param_groups if g is not group and _number(g.get("lr"))
               and abs(_rate(g) - mine) <= 1e-6 * mine for p in g["params"]]
    pair = group_holding(port_names, pairs, parameter)[0]
    return (f"The NumPy update of {parameter} is {ratios[parameter]:.6g} times the port's at this step: the NumPy program "
            f"steps it at a rate of {mine:g}, where the port's group holding {pair.torch} steps at lr = "
            f"{_rate(group):g}; {mine:g} is the rate of the port's group holding "
            f"{', '.join(holders[:4])}, and every parameter's NumPy rate is one of the port's groups': the groups' rates "
            "given to other parameters on one side (a layer-wise decay counted from the other end, two groups' rates "
            "swapped).") if holders else ""


def group_holding(port_names: dict, pairs: list, parameter: str) -> tuple[Any, dict | None]:
    """The parameter's pair and the port's parameter group holding it; no group where the optimizer is of the port's
    own making (several wrapped in one: no defaults to read keys against)."""
    optimizer, model = port_names.get("optimizer"), port_names.get("model")
    pair = next((p for p in pairs if p.name == parameter), None)
    if not isinstance(getattr(optimizer, "defaults", None), dict) or not hasattr(model, "named_parameters") or pair is None:
        return pair, None
    tensor = dict(model.named_parameters()).get(pair.torch)
    return pair, next((g for g in optimizer.param_groups if any(p is tensor for p in g.get("params", ()))), None)


def _rate(group: dict) -> float:
    """The rate a group steps with before any scheduler moved it (torch writes it into the group as initial_lr)."""
    return float(group.get("initial_lr", group["lr"]))


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
