"""A port's own autograd Functions measured against their forward: each one the port's step calls, called again on
that step's inputs in float64, its backward's vector-Jacobian product against central differences of its forward
along a random direction (what torch.autograd.gradcheck's fast mode compares). A backward that is not the derivative
of its forward is said by name, with both numbers.

    uᵀ·(backward of v)   vs   v · (f(x + εu) - f(x - εu)) / 2ε
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import torch

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed
from parity.diagnosis.written_forward import LOCATED

EPSILON = 1e-6
SURROGATE_MEASURED = 0.8  # the relation holds element by element; which side meant which formula, no number says
DERIVATIVE_AGREES = 1e-5  # relative: central differences of a smooth forward in float64 agree to about 1e-9


@contextmanager
def recorded_calls(calls: list) -> Iterator[None]:
    """Every custom autograd Function the code inside calls, with its arguments: (class, args). Its apply is watched,
    and each user Function's forward too: `spike = SpikeFn.apply`, bound when the port's module loaded, never passes
    through a patched apply."""
    original = torch.autograd.Function.apply.__func__
    forwards = {cls: cls.__dict__["forward"] for cls in _user_functions() if isinstance(cls.__dict__.get("forward"), staticmethod)}

    def apply(cls, *args, **kwargs):
        calls.append((cls, args))
        return original(cls, *args, **kwargs)

    def watched(cls, forward):
        own_context = cls.setup_context is not torch.autograd.Function.setup_context  # forward(x, ...), no ctx first

        def recording(*args, **kwargs):
            inputs = args if own_context else args[1:]
            if not any(c is cls and len(a) == len(inputs) and all(x is y for x, y in zip(a, inputs)) for c, a in calls[-1:]):
                calls.append((cls, inputs))  # the forward's own arguments: the apply was bound before the watch began
            return forward.__func__(*args, **kwargs)
        return staticmethod(recording)

    torch.autograd.Function.apply = classmethod(apply)
    for cls, forward in forwards.items():
        cls.forward = watched(cls, forward)
    try:
        yield
    finally:
        torch.autograd.Function.apply = classmethod(original)
        for cls, forward in forwards.items():
            cls.forward = forward


def _user_functions() -> list[type]:
    """The autograd Functions defined outside torch (the user's own), every level of subclass."""
    found, stack = [], list(torch.autograd.Function.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        if not (cls.__module__ or "").startswith("torch"):
            found.append(cls)
    return found


def backward_not_derivative(calls: list) -> str:
    """The first custom Function, of those called, whose backward is not the derivative of its forward: said."""
    seen = set()
    for cls, args in calls:
        if cls in seen:
            continue
        seen.add(cls)
        measured = _vjp_against_differences(cls, args)
        if measured is None:
            continue
        analytic, numeric = measured
        if numeric == 0.0 and analytic != 0.0:
            continue  # a forward that is a step (a spike, a sign, a rounding): its backward is a surrogate by design
        if abs(analytic - numeric) > DERIVATIVE_AGREES * max(abs(numeric), abs(analytic), 1e-12):
            return (f"the port's custom autograd.Function {cls.__name__}: its backward is not the derivative of its "
                    f"forward (measured on the step's own inputs in float64, along a random direction: its backward "
                    f"gives {analytic:.6g}, central differences of its forward {numeric:.6g}).")
    return ""


def _vjp_against_differences(cls: Any, args: tuple) -> tuple[float, float] | None:
    inputs = [a.detach().double().requires_grad_(a.requires_grad) if _floating(a) else a for a in args]
    wanted = [a for a in inputs if _floating(a) and a.requires_grad]
    if not wanted:
        return None
    generator = torch.Generator().manual_seed(0)
    try:
        out = _first(cls.apply(*inputs))
        v = torch.randn(out.shape, generator=generator, dtype=out.dtype)
        grads = torch.autograd.grad(out, wanted, v, allow_unused=True)
        u = [torch.randn(a.shape, generator=generator, dtype=a.dtype) for a in wanted]
        analytic = sum(float((g * d).sum()) for g, d in zip(grads, u) if g is not None)
        with torch.no_grad():
            plus, minus = (_first(cls.apply(*_moved(inputs, wanted, u, sign * EPSILON))) for sign in (1, -1))
        numeric = float(((plus - minus) * v).sum()) / (2 * EPSILON)
    except Exception:  # noqa: BLE001 - a Function that refuses float64 copies is not measured
        return None
    return analytic, numeric


def _moved(inputs: list, wanted: list, directions: list, step: float) -> list:
    moved = {id(a): (a + step * d).detach() for a, d in zip(wanted, directions)}
    return [moved.get(id(a), a.detach() if torch.is_tensor(a) else a) for a in inputs]


def _floating(value: Any) -> bool:
    return torch.is_tensor(value) and value.is_floating_point()


def _first(result: Any) -> torch.Tensor:
    return result[0] if isinstance(result, (tuple, list)) else result


def custom_backward(setup: Any, built: Any, step: int) -> str:
    """The port stepped to this step's shared start and through it, its custom Functions recorded and measured."""
    _, torch_side = replayed(setup, built, step)
    calls: list = []
    with recorded_calls(calls):
        torch_side.step(setup.rows(step))
    said = backward_not_derivative(calls)
    return f"{said[:-1]} (measured)." if said else ""


def surrogates(setup: Any, built: Any, step: int) -> list[tuple[Any, tuple]]:
    """The port's calls of custom Functions whose forward is a step (central differences 0 along a random direction)
    and whose backward is not 0: a surrogate or straight-through gradient, no derivative by design. Where the port has
    one, the loss's central differences judge neither side's backward."""
    _, torch_side = replayed(setup, built, step)
    calls: list = []
    with recorded_calls(calls):
        torch_side.step(setup.rows(step))
    stepped: dict[Any, bool] = {}
    for cls, args in calls:
        if cls not in stepped:
            stepped[cls] = (measured := _vjp_against_differences(cls, args)) is not None and \
                measured[1] == 0.0 and measured[0] != 0.0
    return [(cls, args) for cls, args in calls if stepped[cls]]


def unjudged(found: Finding, stepped: list[tuple[Any, tuple]], apart: str = "") -> Finding:
    """A located backward finding where no oracle judges the sides: the port's backward runs through a surrogate
    gradient, so the port's values are no reference and the difference is said without a side; where the two
    surrogates' formulas part (`apart`, measured), that is said."""
    names = ", ".join(dict.fromkeys(cls.__name__ for cls, _ in stepped))
    evidence = {k: v for k, v in found.evidence.items() if k != "side"}
    if apart:
        where = found.explanation.split(". ")[0].split("; ")[0]
        return Finding("backward", f"The port's {names} has a step for its forward and a surrogate gradient for its "
                       f"backward, and the NumPy program's surrogate is not that backward: {apart} (measured on the step's own inputs, at step {found.evidence.get('step')}). "
                       f"{where}.",
                       {**evidence, "surrogate": names}, "Write the same surrogate on both sides: its formula, its centre "
                       "and its constants.", SURROGATE_MEASURED)
    caveat = (f" The port's {names} has a step for its forward and a surrogate gradient for its backward: "
              "neither side's gradient is the loss's derivative by design, so which backward formula is meant (the "
              "surrogate, where it is evaluated, the chain through it) the numbers cannot tell: compare the two.")
    return Finding("backward", found.explanation + caveat, evidence, "Compare the two backward passes at that value, the "
                   "surrogate gradient first (its formula, its centre, what it is evaluated at).",
                   found.score if "neutral" in found.evidence else min(found.score, LOCATED))  # a difference said sideless


def no_oracle(found: Finding | None, parameter: str, errors: tuple[float, float]) -> Finding | None:
    """A located backward finding where neither side's gradient of the parameter is the loss's derivative (a gradient
    reversal, a stop-gradient, a custom backward meant so): read against the port's values, the NumPy side it names
    taken back, for no measurement says which side parts."""
    if found is None or found.evidence.get("side") != "numpy":
        return found  # a side the reading measured itself (the port's gradient let through a bound) stands
    evidence = {k: v for k, v in found.evidence.items() if k != "side"}
    caveat = (f" Neither side's gradient of {parameter} is the derivative of the loss (central differences: the port's "
              f"relative error {errors[0]:.3g}, the NumPy program's {errors[1]:.3g}: a gradient reversal, a stop-gradient "
              "or a custom backward, meant so on both sides), so no oracle says which side parts; read against the port's "
              "values, the side is not said: check both programs at that place.")
    return Finding("backward", found.explanation + caveat, {**evidence, "oracle": "none"}, found.fix, found.score)
