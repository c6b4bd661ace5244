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

from parity.diagnosis.replays import replayed

EPSILON = 1e-6
DERIVATIVE_AGREES = 1e-5  # relative: central differences of a smooth forward in float64 agree to about 1e-9


@contextmanager
def recorded_calls(calls: list) -> Iterator[None]:
    """Every custom autograd Function the code inside calls, with its arguments: (class, args)."""
    original = torch.autograd.Function.apply.__func__

    def apply(cls, *args, **kwargs):
        calls.append((cls, args))
        return original(cls, *args, **kwargs)

    torch.autograd.Function.apply = classmethod(apply)
    try:
        yield
    finally:
        torch.autograd.Function.apply = classmethod(original)


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
