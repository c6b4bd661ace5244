"""A window function recognised where two programs multiply the same frames by other windows: each side's vector
read against the windows people write (Hann, Hamming, Blackman, Bartlett), in NumPy's symmetric form (np.hanning(N))
and torch's default periodic one (torch.hann_window(N) is np.hanning(N + 1)[:-1]); or the same per-column weights
laid out in another order."""

from __future__ import annotations

import numpy as np

KINDS = {"Hann": np.hanning, "Hamming": np.hamming, "Blackman": np.blackman, "Bartlett": np.bartlett}


def window_name(vector: np.ndarray) -> str:
    """The window this vector is, in words ('' where it is none of them)."""
    n = vector.size
    if n < 3:
        return ""
    for kind, make in KINDS.items():
        for form, window in (("symmetric", make(n)), ("periodic", make(n + 1)[:-1])):
            if np.allclose(vector, window, rtol=1e-5, atol=1e-6):
                torch_name = f"torch.{kind.lower()}_window({n}{', periodic=False' if form == 'symmetric' else ''})"
                numpy_name = f"np.{make.__name__}({n})" if form == "symmetric" else f"np.{make.__name__}({n + 1})[:-1]"
                return f"the {form} {kind} window ({numpy_name}, {torch_name})"
    return ""


def windows_apart(mine: np.ndarray, theirs: np.ndarray) -> str:
    """Two operands, each one vector along the last axis repeated over the others, that are two known windows."""
    vectors = []
    for operand in (mine, theirs):
        rows = operand.reshape(-1, operand.shape[-1]) if operand.ndim else operand.reshape(1, -1)
        if not np.allclose(rows, rows[:1], rtol=1e-6, atol=1e-9):
            return ""
        vectors.append(rows[0])
    names = [window_name(v) for v in vectors]
    if not all(names) or names[0] == names[1]:
        return ""
    return (f" The NumPy program's is {names[0]}, the port's {names[1]}: two window functions "
            "(torch's windows are periodic unless periodic=False is given; NumPy's are symmetric).")


def reordered(mine: np.ndarray, theirs: np.ndarray) -> str:
    """Two operands of one shape, per column the same numbers in another order (weights laid out reversed)."""
    if mine.shape != theirs.shape or mine.ndim != 2 or mine.shape[1] < 2 or np.ptp(mine, axis=0).max() > 1e-6 * max(
            np.abs(mine).max(), 1e-12):
        return ""  # one row of numbers for every row (a weight per column) only
    a, b = mine[0], theirs[0]
    if np.allclose(a, b, rtol=1e-6) or not np.allclose(np.sort(a), np.sort(b), rtol=1e-6):
        return ""
    words = "in reverse order" if np.allclose(a, b[::-1], rtol=1e-6) else "in another order"
    return (f" Per column they are the same {len(a)} numbers {words} (the NumPy program's {np.round(a, 4).tolist()}, the "
            f"port's {np.round(b, 4).tolist()}): one side lays its per-column weights out the other way round (an "
            "arange counted down, a flipped axis).")
