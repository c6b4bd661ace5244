"""Which columns of the last value the two programs agree on each reads next, where they part right after it: a
context window that takes the centre word in, a feature slice one short, a time step left out.

Each side's uses of the agreeing value are read as the set of its columns they take: a slice or index, by matching
the result's columns against the value's own; any other use (a product, an index into a table with the value as
the key) takes every column.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from parity.diagnosis.value_match import zero_one
from parity.diagnosis.value_trace import Trace, Value, describe


def columns_read(numpy_trace: Trace, torch_trace: Trace, frontier: Value, twin: Value) -> str:
    base = np.asarray(twin.array)
    if base.ndim < 2 or base.shape[-1] < 2 or frontier.array.shape != base.shape:
        return ""  # a value of more axes is read along its last: a point's or a time step's features
    mine = _read(numpy_trace, frontier, base)
    theirs = _read(torch_trace, twin, base)
    shifted = _slices_shifted(_slices(numpy_trace, frontier, base), _slices(torch_trace, twin, base), describe(frontier))
    if mine and mine == theirs or shifted:
        return shifted
    if not mine or not theirs:
        return ""
    only_mine, only_theirs = sorted(mine - theirs), sorted(theirs - mine)
    if any(only and _columns_one_by_one(trace, value) for only, trace, value in ((only_mine, numpy_trace, frontier),
                                                                               (only_theirs, torch_trace, twin))):
        return ""  # a column one side reads alone where the other never needs it (rows sorted by it): no slice's bound
    if (masks := _mask_columns(base, only_mine, only_theirs)):
        return masks
    said = "; ".join(part for part in (
        f"column{'s' if len(only_mine) > 1 else ''} {listed(only_mine)} only on the NumPy side" if only_mine else "",
        f"column{'s' if len(only_theirs) > 1 else ''} {listed(only_theirs)} only in the port" if only_theirs else "") if part)
    return (f"From {describe(frontier)} ({base.shape[-1]} columns along its last axis) the NumPy program reads columns {listed(sorted(mine))}, "
            f"the port columns {listed(sorted(theirs))}: {said} (a slice's bound one off: a window that takes its centre "
            "in, a column left out).")


def _mask_columns(base: np.ndarray, only_mine: list[int], only_theirs: list[int]) -> str:
    """Columns one side alone reads that hold only 0s and 1s: a mask the data carries (which steps or entries are
    real), read by one program and never by the other; no slice's bound."""
    only, reader, other = (only_mine, "the NumPy program", "the port") if only_mine and not only_theirs else \
        (only_theirs, "the port", "the NumPy program") if only_theirs and not only_mine else ([], "", "")
    if not only or not all(zero_one(base[..., c]) for c in only):
        return ""
    return (f"Column{'s' if len(only) > 1 else ''} {listed(only)} of the data, 0s and 1s (a mask: which steps or entries "
            f"are real), {'are' if len(only) > 1 else 'is'} read by {reader} and never by {other}: {other} takes every entry "
            "as real (padding read as data, a row's length left unused), or the mask is applied on one side only.")


def _columns_one_by_one(trace: Trace, value: Value) -> bool:
    """Whether a program reads the value only one column at a time (y[:, 0], y[:, 1]), never whole nor by a slice."""
    uses = [trace.values[i] for i in value.users if trace.values[i].op != "grad"]
    return bool(uses) and all(u.op == "getitem" and u.inputs and u.inputs[0] == value.index for u in uses) and \
        all(len(cut) == 1 for cut in _slices(trace, value, np.asarray(value.array)))


