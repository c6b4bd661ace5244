"""What a stage of a forward pass computes, read from its numbers: each reading is a fit, stated only where it holds.

- inputs: the rows of X in another order, or an affine change of each column (standardised with the batch's
  statistics, centred, min-max scaled, scaled);
- activation: an elementwise function of z, from a table of the usual ones (leaky ReLU's slope fitted), or dropout
  (units zeroed, the rest scaled by 1/(1 - p));

The loss's gradient at the logits is read in loss_readings.py.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

import numpy_net
from parity.diagnosis.evidence import fit_ratio, relative_gap


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


def inputs(seen: np.ndarray, X: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """(words, fix) for the inputs a first layer received in place of X."""
    if seen.shape != X.shape:
        return None
    if row_permutation(seen, X, tolerance) is not None:
        return ("its inputs are the rows of X in another order: the step permutes (shuffles) X, and unless y is permuted "
                "alike, rows of X and y no longer pair up.", "Permute y with X (y = y[perm]), or leave the shuffle out.")
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


def affine_fit(seen: np.ndarray, x: np.ndarray) -> tuple[float, float, float] | None:
    A = np.stack([x, np.ones_like(x)], axis=1)
    (s, t), *_ = np.linalg.lstsq(A, seen, rcond=None)
    return float(s), float(t), relative_gap(s * x + t, seen)


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
    return (f"changed column by column (scaled by {_few(scale)} and shifted by {_few(shift)}): normalised with statistics "
            "the NumPy side does not use")


def as_division(factor: float) -> str:
    """' = 1/k' where a factor below 1 is one over a whole number (1/255: pixel scaling; lr/4), else ''."""
    if not 0 < factor < 1:
        return ""
    k = 1 / factor
    return f" = 1/{round(k)} (divided by {round(k)})" if abs(k - round(k)) <= 1e-4 * k else ""


def _few(values: np.ndarray) -> str:
    shown = ", ".join(f"{v:.4g}" for v in values[:3])
    return shown + (", …" if len(values) > 3 else "")


ACTIVATIONS: dict[str, tuple[str, Callable[[np.ndarray], np.ndarray]]] = {
    "relu": ("relu(z)", lambda z: np.maximum(z, 0)),
    "tanh": ("tanh(z)", np.tanh),
    "sigmoid": ("sigmoid(z)", lambda z: 1 / (1 + np.exp(-z))),
    "linear": ("z itself (no activation)", lambda z: z),
    "softplus": ("softplus(z) = log(1 + e^z)", lambda z: np.logaddexp(0, z)),
    "elu": ("elu(z)", lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0)))),
    "gelu": ("gelu(z)", lambda z: F.gelu(torch.from_numpy(z)).numpy()),
    "gelu-tanh": ("gelu(z, approximate='tanh')", lambda z: F.gelu(torch.from_numpy(z), approximate="tanh").numpy()),
    "silu": ("silu(z) = z·sigmoid(z)", lambda z: z / (1 + np.exp(-z))),
    "selu": ("selu(z)", lambda z: F.selu(torch.from_numpy(z)).numpy()),
    "hardtanh": ("hardtanh(z), z clipped to [-1, 1]", lambda z: np.clip(z, -1, 1)),
    "relu6": ("relu6(z), z clipped to [0, 6]", lambda z: np.clip(z, 0, 6)),
    "abs": ("|z|", np.abs),
}


INVERSES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": lambda a: np.log(a) - np.log1p(-a), "tanh": np.arctanh, "linear": lambda a: a,
}


def one_side(z: np.ndarray, seen: np.ndarray, right: np.ndarray, tolerance: float) -> tuple[str, str, float] | None:
    """(where, other, gap): seen is right where z is of one sign and not where it is of the other; else None."""
    for side, where, other in ((z > 0, "z > 0", "z < 0"), (z < 0, "z < 0", "z > 0")):
        rest = ~side & (z != 0)
        if side.sum() >= 2 and rest.sum() >= 2 and relative_gap(seen[side], right[side]) <= tolerance \
                and relative_gap(seen[rest], right[rest]) > tolerance:
            return where, other, relative_gap(seen[rest], right[rest])
    return None


def _one_branch(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> str | None:
    """The run's activation on one side of z = 0 and not on the other: a branch of a piecewise or numerically stable
    form written wrong."""
    found = one_side(z, received, ACTIVATIONS[run][1](z), tolerance) if run in ACTIVATIONS else None
    if found is None:
        return None
    where, other, gap = found
    return (f"{run}(z) where {where} and something else where {other} (relative gap {gap:.3g} there): the branch for "
            f"{other} written wrong (in a numerically stable form, np.where(z >= 0, ..., ...), the negative branch)")


def shifted(z: np.ndarray, received: np.ndarray, run: str, bias: np.ndarray | None, tolerance: float) -> str | None:
    """The run's activation of z plus one more shift per unit: where that shift is the layer's bias, added twice."""
    if run not in INVERSES or received.shape != z.shape:
        return None
    with np.errstate(all="ignore"):
        inner = INVERSES[run](received)
    if not np.all(np.isfinite(inner)):
        return None
    shift = (inner - z).mean(axis=0)
    if relative_gap(ACTIVATIONS[run][1](z), received) <= tolerance or np.max(np.abs(shift)) <= tolerance * max(float(np.max(np.abs(z))), 1.0):
        return None  # the run's activation as it is: no shift to read
    if relative_gap(ACTIVATIONS[run][1](z + shift), received) > tolerance:
        return None
    if bias is not None and bias.shape == shift.shape and relative_gap(shift, bias) <= max(tolerance, 1e-3):
        return f"{run}(z + b): the layer's bias added twice (nn.Linear already adds it once)"
    if bias is not None and bias.shape == shift.shape and relative_gap(shift, -2 * bias) <= max(tolerance, 1e-3):
        return f"{run}(x @ W - b): the layer's bias subtracted where it is added (z - 2b, a sign slip in the forward pass)"
    return f"{run}(z + c), z shifted by one more constant per unit ({_few(shift)})"


def bias_outside(z: np.ndarray, received: np.ndarray, run: str, bias: np.ndarray | None, tolerance: float) -> str | None:
    """The run's activation of z without its bias, the bias added after it or not at all."""
    if bias is None or not np.any(bias) or run not in ACTIVATIONS or received.shape != z.shape:
        return None
    inner = ACTIVATIONS[run][1](z - bias)
    if relative_gap(inner + bias, received) <= tolerance:
        return f"{run}(x @ W) + b: the bias added after the activation, outside it, where it belongs inside, {run}(x @ W + b)"
    if relative_gap(inner, received) <= tolerance:
        return f"{run}(x @ W): the layer's bias left out"
    return None


