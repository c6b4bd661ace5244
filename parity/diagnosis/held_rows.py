"""A NumPy table's gradient that is the port's except at a row or two where it is exactly 0: those rows kept out of
training by the NumPy program (a padding row, the pad token's gradient masked by hand) and trained by the port (no
padding_idx). Said only where the port's gradient follows the loss's derivative (the loss reads the row): holding it
is then the programs' design, and central differences would call the NumPy program wrong. Where the loss never
reads the row, the side that trains it is the one wrong (a mask left out)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding

MOST_ROWS = 2  # a padding row or two; more rows at 0 are a scatter that missed tokens, read elsewhere


def held_rows(a: np.ndarray, b: np.ndarray, parameter: str, step: int) -> Finding | None:
    """The NumPy gradient `a` against the port's `b`, for a parameter of rows (an embedding table): the rows the NumPy
    program holds at 0 where the port's gradient is not, every other row alike. (A port that holds a row is read by
    its Embedding built again with padding_idx=None, measured.)"""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    if a.ndim != 2 or a.shape != b.shape or len(a) < 4:
        return None
    scale = max(float(np.abs(b).max()), 1e-30)
    rows = ~np.any(a, axis=1) & np.any(np.abs(b) > 1e-6 * scale, axis=1)
    if not 0 < rows.sum() <= MOST_ROWS or not np.allclose(a[~rows], b[~rows], rtol=1e-4, atol=1e-6 * scale):
        return None
    listed = np.flatnonzero(rows).tolist()
    return Finding("held-rows", f"At step {step} the NumPy program's gradient of {parameter} is the port's except at row(s) "
                   f"{listed}, where it is exactly 0 and the port's is not: the NumPy program keeps those rows out of training "
                   f"(a padding row: nn.Embedding(padding_idx={listed[0]}), or the pad token's gradient masked by hand) "
                   "and the port trains them. Which is meant is the programs' design; the loss depends on the row "
                   "either way, so central differences would blame the side that holds it.",
                   {"step": step, "parameter": parameter, "stage": "backward", "rows": listed, "held_by": "numpy"},
                   "Keep the padding row out of training on both sides (padding_idx in the port, its gradient masked in "
                   "the NumPy program), or on neither.", 0.85)
