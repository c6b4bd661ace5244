"""An index as the program wrote it ([:, :1], [idx]), and whether a fancy index names one element twice."""

from __future__ import annotations

from typing import Any

import numpy as np


def repeats(key: Any) -> bool:
    """Whether a fancy index names one element twice: its integer arrays, broadcast together, repeat a tuple."""
    arrays = [np.asarray(k) for k in (key if isinstance(key, tuple) else (key,))
              if isinstance(k, np.ndarray) and k.dtype.kind in "iu"]
    if not arrays:
        return False
    try:
        columns = np.stack([a.ravel() for a in np.broadcast_arrays(*arrays)], axis=1)
    except ValueError:
        return False
    return len(np.unique(columns, axis=0)) < len(columns)


def index_text(key: Any) -> str:
    """An index as it is written: [:, :1], [3], [idx]."""
    def one(k: Any) -> str:
        if isinstance(k, slice):
            return ":".join("" if v is None else str(v) for v in (k.start, k.stop)) + (f":{k.step}" if k.step else "")
        return "..." if k is Ellipsis else "None" if k is None else "idx" if isinstance(k, (np.ndarray, list)) else str(k)
    return ", ".join(one(k) for k in (key if isinstance(key, tuple) else (key,)))


def picked_rows(array: np.ndarray, key: Any) -> np.ndarray | None:
    """The rows an index takes along the first axis (a boolean mask of that length, or an array of row numbers):
    a loss over some rows of the batch only (a mask of labelled nodes)."""
    first = key[0] if isinstance(key, tuple) and key else key
    if not isinstance(first, np.ndarray) or first.ndim != 1 or array.ndim == 0:
        return None
    if first.dtype == bool and len(first) == array.shape[0]:
        return np.flatnonzero(first)
    return np.asarray(first) if first.dtype.kind in "iu" and len(first) < array.shape[0] else None


def repeated_write(values: list) -> str:
    """A departing value written through a fancy index whose indices repeat (a[idx] += v): buffered, each repeated
    index keeps one write where np.add.at (or the port's index_add_) sums them all."""
    found = next((v for v in values if "indices repeat" in v.detail and v.op.startswith("setitem")), None)
    if found is None:
        return ""
    return (f"The NumPy program writes {found.op} → {found.array.shape} through a fancy index whose indices repeat: "
            "a[idx] += v is buffered, each repeated index keeps one write instead of the sum of all of them (a scatter "
            "that np.add.at(a, idx, v), or the port's index_add_, accumulates).")
