"""Both programs as written built afresh and stepped together to a step's shared start (the port given the NumPy
program's parameters after each step), and traced through it: what every stage-by-stage reading starts from."""

from __future__ import annotations

import copy

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import numpy as np
import torch

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.port_values import trace_torch_step, untraced
from parity.diagnosis.quietly import quietly
from parity.diagnosis.traced_step import trace_numpy_step
from parity.diagnosis.value_trace import Trace
from parity.tolerance.diagnosis import TRACE_AGREES


RAW = "back-propagation's own"  # the detail of a port's gradient root as the hooks saw it, before its step changed .grad


def widened(built: Any) -> Any:
    """The same two programs built to step in float64 from the same start: a float32 trace's tolerance (1e-4 of a
    value's largest entry) lets through what float64 shows (an exact GELU against its tanh form, a gradient's small
    entries apart)."""
    wide = copy.copy(built)
    wide.dtype, wide.dtype_given = "float64", True
    wide.reading_tolerance = TRACE_AGREES["float64"]  # its readings as fine as its values: 5e-4 apart is apart
    return wide


def trace_tolerance(built: Any) -> float:
    return TRACE_AGREES.get(str(getattr(built, "dtype", "float32")), TRACE_AGREES["float32"])


def traces(setup: Any, built: Any, step: int, gradients: bool = False) -> tuple[Trace, Trace]:
    """Both programs built afresh, stepped in lockstep to the step's shared start, and traced through it; with
    `gradients`, the port's parameter gradients after it join its values (as P.grad, in the NumPy layout)."""
    numpy_side, torch_side = replayed(setup, built, step)
    rows = setup.rows(step)
    numpy_trace = trace_numpy_step(numpy_side, rows)
    with delivered_gradients(torch_side) if gradients else nullcontext({}) as raw:
        torch_trace = trace_torch_step(torch_side, rows)
    kept = (torch_side.gradients() or {}) if gradients else {}
    for name, grad in kept.items():
        torch_trace.root(f"{name}.grad", grad, np.array(grad, np.float64))
    for name, grad in raw.items():  # back-propagation's own too where the step changed .grad after it (a clip, a
        # scale): a NumPy backward pass computes those, and clips after
        if name in kept and np.shape(kept[name]) == grad.shape and not np.allclose(kept[name], grad, rtol=1e-6, atol=0):
            torch_trace.root(f"{name}.grad", grad, np.array(grad, np.float64))
            torch_trace.values[-1].detail = RAW
    return numpy_trace, torch_trace


@dataclass
class Passes:
    """What back-propagation delivers in one step of the port: each parameter's gradient per backward pass, and the
    weights (all parameters, by name) where its last one arrived, where they stood away from the step's start; in the
    NumPy layout."""
    calls: dict[str, list[np.ndarray]] = field(default_factory=dict)
    taken_at: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)

    @property
    def moved(self) -> bool:
        return bool(self.taken_at)


@contextmanager
def delivered_gradients(torch_side: Any, passes: Passes | None = None) -> Iterator[dict[str, np.ndarray]]:
    """The port's gradients as back-propagation delivers them in the step run inside (a hook on each parameter, the
    calls of one step summed), before the step's own handling of .grad (a clip, a scale), in the NumPy layout. With
    `passes`, each call is kept apart too, and a call after the parameters moved within the step is noted (a backward
    after a perturbation or an optimizer step: SAM's second pass, a generator's backward after the discriminator's)."""
    delivered: dict[str, list[Any]] = {}
    found: dict[str, np.ndarray] = {}
    hooks, pairs = [], getattr(torch_side, "pairs", None) or []  # the kit's twin holds no pairs: none delivered
    tensors = [torch_side.parameter(pair) for pair in pairs]
    weights = [[t.detach().clone() for t in tensors]] if passes is not None else []  # the start, then each place moved to
    where: dict[str, int] = {}

    @untraced  # the kit's own copy, kept out of a trace of the port's values
    def keep(grad: Any, name: str) -> None:
        delivered.setdefault(name, []).append(grad.detach().clone())
        if weights:
            if any(not torch.equal(t.detach(), w) for t, w in zip(tensors, weights[-1])):
                weights.append([t.detach().clone() for t in tensors])
            where[name] = len(weights) - 1

    for pair, parameter in zip(pairs, tensors):
        if parameter.requires_grad:
            hooks.append(parameter.register_hook(lambda grad, name=pair.name: keep(grad, name)))
    try:
        yield found
    finally:
        for hook in hooks:
            hook.remove()
        layouts = {pair.name: pair.layout for pair in pairs}
        calls = {name: [layouts[name].to_numpy(g.to_dense().cpu().numpy()) for g in grads] for name, grads in delivered.items()}
        found.update({name: sum(arrays[1:], arrays[0]) for name, arrays in calls.items()})
        if passes is not None:
            passes.calls = calls
            places = {k: {p.name: p.layout.to_numpy(w.cpu().numpy()) for p, w in zip(pairs, weights[k])} for k in set(where.values()) if k}
            passes.taken_at = {name: places[k] for name, k in where.items() if k}