def activation(z: np.ndarray, received: np.ndarray, tolerance: float, run: str) -> tuple[str, str] | None:
    """(words, name) for the elementwise function of z that a layer received, or dropout of the run's activation."""
    with np.errstate(all="ignore"):
        for name, (words, function) in ACTIVATIONS.items():
            if relative_gap(function(z), received) <= tolerance:
                return words, name
        for name, (words, function) in ACTIVATIONS.items():  # an affine change of a known one: 2·sigmoid(z) - 1 = tanh(z/2)
            fit = affine_fit(received.ravel(), function(z).ravel()) if name != "linear" else None
            if fit and fit[2] <= tolerance and np.all(np.isfinite(fit[:2])):
                scale, shift = fit[0], fit[1]
                same = "; that is tanh(z/2), not tanh(z)" if name == "sigmoid" and abs(scale - 2) <= 1e-3 and abs(shift + 1) <= 1e-3 else ""
                if name == "sigmoid" and abs(scale + 1) <= 1e-3 and abs(shift - 1) <= 1e-3:
                    return "1 - sigmoid(z) = sigmoid(-z) = 1/(1 + e^z): the exponent's sign flipped", "mirrored-sigmoid"
                return f"{scale:.4g}·{words} {'+' if shift >= 0 else '-'} {abs(shift):.4g}{same}", f"scaled-{name}"
        for name, (words, function) in ACTIVATIONS.items():  # mirrored: -f(-z), min(z, 0) = -relu(-z) for relu
            if name not in ("linear", "tanh", "abs", "hardtanh") and relative_gap(-function(-z), received) <= tolerance:
                inner = words.split(",")[0].split(" = ")[0].replace("(z)", "(-z)")
                kept = " = min(z, 0): the negative part kept, clamp(max=0) where clamp(min=0) belongs" if name == "relu" else ""
                return f"-{inner}{kept}", f"mirrored-{name}"
        for name, (words, function) in ACTIVATIONS.items():  # the layer's activation and one more of the same
            if name != "linear" and relative_gap(function(function(z)), received) <= tolerance:
                inner = words.split(",")[0].split(" = ")[0]
                return f"{inner.replace('(z)', '(' + inner + ')')}: the activation applied twice (the layer's own and one more)", f"twice-{name}"
        negative = z < 0
        if np.any(negative) and np.any(~negative) and relative_gap(received[~negative], z[~negative]) <= tolerance:
            slope = fit_ratio(received[negative], z[negative])
            if slope and slope[1] <= tolerance and 0 < slope[0] < 1:
                return f"leaky_relu(z, negative_slope={slope[0]:.4g})", "leaky-relu"
        expected = ACTIVATIONS[run][1](z) if run in ACTIVATIONS else None
        if expected is not None:
            kept = (received != 0) & (expected != 0)
            dropped = (received == 0) & (expected != 0)
            if np.any(dropped) and np.any(kept):
                factor = fit_ratio(received[kept], expected[kept])
                if factor and factor[1] <= tolerance and factor[0] >= 1:
                    p = float(np.mean(dropped[expected != 0]))
                    return (f"{run}(z) with {p:.0%} of the units zeroed and the rest scaled by {factor[0]:.4g} = 1/(1 - p): "
                            f"dropout (p = {1 - 1 / factor[0]:.3g}) left in training mode", "dropout")
        if run in numpy_net.ACTIVATIONS and numpy_net.ACTIVATIONS[run].derivative is not None:
            own = numpy_net.ACTIVATIONS[run]
            if relative_gap(own.derivative(own.function(z)), received) <= tolerance:
                return (f"{run}'(z), the activation's derivative, not the activation (a cached activation overwritten in "
                        "place by its derivative, h *= 1 - h, or the two variables confused)", "derivative")
        branch = _one_branch(z, received, run, tolerance)  # last: a known function with a branch (leaky ReLU) comes first
        if branch:
            return branch, "branch"
    return None
