"""What the inputs of a first layer are, read from their numbers: the rows of X in another order, an activation of X,
or an affine change of each column (standardised with the batch's statistics, centred, min-max scaled, scaled). Each
reading is a fit, stated only where it holds.

A layer's activation is read in activation_readings.py, the loss's gradient at the logits in loss_readings.py.
"""

from __future__ import annotations


import numpy as np

from parity.diagnosis.activation_readings import ACTIVATIONS
from parity.diagnosis.evidence import affine_fit, as_division, few, relative_gap


MAX_ROWS_MATCHED = 4096  # rows beyond which a permutation is not looked for


def row_permutation(a: np.ndarray, b: np.ndarray, tolerance: float) -> np.ndarray | None:
    """perm with a ≈ b[perm] row by row, where the rows are b's in another order (not the same order); else None."""
    if a.ndim != 2 or a.shape != b.shape or len(a) < 2 or len(a) > MAX_ROWS_MATCHED:
        return None
    scale = max(float(np.max(np.abs(b))), 1e-300)
    match, nearest = np.empty(len(a), dtype=np.int64), np.empty(len(a))
    for start in range(0, len(a), 256):  # in slices: the whole (n, n, k) difference would not fit at 4,096 rows
        distance = np.abs(a[start:start + 256, None, :] - b[None, :, :]).max(axis=2) / scale
        match[start:start + 256], nearest[start:start + 256] = distance.argmin(axis=1), distance.min(axis=1)
    if np.any(nearest > tolerance) or len(set(match.tolist())) != len(a) or np.array_equal(match, np.arange(len(a))):
        return None
    return match


def sliced_rows(seen: np.ndarray, X: np.ndarray) -> str | None:
    """The batch's first or last k rows only, where the first layer was given fewer rows than the batch has."""
    if seen.ndim != 2 or seen.shape[1:] != X.shape[1:] or not 0 < len(seen) < len(X):
        return None
    k = len(seen)
    where = "first" if np.array_equal(seen, X[:k]) else "last" if np.array_equal(seen, X[-k:]) else None
    return (f"its inputs are the batch's {where} {k} of its {len(X)} rows only: the rest sliced off before the forward pass "
            "(a debugging slice left in the step, X[:k]), so they never contribute") if where else None


