"""The port stepped again with one of its values detached: a value that meets another value with a gradient in a
product, a difference or a loss (an advantage G - V(s) times log π, a target r + γV(s') in a squared error, a
teacher's output). Where detaching one such value makes every update the NumPy program's, through the failing step
and a few beyond, the NumPy program's backward pass treats that value as a constant and the port back-propagates
through it: a .detach() the port leaves out, or a path's term the NumPy backward leaves out.

    update_numpy(t) = step_port(t) with value k detached   at every step t, one value k
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_again import AHEAD, follows_trajectory, port_follows
from parity.diagnosis.port_values import OPERATORS, has_reduction, op_name
from parity.diagnosis.quietly import quietly
from parity.diagnosis.replays import numpy_trajectory, trace_tolerance, widened

MEETS = {"mul", "truediv", "div", "sub", "where", "minimum", "maximum", "matmul"}  # ops whose operands meet; a sum's
# term left out (a skip connection's identity path) is the backward's missing-term reading, more precise than a detach
MOST_VALUES = 12  # values tried, the ones nearest the loss first
MOST_CUTS = 4  # the port's own .detach() calls tried as the identity
UNCUT = "uncut"  # a target: one of the port's .detach() calls made the identity
EVERY = -1  # (UNCUT, EVERY): every one of them (a recurrence's state detached at each time step)
LAYERS = {"linear", "conv1d", "conv2d", "matmul", "mm", "bmm", "einsum", "embedding", "bilinear"}  # a layer reading a
# shared value: its path's term is the NumPy backward's to sum; an arithmetic reader makes a value meant as a constant
DESCRIPTORS = {"__get__", "__set__"}  # an attribute read (p.grad in zero_grad) is no use of the value: never cut
MOST_USES = 8  # uses of a value read by two or more calls tried, the ones nearest the loss first
REDUCTIONS = {"mean", "var", "std", "sum", "norm", "var_mean", "std_mean"}  # a batch statistic: its term is NumPy's to write


class _Detaching(TorchFunctionMode):
    """Counts the calls whose result carries a gradient and notes for each its name, shape, the calls its graded
    operands came from, and whether two graded values meet in it. Detaches, where `target` says, the result of one
    call (an int), every call of a group (a frozenset), or one operand where one call reads it ((call, operand's call or
    parameter's name): that use only)."""

    def __init__(self, target: int | tuple[int, int | str] | frozenset[int] | None = None) -> None:
        super().__init__()
        self.target, self.calls, self.made = target, [], {}
        self.kept: list[torch.Tensor] = []  # the results noted, alive, so that an id is never another tensor's
        self.cuts: list[int] = []  # each .detach() of a value a noted call made: that call
        self.names: dict[int, str] = {}  # id of each of the model's parameters -> its name, for a use of it to detach

    def _of(self, tensor: torch.Tensor) -> int | str | None:
        """The call that made a tensor, or the name of the model's parameter it is (a weight two layers share)."""
        return self.made.get(id(tensor), self.names.get(id(tensor)))

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if getattr(func, "__name__", "") == "detach" and args and id(args[0]) in self.made and args[0].grad_fn is not None:
            # a value made, not a leaf (a parameter stepped in place is noted too, and read by .detach())
            self.cuts.append(self.made[id(args[0])])
            if self.target in ((UNCUT, len(self.cuts) - 1), (UNCUT, EVERY)):
                return args[0]  # that .detach() made the identity: the gradient flows on through it
        if isinstance(self.target, tuple) and self.target[0] == len(self.calls) and getattr(func, "__name__", "") not in DESCRIPTORS:
            cut = lambda a: a.detach() if torch.is_tensor(a) and self._of(a) == self.target[1] else a  # noqa: E731
            args, kwargs = tuple(cut(a) for a in args), {k: cut(v) for k, v in kwargs.items()}
        result = func(*args, **kwargs)
        name = getattr(func, "__name__", str(func))
        if not torch.is_tensor(result) or not result.requires_grad or (name.startswith("_") and name not in OPERATORS):
            return result
        operands = [self._of(a) for a in (*args, *kwargs.values()) if torch.is_tensor(a) and self._of(a) is not None]
        graded = sum(1 for a in (*args, *kwargs.values()) if torch.is_tensor(a) and a.requires_grad)
        index = len(self.calls)
        self.calls.append((op_name(name), tuple(result.shape), operands, graded >= 2 and (op_name(name) in MEETS or has_reduction(func))))
        if index == self.target or isinstance(self.target, frozenset) and index in self.target:
            result = result.detach()
        self.made[id(result)] = index
        self.kept.append(result)
        return result


def detached_again_finding(setup: Any, built: Any, step: int, tolerance: float, alike: bool = False) -> Finding | None:
    """The one use of a port value, or the one value, whose detaching makes every update the NumPy program's, said;
    None where none does. One use first: a value used twice whose gradient the NumPy program takes from one use only
    is also matched, over steps where the other use's parameters do not move, by detaching the value whole. Both
    programs step in float64 for it (a gradient summed from terms that nearly cancel, a baseline's, parts by 1e-4 in
    float32 whatever is detached), and as run where they cannot. With `alike`, the values made alike (`_alike`)
    instead, each group detached together: tried after the backward's own reading, which names a recurrence's term."""
    wide = widened(built)
    for run, limit in ((wide, trace_tolerance(wide)), (built, tolerance)):
        if (surveyed := quietly(_surveyed, setup, run, step, limit)) is None:
            continue
        survey, steps = surveyed
        values = _candidates(survey.calls)[:MOST_VALUES]
        for target in _alike(survey.calls, values) if alike else [*_uses(survey.calls)[:MOST_USES], *values]:
            if _tried(run, steps, target, limit):
                return _said(survey.calls, target, step)
        return None  # surveyed in float64: the run as it is says no more
    return None


def uncut_finding(setup: Any, built: Any, step: int, tolerance: float) -> Finding | None:
    """The port's own .detach() of a value it made, made the identity one at a time: the one that makes every update
    the NumPy program's, said; None where none does."""
    if (surveyed := _surveyed(setup, built, step, tolerance)) is None:
        return None
    survey, steps = surveyed
    cut = next((k for k in range(min(len(survey.cuts), MOST_CUTS)) if _tried(built, steps, (UNCUT, k), tolerance)), None)
    if cut is None and len(survey.cuts) > 1 and _tried(built, steps, (UNCUT, EVERY), tolerance):
        cut = EVERY  # only all of them together: a state detached at every time step, truncating the recurrence
    if cut is None:
        return None
    made = survey.calls[survey.cuts[0 if cut == EVERY else cut]]
    value = f"[{made[0]} {made[1]}]" if cut != EVERY else \
        f"each of the {len(survey.cuts)} values it detaches in a step ([{made[0]} {made[1]}] first: a recurrent state detached " \
        "at every time step truncates back-propagation through time to one step)"
    return Finding("port-gradient", f"The port, stepped again with its .detach() of {value} made the identity (the "
                   f"gradient flowing on through it), steps in lockstep with the NumPy program through step {step + AHEAD}: "
                   "every update agrees (measured). The port's .detach() there cuts a path the NumPy program's backward "
                   "takes: its parameters before that value get no gradient from the uses after it. One of two, which the "
                   "numbers do not tell apart: a .detach() the port has where the gradient is meant to flow (a shared "
                   "tower's second branch), or a path the NumPy backward takes where none is meant (a target network's).",
                   {"step": step, "stage": "backward", "value": value},
                   "Leave out the .detach() where the gradient is meant to flow (or detach the same value in the NumPy "
                   "backward pass).", 0.85)


def _surveyed(setup: Any, built: Any, step: int, tolerance: float) -> tuple[_Detaching, list] | None:
    """The port's first step surveyed (its calls, the values they make, its .detach() calls) and the NumPy program's
    trajectory to step the port along; None where the port as it is already follows, or makes no value to try."""
    survey = _Detaching()
    if port_follows(setup, built, step + AHEAD, tolerance):
        return None
    steps = numpy_trajectory(setup, built, step + AHEAD)
    return (survey, steps) if _follows(built, steps, survey, tolerance, survey_only=True) else None


def _tried(built: Any, steps: list, target: int | tuple[int, int | str] | frozenset[int], tolerance: float) -> bool:
    try:
        return _follows(built, steps, _Detaching(target), tolerance)
    except Exception:  # noqa: BLE001 - a detach the port cannot step with (a loss left with no graph) is no alternative
        return False


def _candidates(calls: list[tuple]) -> list[int]:
    """The values that meet another graded value in a product, a difference or a loss: each of its graded operands."""
    found: list[int] = []
    for _, _, operands, meets in reversed(calls):
        found += [k for k in operands if meets and k not in found and isinstance(k, int)]
    return found


def _alike(calls: list[tuple], values: list[int]) -> list[frozenset[int]]:
    """For each value tried, every value the step makes by the same op in the same shape from operands of the same
    kind, where there are several: a function the step calls more than once (a loss over two targets), each call's
    factor detached together."""
    def kind(call: tuple) -> tuple:  # its op and shape, and its operands' (the same line of code, called again)
        return call[:2], tuple(calls[k][:2] if isinstance(k, int) else k for k in call[2])
    groups: list[frozenset[int]] = []
    for k in values:
        group = frozenset(i for i, call in enumerate(calls) if kind(call) == kind(calls[k]))
        if len(group) > 1 and group not in groups:
            groups.append(group)
    return groups


def _uses(calls: list[tuple]) -> list[tuple[int, int | str]]:
    """(call, value) for each use of a value (or of a parameter, by name) that two or more calls read, nearest the
    loss first."""
    readers: dict[int | str, list[int]] = {}
    for index, (name, _, operands, _) in enumerate(calls):
        for k in dict.fromkeys(operands):
            if isinstance(k, int) or not name.endswith("_"):  # the optimizer's step is no use of a parameter
                readers.setdefault(k, []).append(index)
    return sorted(((call, k) for k, calls_of in readers.items() if len(calls_of) > 1 for call in calls_of
                   if calls[call][0] != "add" and not calls[call][0].endswith("_")), reverse=True)


def _follows(built: Any, steps: list[tuple[Any, dict, dict]], mode: _Detaching, tolerance: float, survey_only: bool = False) -> bool:
    """The port stepped from each step's shared start under `mode`: whether every update is the NumPy program's (with
    `survey_only`, the port's first step is only recorded)."""
    _, torch_side = built.make_sides()
    model = torch_side.names.get("model") if isinstance(getattr(torch_side, "names", None), dict) else None
    mode.names = {id(p): name for name, p in model.named_parameters()} if isinstance(model, torch.nn.Module) else {}

    @contextmanager
    def detaching():
        mode.calls.clear(), mode.made.clear(), mode.kept.clear(), mode.cuts.clear()
        with mode:
            yield

    if survey_only:
        with detaching():
            torch_side.step(steps[0][0])
        return bool(mode.calls)
    return follows_trajectory(torch_side, steps, tolerance, detaching)


def _said(calls: list[tuple], target: int | tuple[int, int | str] | frozenset[int], step: int) -> Finding:
    if isinstance(target, tuple):
        call, index = target
        value, reader = (f"[{calls[k][0]} {calls[k][1]}]" if isinstance(k, int) else f"parameter {k}" for k in (index, call))
        said = ("a value used in two places whose backward takes the term of one use only (a path's term left out of "
                "the NumPy backward), or, where that path is meant to carry no gradient, a .detach() the port leaves out "
                "there" if calls[call][0] in LAYERS else "one of two, which the numbers do not tell apart: that use's term left out "
                "of the NumPy backward, or a .detach() the port leaves out there (a baseline, an advantage or a target "
                "made from it and meant as a constant)")
        return Finding("detached-value", f"The port, stepped again with its {value} detached where its {reader} reads it "
                       f"(that use only; its other uses keep their gradient), steps in lockstep with the NumPy program "
                       f"through step {step + AHEAD}: every update agrees (measured). The gradient that flows back to "
                       f"{value} through {reader} is missing on the NumPy side: {said}.",
                       {"step": step, "stage": "backward", "value": value, "use": reader},
                       "Sum the gradient over every use of the value in the NumPy backward pass (or detach that use in "
                       "the port where no gradient is meant to flow).", 0.85)
    index = min(target) if isinstance(target, frozenset) else target
    name, shape, _, _ = calls[index]
    value = f"[{name} {shape}]" if not isinstance(target, frozenset) else \
        f"[{name} {shape}] (each of the {len(target)} values it makes so: a function it calls {len(target)} times)"
    user = next(((n, s) for n, s, operands, meets in calls if meets and index in operands), None)
    where = f" where it meets another value with a gradient in [{user[0]} {user[1]}]" if user else ""
    statistic = _statistic(calls, index)
    said = (f"a statistic's term (the gradient through {value}, made from a {statistic}) left out of the NumPy "
            "backward, or a .detach() the port leaves out there" if statistic else
            "one of two, which the numbers do not tell apart: the NumPy backward leaves that path's term out (a "
            "factor differentiated as if it were a constant, a modulating weight, a gate's carry), or the port leaves "
            "out a .detach() meant there (a baseline, an advantage, a target or a teacher's output)")
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
    return next((found for k in operands if hops > 0 and isinstance(k, int) and (found := _statistic(calls, k, hops - 1))), "")
