"""A table's gradient that is the other side's except at a row or two where it is exactly 0: those rows kept out of
training on one side (a padding row: `nn.Embedding(padding_idx=0)`, or the pad token's gradient masked by hand) and
trained on the other. Said only where the side that trains the row follows the loss's derivative (the loss reads the
row): which side means to hold it is then the programs' design, and central differences would call the side that
holds it wrong. Where the loss never reads the row, the side that trains it is the one wrong (a mask left out)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding

MOST_ROWS = 2  # a padding row or two; more rows at 0 are a scatter that missed tokens, read elsewhere


def held_rows(a: np.ndarray, b: np.ndarray, parameter: str, step: int) -> Finding | None:
    """The NumPy gradient `a` against the port's `b`, for a parameter of rows (an embedding table)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    if a.ndim != 2 or a.shape != b.shape or len(a) < 4:
        return None
    scale = max(float(np.abs(b).max()), 1e-30)
    for held, trained, side, other in ((a, b, "NumPy program", "port"), (b, a, "port", "NumPy program")):
        rows = ~np.any(held, axis=1) & np.any(np.abs(trained) > 1e-6 * scale, axis=1)
        rest = ~rows
        if not 0 < rows.sum() <= MOST_ROWS or not np.allclose(held[rest], trained[rest], rtol=1e-4, atol=1e-6 * scale):
            continue
        listed = np.flatnonzero(rows).tolist()
        return Finding("held-rows", f"At step {step} the {side}'s gradient of {parameter} is the {other}'s except at row(s) "
                       f"{listed}, where it is exactly 0 and the {other}'s is not: the {side} keeps those rows out of training "
                       f"(a padding row: nn.Embedding(padding_idx={listed[0]}), or the pad token's gradient masked by hand) "
                       f"and the {other} trains them. Which is meant is the programs' design; the loss depends on the row "
                       "either way, so central differences would blame the side that holds it.",
                       {"step": step, "parameter": parameter, "stage": "backward", "rows": listed,
                        "held_by": "numpy" if side == "NumPy program" else "torch"},
                       "Keep the padding row out of training on both sides (padding_idx in the port, its gradient masked in "
                       "the NumPy program), or on neither.", 0.85)
    return None
