"""A gradient that holds the other side's numbers in another arrangement: one axis reversed (a kernel's taps flipped),
its axes exchanged (an einsum's subscripts for the output and an input swapped), or read back from a product written transposed (cols.T @ dz where dz.T @ cols
belongs, reshaped to the kernel's shape without its transpose).

    mine = theirs.transpose(axes)      or      mine = theirs.reshape(a, b).T.reshape(shape)      or      mine = flip(theirs, k)

or that holds, in every entry along one axis, the other side's total (or mean) over that axis: a gradient summed
over every group and broadcast back where each group's own belongs (a leaf's bias, an embedding's rows).
"""

from __future__ import annotations

from itertools import permutations

import numpy as np

from parity.diagnosis.value_trace import agrees

SAME = 1e-5  # relative to the largest entry: the same float32 numbers moved, not recomputed


def rearranged_gradient(mine: np.ndarray, theirs: np.ndarray) -> str:
    """In words, how the NumPy program's gradient lays out the port's numbers; "" where it is no rearrangement."""
    mine, theirs = np.asarray(mine, np.float64), np.asarray(theirs, np.float64)
    if mine.shape != theirs.shape or mine.size < 4 or agrees(mine, theirs, SAME):
        return ""
    if not agrees(np.sort(mine, None), np.sort(theirs, None), SAME):
        return _pooled_over_axis(mine, theirs)
    for axis in (k for k in range(mine.ndim) if not agrees(np.flip(theirs, k), theirs, SAME)):
        if agrees(np.flip(theirs, axis), mine, SAME):
            return (f" It holds the port's numbers with its axis {axis} reversed: that axis written backwards (a kernel's "
                    "taps flipped, a convolution's gradient written as a correlation or the reverse; a sequence read "
                    "from its end).")
    for axes in permutations(range(mine.ndim)):
        if list(axes) != sorted(axes) and theirs.transpose(axes).shape == mine.shape and agrees(theirs.transpose(axes), mine, SAME):
            swapped = ", ".join(str(a) for a, b in enumerate(axes) if a != b)
            return (f" It holds the port's numbers with its axes in the order {axes}: axes {swapped} exchanged (an "
                    "einsum's output subscripts in another order, a transpose over the wrong axes).")
    for rows in _divisors(mine.size):
        columns = mine.size // rows
        if agrees(theirs.reshape(rows, columns).T.reshape(mine.shape), mine, SAME):
            return (f" It holds the port's numbers in another order: the port's gradient read as a ({rows}, {columns}) "
                    f"matrix, transposed, and read back as {mine.shape} (a product written transposed, such as "
                    "cols.T @ d where d.T @ cols belongs, reshaped without its transpose).")
    return ""


def _divisors(n: int) -> list[int]:
    return [d for d in range(2, n // 2 + 1) if n % d == 0]



def _pooled_over_axis(mine: np.ndarray, theirs: np.ndarray) -> str:
    for axis in (a for a in range(mine.ndim) if mine.shape[a] > 1):
        for words, pool in (("total", np.sum), ("mean", np.mean)):
            pooled = np.broadcast_to(pool(theirs, axis=axis, keepdims=True), mine.shape)
            if agrees(pooled, mine, SAME) and np.ptp(theirs, axis=axis).max() > SAME * np.abs(theirs).max():
                return (f" Every entry along its axis {axis} holds the port's {words} over that axis: a gradient pooled "
                        f"over all {mine.shape[axis]} of them and broadcast back, where each one's own belongs (a sum over "
                        "every row where a scatter to each row's own group, class or index belongs: np.add.at).")
    return ""
