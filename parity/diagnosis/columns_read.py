"""Which columns of the last value the two programs agree on each reads next, where they part right after it: a
context window that takes the centre word in, a feature slice one short, a time step left out.

Each side's uses of the agreeing value are read as the set of its columns they take: a slice or index, by matching
the result's columns against the value's own; any other use (a product, an index into a table with the value as
the key) takes every column.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe


def columns_read(numpy_trace: Trace, torch_trace: Trace, frontier: Value, twin: Value) -> str:
    base = np.asarray(twin.array)
    if base.ndim != 2 or base.shape[1] < 2 or frontier.array.shape != base.shape:
        return ""
    mine = _read(numpy_trace, frontier, base)
    theirs = _read(torch_trace, twin, base)
    if not mine or not theirs or mine == theirs:
        return ""
    only_mine, only_theirs = sorted(mine - theirs), sorted(theirs - mine)
    said = "; ".join(part for part in (
        f"column{'s' if len(only_mine) > 1 else ''} {_listed(only_mine)} only on the NumPy side" if only_mine else "",
        f"column{'s' if len(only_theirs) > 1 else ''} {_listed(only_theirs)} only in the port" if only_theirs else "") if part)
    return (f"From {describe(frontier)} ({base.shape[1]} columns) the NumPy program reads columns {_listed(sorted(mine))}, "
            f"the port columns {_listed(sorted(theirs))}: {said} (a slice's bound one off: a window that takes its centre "
            "in, a column left out).")


def _read(trace: Trace, value: Value, base: np.ndarray) -> set[int]:
    found: set[int] = set()
    for use in (trace.values[i] for i in value.users):
        if use.op == "grad":
            continue
        if use.op != "getitem" or not use.inputs or use.inputs[0] != value.index:
            return set(range(base.shape[1]))  # a product, or the value as a key: every column
        found |= _columns_of(use.array, base)
    return found


def _columns_of(part: np.ndarray, base: np.ndarray) -> set[int]:
    columns = part.reshape(len(part), -1) if part.ndim >= 1 and len(part) == len(base) else None
    if columns is None:
        return set(range(base.shape[1]))
    found = set()
    for column in columns.T:
        same = [j for j in range(base.shape[1]) if np.array_equal(base[:, j], column)]
        if len(same) != 1:
            return set(range(base.shape[1]))  # a column that matches none, or several: no reading
        found.add(same[0])
    return found


def _listed(columns: list[int]) -> str:
    return ", ".join(str(c) for c in columns)
