"""The port's optimizer built again with one of its arguments changed, run in lockstep beside the NumPy program from
the first step: where one change makes every update agree through the failing step and a few beyond, the two
programs part at that argument (RMSprop's momentum given where its alpha was meant, centered=True, Adagrad's
initial_accumulator_value, amsgrad, nesterov, a weight_decay). Measured by running the port's own optimizer class;
nothing is looked up.
"""

from __future__ import annotations

import inspect
from contextlib import nullcontext
from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.called_again import SKIPPED
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_arguments import NOT_ARGUMENTS, entry_changed, variants, written_numbers
from parity.diagnosis.value_trace import agrees

AHEAD = 3  # steps past the failing one that must agree too
MOST_VARIANTS = 24
FEW_APART = 0.1  # the share of entries apart at the port's first parting step under which a few steps prove little
VECTORS = "the vectors"  # the group of one-dimensional parameters split off the one group
SETTINGS = "every setting"  # one group given another group's settings, all of them
MEASURED = 0.9
MEANINGS = {"maximize=True": " maximize=True flips the sign of every gradient the step uses: the NumPy program's step "
                             "climbs the loss its port descends, the sign of its gradients (of its loss's derivative, "
                             "where every layer follows) flipped.",
            "decoupled_weight_decay=False": " decoupled_weight_decay=True decays each weight apart from the gradient (AdamW's "
                                            "p -= lr·λ·p); False adds λ·p to the gradient the moments are made of (an L2 term).",
            "decoupled_weight_decay=True": " decoupled_weight_decay=True decays each weight apart from the gradient (AdamW's "
                                           "p -= lr·λ·p); False adds λ·p to the gradient the moments are made of (an L2 term)."}


def optimizer_again_finding(setup: Any, built: Any, step: int, tolerance: float, scaled: bool = False) -> Finding | None:
    """The one argument of the port's optimizer that, changed, makes the port's updates the NumPy program's. Where the
    gradients themselves part by one factor (`scaled`), another ε is no reading: Adam's step is the same for g and c·g
    up to ε, so ε/c matches a gradient scaled by c, and the slip lies before the optimizer."""
    optimizer = _optimizer(built.make_sides()[1])
    apart: list[float] = []
    if not isinstance(optimizer, torch.optim.Optimizer) or _agrees_with(setup, built, step + AHEAD, None, None, tolerance, apart=apart):
        return None  # the port's own optimizer, rebuilt as given, agrees: the programs part elsewhere
    # updates apart at a few entries (lr·sign(c) flips one sign at a time: Lion, signSGD) agree under many settings for
    # a few steps: there only the whole run tells one setting
    last = max(step + AHEAD, int(setup.config.steps)) if apart and apart[0] < FEW_APART else step + AHEAD
    for change, key, value in list(variants(optimizer, written_numbers(setup, built)))[:MOST_VARIANTS]:
        if scaled and key == "eps":
            continue
        if _agrees_with(setup, built, last, key, value, tolerance):
            name = type(optimizer).__name__
            said = change + entry_changed(optimizer.param_groups[0].get(key), value)
            squares = _squares_scaled(optimizer.param_groups[0], key, value)
            return Finding("optimizer-settings", f"The port's {name}, built again with {said} (its own class, the same "
                           f"parameters and every other argument as given), steps in lockstep with the NumPy program "
                           f"through step {last}: every update agrees. The two programs part at that argument of "
                           f"{name} (which program means it, the measurement does not say).{MEANINGS.get(change, '')}"
                           + squares, {"step": step, "stage": "update", "optimizer": name, "change": change},
                           f"Build {name} with {change}, or step the NumPy program as the port's optimizer does.",
                           0.8 if squares else MEASURED)
    for group, key, value in list(_group_variants(optimizer))[:MOST_VARIANTS]:
        if _agrees_with(setup, built, step + AHEAD, key, value, tolerance, group):
            name, shown = type(optimizer).__name__, _group_names(built, group)
            settings = ", ".join(f"{k}={v!r}" for k, v in value.items()) if key == SETTINGS else f"{key}={value!r}"
            why = ("that group's settings: one program steps those parameters as the port steps its other group (the "
                   "biases given the weights' decay and layer-wise adaptation, a test such as p.ndim > 0 where "
                   "p.ndim == 2 was meant)") if key == SETTINGS else (f"that group's {key} (a group that takes the "
                   "optimizer's default where the NumPy program sets its own, as biases left out of a weight decay)")
            return Finding("optimizer-settings", f"The port's {name}, built again with {settings} in its parameter group "
                           f"{group} ({shown}) alone, every other group and argument as given, steps in lockstep with the "
                           f"NumPy program through step {step + AHEAD}: every update agrees. The two programs part at {why}.",
                           {"step": step, "stage": "update", "optimizer": name, "change": f"param_groups[{group}]: {settings}" if key == SETTINGS else
                            f"param_groups[{group}]['{key}']={value!r}"},
                           f"Give that parameter group {settings}, or step the NumPy program as the port's optimizer does.",
                           MEASURED)
    return _vectors_undecayed(setup, built, step, optimizer, tolerance)