def lookup_keys(numpy_values: list[Value], numpy_trace: Trace, torch_trace: Trace) -> str:
    """A NumPy table lookup, table[keys], with its keys a column of X, where a port value of its shape is the same
    table looked up by another column of X: the two read their keys from different columns (two id columns swapped)."""
    X = next((v.array for v in numpy_trace.values if v.op == "X"), None)
    if X is None or X.ndim != 2:
        return ""
    for value in numpy_values:
        ints = [i for i in value.inputs if isinstance(i, int)]
        if value.op != "getitem" or not ints or value.array.ndim != 2 or len(value.array) != len(X):
            continue
        mine = _key_column(X, numpy_trace.values[ints[-1]].array)
        if mine is None:
            continue
        rows = {int(k): row for k, row in zip(X[:, mine], value.array)}  # the table's rows this lookup shows, by key
        for j in range(X.shape[1]):
            if j == mine or not set(np.unique(X[:, j])) <= set(rows):
                continue
            looked = np.stack([rows[int(k)] for k in X[:, j]])
            if any(v.array.shape == looked.shape and np.allclose(v.array, looked, rtol=1e-5, atol=1e-7) for v in torch_trace.values):
                return (f"The NumPy program looks rows of a table up by X's column {mine} ({value.op}, {value.detail or 'rows'}); "
                        f"the port looks the same table up by column {j}: the keys are read from other columns (two id "
                        "columns swapped, an index off by one).")
    return ""


def _key_column(X: np.ndarray, keys: np.ndarray) -> int | None:
    keys = np.asarray(keys).ravel()
    if len(keys) != len(X) or not np.array_equal(keys, np.round(keys)):
        return None
    return next((j for j in range(X.shape[1]) if np.array_equal(X[:, j], keys)), None)


def _read(trace: Trace, value: Value, base: np.ndarray) -> set[int]:
    found: set[int] = set()
    for use in (trace.values[i] for i in value.users):
        if use.op == "grad":
            continue
        if use.op != "getitem" or not use.inputs or use.inputs[0] != value.index:
            return set(range(base.shape[-1]))  # a product, or the value as a key: every column
        found |= _columns_of(use.array, base)
    return found


def _slices(trace: Trace, value: Value, base: np.ndarray) -> list[tuple[int, ...]]:
    """The columns each slice of the value takes, one tuple per getitem use (other uses left out)."""
    return [tuple(sorted(_columns_of(use.array, base))) for use in (trace.values[i] for i in value.users)
            if use.op == "getitem" and use.inputs and use.inputs[0] == value.index]


def _slices_shifted(mine: list[tuple[int, ...]], theirs: list[tuple[int, ...]], name: str) -> str:
    """A slice of k columns on one side where the other takes the k columns one or more places along (y[:, 1:] for
    y[:, :-1]): a sequence shifted the other way, the target read as the input."""
    for a in (m for m in mine if m not in theirs and len(m) > 1):
        for b in (t for t in theirs if t not in mine and len(t) == len(a)):
            shift = b[0] - a[0]
            if shift and all(j - i == shift for i, j in zip(a, b)):
                return (f"The NumPy program slices {name}'s columns {listed(list(a))} where the port slices columns "
                        f"{listed(list(b))}: as many columns, shifted by {abs(shift)}: a "
                        "sequence shifted the other way (an off-by-one: y[:, 1:] for y[:, :-1], the value to predict read "
                        "as the input, or a lag the wrong way).")
    return ""


def _columns_of(part: np.ndarray, base: np.ndarray) -> set[int]:
    lead = base.shape[:-1]
    columns = part.reshape(int(np.prod(lead)), -1) if part.ndim >= len(lead) and part.shape[:len(lead)] == lead else None
    base = base.reshape(-1, base.shape[-1])
    if columns is None:
        return set(range(base.shape[1]))
    found = set()
    for column in columns.T:
        same = [j for j in range(base.shape[1]) if np.array_equal(base[:, j], column)]
        if len(same) != 1:
            return set(range(base.shape[1]))  # a column that matches none, or several: no reading
        found.add(same[0])
    return found


def listed(columns: Iterable[int]) -> str:
    return ", ".join(str(int(c)) for c in columns)
