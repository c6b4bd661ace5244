"""A cumulative sum or product run in the other direction: a suffix sum where a prefix sum belongs or the reverse (a
risk set summed from the wrong end, a reverse cumulative sum written forward in a backward pass). The NumPy
program's value is recomputed with that scan flipped, x[::-1].cumsum()[::-1], the ops after it as computed; where
that gives the other side's value, the direction is the slip.

    c = cumsum(a)        recomputed with flip(cumsum(flip(a)))  →  the port's value: the scan runs the other way
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

from parity.diagnosis.recompute import replay
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

SCANS = {"cumsum": np.cumsum, "cumprod": np.cumprod}
LATER = 12  # values after the scan recomputed with it flipped
DEPTH = 8


def scan_reversed(values: list[Value], trace: Trace, other: Trace, tolerance: float,
                  name: Callable[[Value], str], gradients: bool = True) -> str:
    """The first scan among `values` whose flip makes a later one of them the other side's value (one of its
    gradients, with `gradients`; else one of its forward values)."""
    theirs = [v for v in other.values if (v.op == "grad") == gradients]
    for scan in (v for v in values if v.op in SCANS and v.inputs and isinstance(v.inputs[0], int)):
        source = trace.values[scan.inputs[0]].array
        axis = re.search(r"axis=(-?\d+)", scan.detail)
        if source.ndim != 1 and axis is None:
            continue  # np.cumsum of a matrix without an axis runs over the flattened array: no one direction to flip
        k = int(axis.group(1)) if axis else 0
        flipped = np.flip(SCANS[scan.op](np.flip(source, k), axis=k), k)
        if flipped.shape != scan.array.shape or agrees(flipped, scan.array, tolerance):
            continue
        for later in [v for v in values if v.index >= scan.index][:LATER]:
            again = replay(trace, later.index, {scan.index: flipped}, DEPTH)
            if again is None or again.size < 2 or agrees(again, later.array, tolerance):
                continue
            twin = next((v for v in theirs if v.array.size == again.size and agrees(again.reshape(v.array.shape), v.array, tolerance)), None)
            if twin is not None:
                return (f"Recomputed with its {scan.op} of {describe(trace.values[scan.inputs[0]])} run the other way "
                        f"(from the last entry back, flip({scan.op}(flip(a)))), the NumPy program's {describe(later)} gives "
                        f"{name(twin)}: the {scan.op} runs in the other direction on the NumPy side (a prefix sum where a "
                        "suffix sum belongs, a risk set summed from the wrong end, or the reverse).")
    return ""