def _vectors_undecayed(setup: Any, built: Any, step: int, optimizer: torch.optim.Optimizer, tolerance: float) -> Finding | None:
    """One parameter group with a weight decay, built again as two: the matrices as given, the vectors (biases, a
    norm's scale) at weight_decay=0, where that makes every update the NumPy program's."""
    groups = optimizer.param_groups
    if len(groups) != 1 or not float(groups[0].get("weight_decay") or 0.0) or not any(p.ndim < 2 for p in groups[0]["params"]) \
            or not _agrees_with(setup, built, step + AHEAD, "weight_decay", 0.0, tolerance, VECTORS):
        return None
    name = type(optimizer).__name__
    return Finding("optimizer-settings", f"The port's {name}, built again with its weight_decay={groups[0]['weight_decay']:g} "
                   f"on its matrices alone (its biases and other one-dimensional parameters in a group of their own at "
                   f"weight_decay=0), steps in lockstep with the NumPy program through step {step + AHEAD}: every update "
                   "agrees. The port decays every parameter (one group over model.parameters()); the NumPy program decays "
                   "the weights only.", {"step": step, "stage": "update", "optimizer": name, "change": "biases at weight_decay=0"},
                   "Give the port two parameter groups, the biases at weight_decay=0 (or decay the biases in the NumPy "
                   "program too).", MEASURED)


def _squares_scaled(group: dict, key: str, value: Any) -> str:
    """An adaptive step divides by √v: a learning rate k times the port's is, up to ε, the same step as a mean of
    squares 1/k² times it. Said where 1/k² is a ratio of the optimizer's own constants (a (1 - β1) where (1 - β2) belongs)."""
    rates = {"betas": group.get("betas", (None, None))[1], "alpha": group.get("alpha")}
    kept = next(((k, r) for k, r in rates.items() if isinstance(r, float) and 0 < r < 1), None)
    if key != "lr" or kept is None or not value or not group.get("lr"):
        return ""
    scale, rate = (group["lr"] / value) ** 2, kept[1]
    forms = {"(1 - β1)/(1 - β2)": (1 - group["betas"][0]) / (1 - rate)} if kept[0] == "betas" else {}
    forms.update({"1/(1 - β2)" if kept[0] == "betas" else "1/(1 - α)": 1 / (1 - rate)})
    meant = next((form for form, number in forms.items() if abs(scale - number) <= 1e-3 * number), None)
    if meant is None:
        return ""
    return (f" An adaptive step divides by the root of its mean of squares: the port's learning rate with a mean of "
            f"squares {scale:.6g} times the port's gives the same updates up to ε, and {scale:.6g} is {meant}: the "
            "NumPy program's mean of squares made with another constant ((1 - β1) where (1 - β2) belongs, or the (1 - β) "
            "left out) is as likely, and the numbers do not tell the two apart.")


