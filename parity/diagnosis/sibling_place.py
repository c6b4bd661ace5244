"""Where the port's function, replaced by another of its kind (log_softmax for softmax), gives a value the NumPy
program computes: said only where the NumPy program puts it in the port's value's place, not where it merely holds
the same distribution in another form."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import torch

from parity.diagnosis.calls import called_again, numpy_twin, signature


def in_its_place(op: Any, value: np.ndarray, called: dict[int, tuple], shared: tuple, tolerance: float) -> bool:
    """Where the NumPy program computes the port's value too (the teacher's softmax beside the student's log-softmax),
    another function of its input being one of the NumPy program's values shows nothing by itself: the port's next
    call, made again with that value in its place, must give a NumPy value too (kl_div given the log-probabilities)."""
    numpy_trace, port_trace = (shared[1:] + (None, None))[:2]
    if numpy_trace is not None and port_trace is not None and (loss := carried_on(op, value, called, port_trace)) is not None \
            and numpy_twin(numpy_trace.values, loss, tolerance) is None:
        return False  # the port's loss made again with it in its place is none of the NumPy program's: a step the NumPy
        # program takes on its way to the port's value (a stable log-sum-exp's max), not a function in its place
    if numpy_trace is None or not numpy_twin(numpy_trace.values, op.array, tolerance) and not _one_of_the_other(op, value):
        return True
    if port_trace is None:
        return False
    for user in (u for u in op.users if u in called):
        func, args, kwargs = called[user]
        put = lambda a: torch.as_tensor(value, dtype=a.dtype) if torch.is_tensor(a) and port_trace.of.get(id(a)) == op.index else a  # noqa: E731
        try:
            arguments = signature(func).bind(*map(put, args), **{k: put(v) for k, v in kwargs.items()}).arguments
        except (TypeError, ValueError):
            continue
        again = called_again(func, dict(arguments))
        return again is not None and numpy_twin(numpy_trace.values, again, tolerance) is not None
    return False


def carried_on(op: Any, value: np.ndarray, called: dict[int, tuple], port_trace: Any) -> np.ndarray | None:
    """The port's calls after op made again in order, with `value` in op's place and each call's result in its own:
    the last one-number value they give (the loss); None where a call refuses or no such value follows."""
    made, last = {op.index: torch.as_tensor(value, dtype=torch.float64)}, None
    for index in sorted(i for i in called if i > op.index):
        func, args, kwargs = called[index]
        put = lambda a: made[port_trace.of[id(a)]] if torch.is_tensor(a) and port_trace.of.get(id(a)) in made else \
            a.double() if torch.is_tensor(a) and a.is_floating_point() else a  # noqa: E731
        given = [*args, *kwargs.values()]
        if not any(torch.is_tensor(a) and port_trace.of.get(id(a)) in made for a in given):
            continue
        try:
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                again = func(*map(put, args), **{k: put(v) for k, v in kwargs.items()})  # a tensor's own method too,
                # which no signature binds
        except Exception:  # noqa: BLE001 - a call that refuses the value: nothing measured
            return None
        if not torch.is_tensor(again):
            return None
        made[index] = again.double()
        last = again.double().numpy() if again.numel() == 1 else last
    return last


def unfelt(theirs: Any, mine: np.ndarray, port_trace: Any) -> bool:
    """The port's loss made again with the NumPy program's value in the place of its own is the port's loss: the two
    differ there where nothing downstream reads the difference (a diagonal masked twice), no cause of their parting."""
    if mine.size != theirs.array.size:
        return False
    again = carried_on(theirs, mine.reshape(theirs.array.shape), port_trace.called, port_trace)
    own = carried_on(theirs, theirs.array, port_trace.called, port_trace)  # the same float64 arithmetic: the traced
    # loss, in the run's dtype, differs from either by its rounding
    return again is not None and own is not None and bool(np.allclose(again, own, rtol=1e-9, atol=0))


def _one_of_the_other(op: Any, value: np.ndarray) -> bool:
    """The port's value and the sibling's are one function of each other (log_softmax and softmax: one the log of the
    other): a NumPy program that holds one of them computes the same distribution, not another function."""
    mine, theirs = np.asarray(op.array, np.float64), np.asarray(value, np.float64)
    with np.errstate(all="ignore"):
        return mine.shape == theirs.shape and (np.allclose(np.exp(mine), theirs, rtol=1e-5, atol=1e-8) or
                                               np.allclose(np.exp(theirs), mine, rtol=1e-5, atol=1e-8))