def replayed(setup: Any, built: Any, step: int, change: Any = None) -> tuple[Any, Any]:
    """Both programs built afresh and stepped in lockstep to the start of `step` (`change`, given the port's side,
    alters it first)."""
    numpy_side, torch_side = built.make_sides()
    if change is not None:
        change(torch_side)
    for t in range(1, step):
        numpy_side.step(setup.rows(t)), torch_side.step(setup.rows(t))
        torch_side.load(numpy_side.params())
    return numpy_side, torch_side


def lockstep(setup: Any, built: Any, last: int, around: Callable[[Any], Any] | None = None) -> Iterator[tuple[int, dict, dict, Any]]:
    """Both programs built afresh and stepped together through step `last`, each step from the shared start (the port
    is given the NumPy program's parameters after it): (t, NumPy record, port record, port side) after each step;
    `around(port side)`, where given, is the context the port's step runs in."""
    numpy_side, torch_side = built.make_sides()
    for t in range(1, last + 1):
        rows = setup.rows(t)
        numpy_record = numpy_side.step(rows)
        with around(torch_side) if around else nullcontext():
            torch_record = torch_side.step(rows)
        yield t, numpy_record, torch_record, torch_side
        torch_side.load(numpy_side.params())


def moves_at(setup: Any, built: Any, step: int, side: str, parameter: str | None = None) -> bool:
    """Whether that side ("numpy" or "torch"), stepped in lockstep to the step's shared start, moves any parameter in it
    (or the one given)."""
    sides = dict(zip(("numpy", "torch"), replayed(setup, built, step)))
    record = sides[side].step(setup.rows(step))
    return any(np.any(v) for k, v in record.items() if k.endswith(".update") and parameter in (None, k.removesuffix(".update")))


def numpy_trajectory(setup: Any, built: Any, last: int) -> list[tuple[Any, dict, dict]]:
    """The NumPy program stepped once through `last`: (rows, parameters before, after) at each step, the yardstick
    every port stepped again with one change is held against (the NumPy program stepped once, not once per change)."""
    numpy_side, _ = built.make_sides()
    steps = []
    for t in range(1, last + 1):
        rows, start = setup.rows(t), numpy_side.params()
        numpy_side.step(rows)
        steps.append((rows, start, numpy_side.params()))
    return steps


def clipped_raw(raw: Any, trace: Any) -> bool:
    """The port's kept .grad of that parameter one number times back-propagation's own (a clip), not another handling."""
    kept = next((v for v in trace.values if v.op == raw.op and v.detail != RAW), None)
    return kept is not None and (fit := fit_ratio(kept.array, raw.array)) is not None and fit[1] <= 1e-6


def port_gradients_taken(setup: Any, built: Any, step: int) -> tuple[dict[str, np.ndarray], Passes]:
    """The port's step again from the shared start: back-propagation's own gradients in it (before the step's handling
    of .grad, its passes summed), and each pass apart. Measured once a step and dtype for each reading that asks (the
    gradients' oracles ask it first, where the gradient is taken)."""
    kept = vars(built).setdefault("passes_taken", {})
    key = (step, str(getattr(built, "dtype", "")))
    if key not in kept:
        _, torch_side = replayed(setup, built, step)
        passes = Passes()
        try:
            with delivered_gradients(torch_side, passes) as delivered:
                torch_side.step(setup.rows(step))
            kept[key] = (delivered, passes)
        except Exception as error:  # noqa: BLE001 - a port that cannot be stepped again, said to each reading that asks
            kept[key] = error
    if isinstance(kept[key], Exception):
        raise kept[key]
    return kept[key]


def taken_elsewhere(setup: Any, built: Any, step: int, parameter: str) -> bool:
    """Whether the port's step takes the gradient it steps the parameter with after its weights moved within the step
    (SAM's second pass): central differences at the step's start judge no side's gradient of it."""
    taken = quietly(port_gradients_taken, setup, built, step)  # a port that cannot be stepped again: judged as before
    return taken is not None and parameter in taken[1].taken_at