def _group_names(built: Any, group: int) -> str:
    """The parameters a group holds, by the NumPy program's names."""
    side = _stepping(built.make_sides()[1])
    named = {id(side.parameter(p)): p.name for p in getattr(side, "pairs", [])} if hasattr(side, "parameter") else {}
    held = [named.get(id(p), "?") for p in _optimizer(side).param_groups[group]["params"]]
    return ", ".join(held[:6]) + (" ..." if len(held) > 6 else "")


def port_follows(setup: Any, built: Any, last: int, tolerance: float) -> bool:
    """Whether the port as it is steps in lockstep with the NumPy program through `last`: every update agrees (the
    programs part in a state or later). A reading that changes the port and compares updates then proves nothing."""
    return _agrees_with(setup, built, last, None, None, tolerance)


def _stepping(side: Any) -> Any:
    return getattr(side, "side", side)  # the side that steps, behind the traces' wrapper


def _optimizer(side: Any) -> Any:
    side = _stepping(side)
    names = getattr(side, "names", None)
    return names.get("optimizer") if isinstance(names, dict) else getattr(side, "optimizer", None)


def _rebuilt(optimizer: torch.optim.Optimizer, key: str | None, value: Any, group: int | str | None = None) -> torch.optim.Optimizer:
    """The optimizer's class built again on its parameter groups, every argument as given (passed both ways: some are
    read at construction only, Adagrad's initial_accumulator_value), and `key` changed to `value` (in one group only,
    where `group` is given)."""
    groups = [{k: v for k, v in g.items() if k != "initial_lr"} for g in optimizer.param_groups]
    accepted = set(inspect.signature(type(optimizer).__init__).parameters) - NOT_ARGUMENTS
    given = {k: v for k, v in groups[0].items() if k in accepted}
    if group == VECTORS:  # the one group split: the matrices as given, the vectors (biases, scales) with key changed
        whole = groups[0]
        groups = [{**whole, "params": [p for p in whole["params"] if p.ndim >= 2]},
                  {**whole, "params": [p for p in whole["params"] if p.ndim < 2], key: value}]
    elif key == SETTINGS and group is not None:
        groups[group] = {**groups[group], **value}
    elif key is not None and group is not None:
        groups[group] = {**groups[group], key: value}
    elif key is not None:
        groups = [{**g, key: value} for g in groups]
        given[key] = value
    return type(optimizer)(groups, **given)


def _group_variants(optimizer: torch.optim.Optimizer) -> Iterator[tuple[int, str, Any]]:
    """One group's flag flipped (a layer-wise adaptation left on for the biases' group), or its number set to another
    group's, or to 0 (a decay the biases' group was meant to leave out)."""
    groups = optimizer.param_groups
    for index, group in enumerate(groups if len(groups) > 1 else ()):
        for key, value in group.items():
            if isinstance(value, bool) and key not in NOT_ARGUMENTS and key not in SKIPPED:
                yield index, key, not value
    for index, group in enumerate(groups if len(groups) > 1 else ()):
        for other in groups:
            settings = {k: v for k, v in other.items() if k not in ("params", "initial_lr") and group.get(k) != v}
            if len(settings) >= 2:  # one key apart is tried below, alone
                yield index, SETTINGS, settings
    for index, group in enumerate(groups if len(groups) > 1 else ()):
        for key, value in group.items():
            if key in NOT_ARGUMENTS or key in SKIPPED or key == "initial_lr" or not isinstance(value, float):
                continue
            others = [g[key] for g in groups if isinstance(g.get(key), float) and g[key] != value]
            for option in dict.fromkeys([*others, *([0.0] if value != 0.0 and key != "lr" else [])]):
                yield index, key, option