def inputs(seen: np.ndarray, X: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """(words, fix) for the inputs a first layer received in place of X."""
    if seen.ndim == 3 and seen.shape[::2] == X.shape and (shift := _columns_shifted(seen[:, -1], X, tolerance)):
        return (f"of the windows it is given (n, positions, width), the last: {shift}", "Pad the window on the same side "
                "as the NumPy side (F.pad(x, (k, 0)) pads the start).")
    if seen.shape != X.shape:
        return None
    if row_permutation(seen, X, tolerance) is not None:
        return ("its inputs are the rows of X in another order: the step permutes (shuffles) X, and unless y is permuted "
                "alike, rows of X and y no longer pair up.", "Permute y with X (y = y[perm]), or leave the shuffle out.")
    if shift := _columns_shifted(seen, X, tolerance):
        return shift, "Pad and slice the window on the same side as the NumPy side (F.pad(x, (k, 0)) pads the start)."
    counts = np.array_equal(X, np.round(X)) and X.min() >= 0 and X.max() > 1
    if counts and relative_gap((X > 0).astype(np.float64), seen) <= tolerance:
        return ("its inputs are (X > 0), the counts in X binarised to 0/1: each entry counted once whatever its count (the "
                "per-sample weights or multiplicities dropped, a presence indicator where the count belongs).",
                "Give the first layer the counts themselves (per_sample_weights=counts for an EmbeddingBag).")
    with np.errstate(all="ignore"):
        applied = next((words for words, function in ACTIVATIONS.values() if relative_gap(function(X), seen) <= tolerance), None)
    if applied and not applied.startswith("z itself"):
        words = applied.split(",")[0].split(" = ")[0].replace("(z", "(X")
        return (f"its inputs are {words}: an activation applied to the inputs before the first layer (the network's "
                "layers out of order: an activation before each Linear, where it belongs after).",
                "Apply each activation after its Linear layer, never to the inputs.")
    columns = [affine_fit(seen[:, j], X[:, j]) for j in range(X.shape[1])]
    if any(c is None or c[2] > tolerance for c in columns):
        return None
    scale, shift = np.array([c[0] for c in columns]), np.array([c[1] for c in columns])
    words = _affine_words(scale, shift, X, tolerance)
    return (f"its inputs are X {words}, where the NumPy side gives the network X as it is.",
            "Transform X the same way on both sides (better once, on the whole data, before training), or on neither.")


def _columns_shifted(seen: np.ndarray, X: np.ndarray, tolerance: float) -> str:
    """The first layer given X's columns moved k places along, zeros where none is left: a window padded on the other
    side (F.pad(x, (0, k)) where (k, 0) belongs), or a lag taken the other way."""
    if seen.ndim != 2 or X.shape[1] < 3:
        return ""
    for k in [k for m in range(1, X.shape[1]) for k in (m, -m)]:
        moved = np.zeros_like(X)
        if k > 0:
            moved[:, :-k] = X[:, k:]
        else:
            moved[:, -k:] = X[:, :k]
        if relative_gap(moved, seen) <= tolerance:
            side = "end (the right)" if k > 0 else "start (the left)"
            return (f"its inputs are X's columns moved {abs(k)} place(s) {'back' if k > 0 else 'on'}, with {abs(k)} zero "
                    f"column(s) at the {side}: the window is padded on the other side than the NumPy side's (zeros after "
                    "the samples where they belong before them, anti-causal), or its lag taken the other way.")
    return ""


def _affine_words(scale: np.ndarray, shift: np.ndarray, X: np.ndarray, tolerance: float) -> str:
    def close(a, b) -> bool:
        return bool(np.allclose(a, b, rtol=max(tolerance, 1e-6), atol=max(tolerance, 1e-9) * max(1.0, float(np.max(np.abs(b))))))

    mean, spread = X.mean(axis=0), X.max(axis=0) - X.min(axis=0)
    for ddof, words in ((0, "X.std(0)"), (1, "X.std(0, ddof=1) (torch's unbiased std)")):
        std = X.std(axis=0, ddof=ddof)
        if np.all(std > 0) and close(scale, 1 / std) and close(shift, -mean / std):
            return f"standardised with this batch's own statistics, (X - X.mean(0)) / {words}"
    if close(scale, np.ones_like(scale)) and close(shift, -mean):
        return "centred on this batch's mean, X - X.mean(0)"
    if np.all(spread > 0) and close(scale, 1 / spread) and close(shift, -X.min(axis=0) / spread):
        return "min-max scaled over this batch, (X - X.min(0)) / (X.max(0) - X.min(0))"
    if close(scale, np.full_like(scale, scale[0])) and close(shift, np.zeros_like(shift)):
        return f"scaled by {scale[0]:.6g}{as_division(scale[0])}"
    return (f"changed column by column (scaled by {few(scale)} and shifted by {few(shift)}): normalised with statistics "
            "the NumPy side does not use")


def reordered_inputs(given: np.ndarray, W: np.ndarray, b: np.ndarray | None, seen: np.ndarray, function, tolerance: float) -> str:
    """A layer's activation computed from its inputs' columns in another order (reversed, or rolled k places) than the
    order its weight gradient multiplies by: the forward pass reads the window otherwise than the backward pass."""
    columns = given.shape[1] if given.ndim == 2 else 0
    orders = [("reversed, [:, ::-1]", np.arange(columns)[::-1])] + [(f"rolled {k} place(s)", np.roll(np.arange(columns), k))
                                                                   for k in range(1, columns)]
    for words, order in orders if columns > 1 else ():
        if relative_gap(function(given[:, order] @ W + (0 if b is None else b)), seen) <= tolerance:
            return (f"its inputs with their columns {words}, where its weight gradient multiplies by the inputs as they "
                    "are: the forward pass reads them in another order than the backward pass (a window reversed in "
                    "time on one pass only).")
    return ""
