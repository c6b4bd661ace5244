"""A window function recognised where two programs multiply the same frames by other windows: each side's vector
read against the windows people write (Hann, Hamming, Blackman, Bartlett), in NumPy's symmetric form (np.hanning(N))
and torch's default periodic one (torch.hann_window(N) is np.hanning(N + 1)[:-1])."""

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
