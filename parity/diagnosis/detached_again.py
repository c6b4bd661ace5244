"""The port stepped again with one of its values detached: a value that meets another value with a gradient in a
product, a difference or a loss (an advantage G - V(s) times log π, a target r + γV(s') in a squared error, a
teacher's output). Where detaching one such value makes every update the NumPy program's, through the failing step
and a few beyond, the NumPy program's backward pass treats that value as a constant and the port back-propagates
through it: a .detach() the port leaves out, or a path's term the NumPy backward leaves out.

    update_numpy(t) = step_port(t) with value k detached   at every step t, one value k
"""

from __future__ import annotations

from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import AHEAD, port_follows, updates_agree
from parity.diagnosis.port_values import OPERATORS, has_reduction

MEETS = {"mul", "truediv", "div", "sub", "add", "where", "minimum", "maximum", "matmul"}  # ops whose operands meet
MOST_VALUES = 12  # values tried, the ones nearest the loss first
REDUCTIONS = {"mean", "var", "std", "sum", "norm", "var_mean", "std_mean"}  # a batch statistic: its term is NumPy's to write


class _Detaching(TorchFunctionMode):
    """Counts the calls whose result carries a gradient; detaches the result of call `target` (None: none), and
    notes for each such call its name, shape and the calls its graded operands came from."""

    def __init__(self, target: int | None = None) -> None:
        super().__init__()
        self.target, self.calls, self.made = target, [], {}

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        result = func(*args, **kwargs)
        name = getattr(func, "__name__", str(func))
        if not torch.is_tensor(result) or not result.requires_grad or (name.startswith("_") and name not in OPERATORS):
            return result
        operands = [self.made[id(a)] for a in (*args, *kwargs.values()) if torch.is_tensor(a) and id(a) in self.made]
        graded = sum(1 for a in (*args, *kwargs.values()) if torch.is_tensor(a) and a.requires_grad)
        index = len(self.calls)
        self.calls.append((name.strip("_").removeprefix("r") if name in OPERATORS else name, tuple(result.shape),
                           operands, graded >= 2 and (name.strip("_").removeprefix("r") in MEETS or has_reduction(func))))
        if index == self.target:
            result = result.detach()
        self.made[id(result)] = index
        return result


def detached_again_finding(setup: Any, built: Any, step: int, tolerance: float) -> Finding | None:
    """The one port value whose detaching makes every update the NumPy program's, said; None where none does."""
    survey = _Detaching()
    if port_follows(setup, built, step + AHEAD, tolerance) or not _follows(setup, built, step + AHEAD, survey, tolerance, survey_only=True):
        return None
    for index in _candidates(survey.calls)[:MOST_VALUES]:
        if _follows(setup, built, step + AHEAD, _Detaching(index), tolerance):
            return _said(survey.calls, index, step)
    return None


def _candidates(calls: list[tuple]) -> list[int]:
    """The values that meet another graded value in a product, a difference or a loss: each of its graded operands."""
    found: list[int] = []
    for _, _, operands, meets in reversed(calls):
        found += [k for k in operands if meets and k not in found]
    return found


def _follows(setup: Any, built: Any, last: int, mode: _Detaching, tolerance: float, survey_only: bool = False) -> bool:
    """Both programs stepped from each step's shared start through `last`, the port's step under `mode`: whether
    every update agrees (with `survey_only`, the port's first step is only recorded)."""
    numpy_side, torch_side = built.make_sides()
    for t in range(1, last + 1):
        rows = setup.rows(t)
        start = numpy_side.params()
        numpy_side.step(rows)
        mode.calls.clear(), mode.made.clear()
        with mode:
            torch_side.step(rows)
        if survey_only:
            return bool(mode.calls)
        if not updates_agree(start, numpy_side.params(), torch_side.params(), tolerance):
            return False
        torch_side.load(numpy_side.params())
    return True


def _said(calls: list[tuple], index: int, step: int) -> Finding:
    name, shape, _, _ = calls[index]
    value = f"[{name} {shape}]"
    user = next(((n, s) for n, s, operands, meets in calls if meets and index in operands), None)
    where = f" where it meets another value with a gradient in [{user[0]} {user[1]}]" if user else ""
    statistic = _statistic(calls, index)
    said = (f"a statistic's term (the gradient through {value}, made from a {statistic}) left out of the NumPy "
            "backward, or a .detach() the port leaves out there" if statistic else
            "a .detach() the port leaves out (a baseline, an advantage, a target or a teacher's output meant as a "
            "constant), or, where the path is meant, that path's term left out of the NumPy backward")
    return Finding("detached-value", f"The port, stepped again with its {value} detached{where}, steps in lockstep with "
                   f"the NumPy program through step {step + AHEAD}: every update agrees (measured). The NumPy program's "
                   f"backward pass treats that value as a constant; the port back-propagates through it: {said}.",
                   {"step": step, "stage": "backward", "value": value, **({"side": "numpy"} if statistic else {})},
                   "Detach the value in the port (value.detach()) where it is meant as a constant; otherwise add its "
                   "path's term to the NumPy backward pass.", 0.85)


def _statistic(calls: list[tuple], index: int, hops: int = 3) -> str:
    """The reduction a value is made from within a few ops (s = sqrt(var(W) + eps)): a batch or weight statistic."""
    name, _, operands, _ = calls[index]
    if name in REDUCTIONS:
        return name
    return next((found for k in operands if hops > 0 and (found := _statistic(calls, k, hops - 1))), "")
