"""A variance or standard deviation divided by n on one side and by n - 1 on the other, measured: the port's torch.var
or torch.std (unbiased, n - 1, by default) against a value of the NumPy program's step that is it times n/(n - 1) or
(n - 1)/n (their square roots for a standard deviation), n the count the port's call reduces over.

    s² = Σ(x - x̄)² / (n - ddof)        np.var: ddof=0;  torch.var: correction=1 unless told
"""

from __future__ import annotations

import math
from typing import Any

from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import constant_ratio
from parity.diagnosis.replays import traces
from parity.diagnosis.value_trace import Trace, Value, describe

EXACT = 1e-6  # relative: a ratio of two counts is exact, not a factor near it
STATISTICS = {"var": 1, "std": 2, "var_mean": 1, "std_mean": 2}  # the op, and the power its ratio is taken to


def variance_divisors(setup: Any, built: Any, step: int) -> Finding | None:
    """The first of the port's variances or standard deviations that a value of the NumPy program's step is, up to
    that ratio of counts: said with the divisor each side uses, the port's read from the ratio."""
    numpy_trace, torch_trace = traces(setup, built, step)
    for theirs in (v for v in torch_trace.values if v.op in STATISTICS and v.array.size):
        n = _count(theirs, torch_trace)
        for mine in (v for v in numpy_trace.values if v.array.size == theirs.array.size and v.op not in ("X", "y")):
            k = constant_ratio(mine.array, theirs.array.reshape(mine.array.shape))
            if k is None or n < 2 or not (divides := _divisors(k ** STATISTICS[theirs.op], n)):
                continue
            mine_n, port_n = divides
            kind = "variance" if STATISTICS[theirs.op] == 1 else "standard deviation"
            told = "unbiased" in theirs.detail or "correction" in theirs.detail
            side = {"side": "torch"} if port_n == n - 1 and not told else {}  # torch's default where np.var's is meant
            return Finding("forward", (
                f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} times {k:.6g}: a {kind} over {n} "
                f"values divided by {_words(mine_n, n)} in the NumPy program and by {_words(port_n, n)} in the port (Bessel's "
                "correction on one side: torch's var and std divide by n - 1 unless told unbiased=False or correction=0, "
                "np.var and np.std by n unless told ddof=1)."), {**side, "stage": "forward", "count": n},
                f"Divide by the same count on both sides (unbiased={port_n == n} in the port's {theirs.op}, or "
                f"ddof={int(port_n == n - 1)} in the NumPy program).", 0.85)
    return None


def _count(value: Value, trace: Trace) -> int:
    """The values one entry of the statistic is taken over: its input's size over its own."""
    source = next((i for i in value.inputs if isinstance(i, int)), None)
    return trace.values[source].array.size // value.array.size if source is not None else 0


def _divisors(ratio: float, n: int) -> tuple[int, int] | None:
    """(the NumPy program's divisor, the port's) where the ratio of the two statistics is n/(n - 1) or (n - 1)/n."""
    return next(((mine, theirs) for mine, theirs in ((n - 1, n), (n, n - 1))
                 if math.isclose(ratio, theirs / mine, rel_tol=EXACT)), None)


def _words(divisor: int, n: int) -> str:
    return f"n = {n}" if divisor == n else f"n - 1 = {n - 1}"
