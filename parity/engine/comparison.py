"""What one comparison of one tensor at one step is, and how one is made from the numbers reduced for it.

measure.py reduces those numbers with NumPy on the host, device_measure.py
with torch where the torch side's tensors are; both end here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from parity.tolerance import ELEMENTWISE

INF = float("inf")
HISTOGRAM_SAMPLE = 65536  # elements a histogram counts at most: a logarithm per element is dear on a large tensor


@dataclass(frozen=True)
class Comparison:
    """One tensor at one step."""

    max_abs: float
    max_rel: float
    index: tuple[int, ...]  # of the element with the greatest absolute difference
    numpy_value: float
    torch_value: float
    mismatched: int  # elements outside tolerance
    size: int
    problem: str | None = None  # shape or dtype disagreement
    used: float = 0.0  # the largest share of its tolerance an element takes (1 = at the limit)
    # the least --atol (at the run's rtol) and --rtol (at its atol) that pass it, given explicitly (no allowances)
    min_atol: float = 0.0
    min_rtol: float = 0.0
    histogram: dict[str, int] | None = None  # errors by decade, where asked for (see error_histogram)
    allowed: float = 0.0  # the largest allowance the rule applied: atol + rtol * max |torch| (or |torch64|)
    rule: str = ELEMENTWISE  # which rule judged it: the element-wise one, or the float64 reference (parity.tolerance)
    float64_gap: float | None = None  # max |numpy64 - torch64|, where a float64 reference was taken
    precision: float | None = None  # the NumPy side's float32 error over torch's, against the float64 reference
    note: str | None = None  # what the float64 reference showed

    @property
    def passed(self) -> bool:
        return self.mismatched == 0 and self.problem is None


class Pair(NamedTuple):
    """One tensor to measure. histogram_above: count the errors by decade when the largest exceeds this (a run's
    new worst step)."""

    numpy_value: np.ndarray
    torch_value: np.ndarray  # or a torch tensor on its device, measured there
    histogram_above: float | None = None


def dtype_of(value) -> np.dtype | str:
    """An array's dtype, or a tensor's as NumPy names it (its own name where NumPy has none, as for bfloat16)."""
    if isinstance(value, np.ndarray):
        return value.dtype
    name = str(value.dtype).removeprefix("torch.")
    try:
        return np.dtype(name)
    except TypeError:
        return name


def measured(shape: tuple[int, ...], size: int, problem: str | None, worst, max_rel, mismatched, used, min_atol, min_rtol,
             worst_element: tuple | None, histogram: dict | None, allowed: float = 0.0) -> Comparison:
    """A Comparison from one tensor's reduced numbers; worst_element: (flat index, NumPy value, torch value) of its
    first element with the greatest difference, where known. A dtype problem takes no tolerance."""
    index: tuple[int, ...] = ()
    numpy_value = torch_value = float("nan")
    if worst_element is not None:
        where, numpy_value, torch_value = worst_element
        if len(shape) == 1:
            index = (int(where),)
        elif shape:
            index = tuple(int(j) for j in np.unravel_index(int(where), shape))
    return Comparison(
        max_abs=float(worst), max_rel=float(max_rel), index=index, numpy_value=float(numpy_value),
        torch_value=float(torch_value), mismatched=int(mismatched), size=int(size), problem=problem,
        used=INF if problem else float(used), min_atol=INF if problem else float(min_atol),
        min_rtol=INF if problem else float(min_rtol), histogram=histogram, allowed=float(allowed),
    )


def error_histogram(diff: np.ndarray) -> dict[str, int]:
    """|numpy - torch| counted by decade: {"0": exact, "1e-08": in [1e-8, 1e-7), ...}, only the decades that occur.
    A tensor larger than HISTOGRAM_SAMPLE is counted on every k-th element, and "every": k says so."""
    every = histogram_every(diff.size)
    return histogram_of(diff[::every] if every > 1 else diff, every)


def histogram_every(size: int) -> int:
    """Which elements a histogram counts: every k-th, so that at most HISTOGRAM_SAMPLE are."""
    return -(-size // HISTOGRAM_SAMPLE)


def histogram_of(sample: np.ndarray, every: int) -> dict[str, int]:
    """error_histogram() of the elements already sampled, every k-th."""
    exact = int(np.count_nonzero(sample == 0))
    decades = np.clip(np.floor(np.log10(sample[sample > 0])), -324, 308).astype(np.int64)  # Inf counts in the top decade
    counts = {"every": every} if every > 1 else {}
    counts.update({"0": exact} if exact else {})
    values, numbers = np.unique(decades, return_counts=True)
    counts.update({f"1e{int(v):+03d}": int(n) for v, n in zip(values, numbers)})
    return counts