def _agrees_with(setup: Any, built: Any, steps: int, key: str | None, value: Any, tolerance: float,
                 group: int | str | None = None, apart: list[float] | None = None) -> bool:
    """Whether the port, its optimizer rebuilt with the change, steps every update as the NumPy program through `steps`;
    where not, the share of entries apart at the first step that parts is added to `apart`."""
    numpy_side, torch_side = built.make_sides()
    try:
        rebuilt = _rebuilt(_optimizer(torch_side), key, value, group) if key is not None else None
    except (TypeError, ValueError):
        return False
    stepping = _stepping(torch_side)
    old = _optimizer(torch_side)
    if rebuilt is None:  # the port as it is (its update perhaps written by hand, no optimizer to build again)
        pass
    elif isinstance(getattr(stepping, "names", None), dict):
        stepping.names["optimizer"] = rebuilt
        for held in (s for v in stepping.names.values() for s in (v, *getattr(v, "_schedulers", ()))):  # a schedule, and
            if getattr(held, "optimizer", None) is old:  # each one a SequentialLR chains, steps the optimizer built again
                held.optimizer = rebuilt
    else:
        stepping.optimizer = rebuilt
    for t in range(1, steps + 1):
        rows = setup.rows(t)
        start = numpy_side.params()
        numpy_side.step(rows), torch_side.step(rows)
        mine, theirs = numpy_side.params(), torch_side.params()
        if not updates_agree(start, mine, theirs, tolerance):
            (apart if apart is not None else []).append(_share_apart(start, mine, theirs, tolerance))
            return False
        torch_side.load(mine)
    return True


def _share_apart(start: dict, mine: dict, theirs: dict, tolerance: float) -> float:
    """The share of all entries whose updates part (beyond the tolerance of the largest update of their parameter)."""
    apart = total = 0
    for name, before in start.items():
        a, b = (np.asarray(side[name], np.float64) - np.asarray(before, np.float64) for side in (mine, theirs))
        if a.shape != b.shape:
            return 1.0
        apart += int(np.count_nonzero(np.abs(a - b) > tolerance * max(float(np.abs(b).max(initial=0.0)), 1e-30)))
        total += a.size
    return apart / max(total, 1)


def follows_trajectory(torch_side: Any, steps: list, tolerance: float, around: Any = None, where: list | None = None) -> bool:
    """The port stepped from each step's shared start of the NumPy program's trajectory (numpy_trajectory), each step
    inside `around()` where given: whether every update is the NumPy program's (`where` takes the index of the step
    whose update parts)."""
    for index, (rows, start, after) in enumerate(steps):
        torch_side.load(start)
        with around() if around else nullcontext():
            torch_side.step(rows)
        if not updates_agree(start, after, torch_side.params(), tolerance):
            (where if where is not None else []).append(index)
            return False
    return True


def updates_agree(start: dict, mine: dict, theirs: dict, tolerance: float) -> bool:
    """Every parameter's update from `start` the same on both sides (both zero, or apart by the parameter's rounding)."""
    for name, before in start.items():
        a, b = (np.asarray(side[name], np.float64) - np.asarray(before, np.float64) for side in (mine, theirs))
        if a.shape != b.shape or not (agrees(a, b, tolerance) or (not np.any(a) and not np.any(b)) or
                                      _within_rounding(a, b, before)):
            return False
    return True


def _within_rounding(a: np.ndarray, b: np.ndarray, before: Any) -> bool:
    """Two updates apart by no more than the parameter's own rounding: an update read as new minus old parameter in
    float32 is exact to a few units of the parameter's last place, which a small update (3.6e-5 on weights near 0.3)
    does not dwarf."""
    held = np.asarray(before)
    unit = float(np.finfo(held.dtype).eps) if held.dtype.kind == "f" else 0.0
    return float(np.abs(a - b).max(initial=0.0)) <= 4 * unit * float(np.abs(held).max(initial=0.0))
