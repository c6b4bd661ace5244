"""A port's surrogate gradient against the NumPy program's, measured: the port's custom Function's backward taken at
its own inputs (its local derivative, element by element), the NumPy program's read from its trace (the values it
makes from the same input, or that input shifted by a constant, through elementwise ops and numbers alone). Where they
part, the relation that holds is said: the NumPy program's evaluated at a shifted input (a threshold), the port's to a
power (a square left out), times a constant, or with another value of one of the Function's numbers (a slope k).

    s_port(x) = ∂f/∂x from the port's backward      s_numpy = g(x + c), g from the NumPy trace
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import torch

from parity.diagnosis.value_trace import Trace, Value

RELATIVE = 1e-4  # a float32 program's elementwise function against its float64 copy agrees to about 1e-6
POWERS = {2.0: "squared", 3.0: "cubed", 0.5: "the square root of", 1 / 3: "the cube root of"}
CHAIN_DEPTH = 10
MOST_CHAINED = 40  # values read per start: a formula is a few ops, and each is searched over the Function's numbers


def surrogate_apart(numpy_trace: Trace, calls: list) -> str:
    """What sets the NumPy program's surrogate apart from the port's, at the first call where one is read; "" where
    the two agree (the difference is elsewhere in the chain) or where the NumPy program's cannot be read."""
    for cls, args in calls:
        if (position := _input_position(args)) is None:
            continue
        local = lambda shift, numbers=None: _derivative(cls, args, position, shift, numbers)  # noqa: E731
        port = local(0.0)
        if port is None or not np.all(np.isfinite(port)):
            continue
        x = args[position].detach().double().numpy()
        readings = [_related(chain, port, local, offset, args) for offset, chain in _numpy_chains(numpy_trace, x)]
        if any(r == "" for r in readings):
            return ""  # the NumPy program makes the port's own surrogate: they part elsewhere
        if said := next((r for r in readings if r), None):
            return said
    return ""


def _input_position(args: tuple) -> int | None:
    return next((k for k, a in enumerate(args) if torch.is_tensor(a) and a.is_floating_point() and a.dim() > 0), None)


def _derivative(cls: Any, args: tuple, position: int, shift: float, numbers: dict | None) -> np.ndarray | None:
    """The Function's backward at its input moved by `shift` (and some of its numbers changed), element by element."""
    inputs = [a.detach().double() if torch.is_tensor(a) and a.is_floating_point() else a for a in args]
    for k, number in (numbers or {}).items():
        inputs[k] = number
    x = (inputs[position] + shift).requires_grad_(True)
    inputs[position] = x
    try:
        with torch.enable_grad():
            out = cls.apply(*inputs)
            out = out[0] if isinstance(out, (tuple, list)) else out
            if out.shape != x.shape:
                return None
            (grad,) = torch.autograd.grad(out, x, torch.ones_like(out), allow_unused=True)
    except Exception:  # noqa: BLE001 - a Function that refuses float64 copies is not read
        return None
    return None if grad is None else grad.detach().numpy()


def _numpy_chains(trace: Trace, x: np.ndarray) -> list[tuple[float, list[Value]]]:
    """Each NumPy value that is the port's input plus a constant, with the values it makes through elementwise ops
    whose other operands are numbers (the surrogate's formula written on it)."""
    found, scale = [], 1.0 + float(np.max(np.abs(x)))
    for value in trace.values:
        if value.array.shape != x.shape:
            continue
        offset = value.array - x
        if float(np.ptp(offset)) <= RELATIVE * scale:
            if chain := _chain(trace, value):
                found.append((float(np.mean(offset)), chain))
    return found


def _chain(trace: Trace, start: Value) -> list[Value]:
    chain, frontier = [], [start]
    for _ in range(CHAIN_DEPTH):
        frontier = [trace.values[u] for v in frontier for u in v.users if _elementwise_of_one(trace.values[u], v)]
        chain += frontier
    return chain[:MOST_CHAINED]


def _elementwise_of_one(user: Value, source: Value) -> bool:
    arrays = [i for i in user.inputs if isinstance(i, int)]
    return arrays == [source.index] and user.array.shape == source.array.shape and not user.parts


def _related(chain: list[Value], port: np.ndarray, local: Callable, offset: float, args: tuple) -> str | None:
    """"" where a value of the chain is the port's surrogate, a relation in words where one holds, else None."""
    scale = float(np.max(np.abs(port))) or 1.0
    close = lambda a, b: b is not None and float(np.max(np.abs(a - b))) <= RELATIVE * max(scale, float(np.max(np.abs(a))))  # noqa: E731
    if abs(offset) <= RELATIVE and any(close(v.array, port) for v in chain):
        return ""
    shifted = local(offset) if abs(offset) > RELATIVE else None
    for value in chain:
        mine = value.array
        if shifted is not None and close(mine, shifted):
            return (f"the NumPy program takes it at the port's input {offset:+.6g} (the port's surrogate at x "
                    f"{offset:+.6g} is the NumPy program's, element by element): a shift of {abs(offset):.6g} (a "
                    f"threshold, a centre) on one side only")
        if abs(offset) > RELATIVE:
            continue
        if said := _power(mine, port, close) or _factor(mine, port, close) or _number(mine, local, args, close):
            return said
    return None


def _power(mine: np.ndarray, port: np.ndarray, close: Callable) -> str | None:
    inside = (port > 0) & (port < 1 - 1e-6) & (mine > 0)
    if inside.sum() < 2:
        return None
    for power, words in POWERS.items():
        if close(mine, np.sign(port) * np.abs(port) ** power):
            return f"the NumPy program's is the port's {words} (a power of the surrogate's formula left out on one side)"
        if close(port, np.sign(mine) * np.abs(mine) ** power):
            return f"the port's is the NumPy program's {words} (a power of the surrogate's formula left out on one side)"
    return None


def _factor(mine: np.ndarray, port: np.ndarray, close: Callable) -> str | None:
    where = np.abs(port) > 1e-6 * float(np.max(np.abs(port)))
    if where.sum() < 2:
        return None
    k = float(np.median(mine[where] / port[where]))
    if abs(k - 1) > 1e-3 and close(mine, k * port):
        return f"the NumPy program's is the port's times {k:.6g}, element by element (a constant of its formula)"
    return None


def _number(mine: np.ndarray, local: Callable, args: tuple, close: Callable) -> str | None:
    """A number the Function takes (a slope k, a width) that, changed, makes the port's the NumPy program's."""
    for k, number in enumerate(args):
        if isinstance(number, bool) or not isinstance(number, (int, float)) or number == 0:
            continue
        error = lambda n: _error(mine, local(0.0, {k: n}))  # noqa: E731
        best = min((number * 2 ** (j / 8) for j in range(-40, 41)), key=error)
        low, high = best * 2 ** (-1 / 8), best * 2 ** (1 / 8)
        for _ in range(40):  # a golden-section search on the number around the grid's best
            a, b = low + 0.382 * (high - low), low + 0.618 * (high - low)
            low, high = (low, b) if error(a) < error(b) else (a, high)
        found = (low + high) / 2
        if abs(found / number - 1) > 1e-3 and close(mine, local(0.0, {k: found})):
            return (f"the NumPy program's is the port's with its number {number:.6g} (argument {k + 1} of the "
                    f"Function) taken as {found:.6g}")
    return None


def _error(mine: np.ndarray, theirs: np.ndarray | None) -> float:
    return float("inf") if theirs is None else float(np.max(np.abs(mine - theirs)))
