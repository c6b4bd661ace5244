"""Where the port's function, replaced by another of its kind (log_softmax for softmax), gives a value the NumPy
program computes: said only where the NumPy program puts it in the port's value's place, not where it merely holds
the same distribution in another form."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from parity.diagnosis.calls import called_again, numpy_twin, signature


def in_its_place(op: Any, value: np.ndarray, called: dict[int, tuple], shared: tuple, tolerance: float) -> bool:
    """Where the NumPy program computes the port's value too (the teacher's softmax beside the student's log-softmax),
    another function of its input being one of the NumPy program's values shows nothing by itself: the port's next
    call, made again with that value in its place, must give a NumPy value too (kl_div given the log-probabilities)."""
    numpy_trace, port_trace = (shared[1:] + (None, None))[:2]
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


def _one_of_the_other(op: Any, value: np.ndarray) -> bool:
    """The port's value and the sibling's are one function of each other (log_softmax and softmax: one the log of the
    other): a NumPy program that holds one of them computes the same distribution, not another function."""
    mine, theirs = np.asarray(op.array, np.float64), np.asarray(value, np.float64)
    with np.errstate(all="ignore"):
        return mine.shape == theirs.shape and (np.allclose(np.exp(mine), theirs, rtol=1e-5, atol=1e-8) or
                                               np.allclose(np.exp(theirs), mine, rtol=1e-5, atol=1e-8))
