"""Where two programs part in the forward pass, a NumPy value and the port's value of its place that differ by a
simple multiple of one of the port's own values: one term of a sum weighted otherwise on the two sides (the cross
term of ‖x‖² - 2x·c + ‖c‖² written without its 2, a term added on one side only).

    numpy = port + k · t        (t a value the port computes, k a whole number or a half)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Value, agrees, describe

SIMPLE = (1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0)  # coefficients a slip in a term's weight gives


def term_apart(numpy_values: list[Value], torch_values: list[Value], tolerance: float) -> str:
    for mine in numpy_values:
        if mine.array.size < 2 or np.ptp(mine.array) == 0:
            continue
        same = [t for t in torch_values if t.array.shape == mine.array.shape and np.ptp(t.array) > 0]
        for theirs in same:
            if agrees(mine.array, theirs.array, tolerance):
                continue
            gap = mine.array - theirs.array
            for term in same:
                k = _coefficient(gap, term.array, tolerance)
                if term is not theirs and k is not None:
                    return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} "
                            f"{'plus' if k > 0 else 'minus'} {_times(abs(k))}the port's {describe(term)}, element by "
                            "element: one term of that sum is weighted otherwise on the two sides (a coefficient such "
                            "as the 2 of a cross term -2·x·c dropped, a term counted twice, or added on one side only).")
    return ""


def _coefficient(gap: np.ndarray, term: np.ndarray, tolerance: float) -> float | None:
    """k among SIMPLE with gap = k · term, else None."""
    for k in SIMPLE:
        if agrees(gap, k * term, tolerance):
            return k
    return None


def _times(k: float) -> str:
    return "" if k == 1 else f"{k:g} × "
