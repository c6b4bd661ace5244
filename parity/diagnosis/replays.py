"""Both programs as written built afresh and stepped together to a step's shared start (the port given the NumPy
program's parameters after each step), and traced through it: what every stage-by-stage reading starts from."""

from __future__ import annotations

import copy

from contextlib import contextmanager, nullcontext
from typing import Any, Callable, Iterator

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.port_values import trace_torch_step, untraced
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


@contextmanager
def delivered_gradients(torch_side: Any) -> Iterator[dict[str, np.ndarray]]:
    """The port's gradients as back-propagation delivers them in the step run inside (a hook on each parameter, the
    calls of one step summed), before the step's own handling of .grad (a clip, a scale), in the NumPy layout."""
    delivered: dict[str, Any] = {}
    found: dict[str, np.ndarray] = {}
    hooks, pairs = [], getattr(torch_side, "pairs", None) or []  # the kit's twin holds no pairs: none delivered

    @untraced  # the kit's own copy, kept out of a trace of the port's values
    def keep(grad: Any, name: str) -> None:
        delivered[name] = delivered[name] + grad.detach() if name in delivered else grad.detach().clone()

    for pair in pairs:
        parameter = torch_side.parameter(pair)
        if parameter.requires_grad:
            hooks.append(parameter.register_hook(lambda grad, name=pair.name: keep(grad, name)))
    try:
        yield found
    finally:
        for hook in hooks:
            hook.remove()
        layouts = {pair.name: pair.layout for pair in pairs}
        found.update({name: layouts[name].to_numpy(grad.to_dense().cpu().numpy()) for name, grad in delivered.items()})


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
