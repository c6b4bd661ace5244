"""Two distributions a matrix product applies, one held by the NumPy program (untraced: made from its weights alone)
and one the port traces, read against each other through their logits: the same softmax at another temperature (the
centred logits one number apart: τ's schedule, a precedence in its formula), or logits apart by a term the port adds
scaled otherwise (a noise divided by τ on one side only).

    log p = z/τ - logsumexp(z/τ):   centred, log p_numpy = k · log p_port   ⇔   τ_numpy = τ_port / k
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.value_trace import Trace, Value, describe

PRODUCTS = {"matmul", "dot", "einsum", "linear", "mm", "bmm"}
EXACT = 1e-4  # relative: logits recovered from float32 probabilities


def temperature_apart(numpy_ops: list[Value], torch_ops: list[Value], twin: Value, torch_trace: Trace) -> str:
    for mine in numpy_ops[:3]:
        if mine.op not in PRODUCTS or not mine.unseen:
            continue
        held = next(iter(mine.unseen.values()))
        for theirs in torch_ops[:3]:
            if theirs.op not in PRODUCTS:
                continue
            for index in (i for i in theirs.inputs if isinstance(i, int) and i != twin.index):
                port = torch_trace.values[index]
                if said := _read(held, port, torch_trace):
                    return said
    return ""


def _read(held: np.ndarray, port: Value, trace: Trace) -> str:
    theirs = port.array
    mine = held if held.shape == theirs.shape else held.T if held.T.shape == theirs.shape else None
    axis = next((a for a in (-1, 0) if mine is not None and _distribution(theirs, a) and _distribution(mine, a)), None)
    if axis is None or np.allclose(mine, theirs, rtol=EXACT, atol=EXACT * float(theirs.max())):
        return ""
    ours, port_logits = _centred(np.log(mine), axis), _centred(np.log(theirs), axis)
    k = float(np.vdot(ours, port_logits) / np.vdot(port_logits, port_logits))
    scale = float(np.abs(ours).max())
    if abs(k - 1) > 1e-3 and np.abs(ours - k * port_logits).max() <= EXACT * scale:
        return (f"Both sides apply a distribution there (each row sums to 1): the NumPy program's (held, made from its "
                f"weights) and the port's {describe(port)} are one softmax at two temperatures: the NumPy program's "
                f"centred log-probabilities are {k:.6g} times the port's, so its temperature is 1/{k:.6g} of the port's "
                "(a temperature or its schedule written otherwise: its formula's precedence, its step, its floor).")
    gap = ours - port_logits
    for value in _ancestors(port, trace):
        term = value.array if value.array.shape == mine.shape else None
        if term is None or np.ptp(term) == 0:
            continue
        term = _centred(term, axis)
        c = float(np.vdot(gap, term) / np.vdot(term, term))
        if abs(c) > EXACT and np.abs(gap - c * term).max() <= EXACT * scale:
            return (f"Both sides apply a distribution there (each row sums to 1), and their logits part by {c:.6g} times "
                    f"the port's {describe(value)}: that term enters the softmax scaled otherwise on one side (divided by "
                    "the temperature on one side only: (z + g)/τ against z/τ + g).")
    return ""


def _distribution(p: np.ndarray, axis: int) -> bool:
    return p.ndim == 2 and p.shape[axis] > 1 and bool(np.all(p > 0)) and np.allclose(p.sum(axis=axis), 1.0, atol=1e-5)


def _centred(a: np.ndarray, axis: int) -> np.ndarray:
    return a - a.mean(axis=axis, keepdims=True)


def _ancestors(value: Value, trace: Trace, depth: int = 4) -> list[Value]:
    found, frontier = [], [value]
    for _ in range(depth):
        frontier = [trace.values[i] for v in frontier for i in v.inputs if isinstance(i, int)]
        found += frontier
    return found


def factor_at_another_temperature(factor: np.ndarray, trace: Trace) -> str:
    """A forward value the NumPy program's backward multiplies by, against the port's forward values of its size: the
    same squashing (a softmax over the last axis, a sigmoid, a tanh) at another temperature, its logits k times the
    port's. The chain rule is then taken right, at a forward value the output never shows (a straight-through hard
    sample's soft twin): its temperature is what parts."""
    for value in trace.values:
        theirs = value.array
        if is_gradient(value) or theirs.size != factor.size or theirs.size < 4 or not np.issubdtype(theirs.dtype, np.floating):
            continue
        theirs = theirs.reshape(factor.shape)
        for law, inverse in _SQUASHINGS:
            if not (law(factor) and law(theirs)):
                continue
            ours, port_logits = inverse(factor), inverse(theirs)
            k = float(np.vdot(ours, port_logits) / max(float(np.vdot(port_logits, port_logits)), 1e-300))
            scale = float(np.abs(ours).max())
            if abs(k - 1) > 1e-3 and np.abs(ours - k * port_logits).max() <= EXACT * scale:
                return (f"That factor is the port's {describe(value)} at another temperature: its logits are {k:.6g} times "
                        f"the port's, so its temperature is {1 / k:.6g} times the port's. The chain rule is taken at a forward "
                        "value the output does not show (a hard sample's soft twin), and that value's temperature or its "
                        "schedule is written otherwise (its formula's precedence, its step counter, its floor).")
    return ""


def _softmax_rows(p: np.ndarray) -> bool:
    return p.ndim >= 2 and p.shape[-1] > 1 and bool(np.all(p > 0)) and np.allclose(p.sum(axis=-1), 1.0, atol=1e-5)


def _open_unit(p: np.ndarray) -> bool:
    return bool(np.all((p > 0) & (p < 1))) and np.ptp(p) > 0 and not _softmax_rows(p)


def _open_signed(p: np.ndarray) -> bool:
    return bool(np.all((p > -1) & (p < 1))) and bool(np.any(p < 0)) and np.ptp(p) > 0


_SQUASHINGS = (  # (the values it makes, its logits back)
    (_softmax_rows, lambda p: _centred(np.log(p), -1)),
    (_open_unit, lambda p: np.log(p) - np.log1p(-p)),
    (_open_signed, np.arctanh),
)
