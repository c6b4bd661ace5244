"""What a stage of a forward pass computes, read from its numbers: each reading is a fit, stated only where it holds.

- inputs: the rows of X in another order, or an affine change of each column (standardised with the batch's
  statistics, centred, min-max scaled, scaled);
- activation: an elementwise function of z, from a table of the usual ones (leaky ReLU's slope fitted), or dropout
  (units zeroed, the rest scaled by 1/(1 - p));
- loss gradient at the logits: the run's loss reduced otherwise, rows weighted by class, targets changed (label
  smoothing: (1 - ε)·y + ε/K), or another loss from a table, each up to one positive factor.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

import numpy_net
import torch_net
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
    columns = [_affine_fit(seen[:, j], X[:, j]) for j in range(X.shape[1])]
    if any(c is None or c[2] > tolerance for c in columns):
        return None
    scale, shift = np.array([c[0] for c in columns]), np.array([c[1] for c in columns])
    words = _affine_words(scale, shift, X, tolerance)
    return (f"its inputs are X {words}, where the NumPy side gives the network X as it is.",
            "Transform X the same way on both sides (better once, on the whole data, before training), or on neither.")


def _affine_fit(seen: np.ndarray, x: np.ndarray) -> tuple[float, float, float] | None:
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
        return f"scaled by {scale[0]:.6g}"
    return (f"changed column by column (scaled by {_few(scale)} and shifted by {_few(shift)}): normalised with statistics "
            "the NumPy side does not use")


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
    return f"{run}(z + c), z shifted by one more constant per unit ({_few(shift)})"


def activation(z: np.ndarray, received: np.ndarray, tolerance: float, run: str) -> tuple[str, str] | None:
    """(words, name) for the elementwise function of z that a layer received, or dropout of the run's activation."""
    with np.errstate(all="ignore"):
        for name, (words, function) in ACTIVATIONS.items():
            if relative_gap(function(z), received) <= tolerance:
                return words, name
        for name, (words, function) in ACTIVATIONS.items():  # an affine change of a known one: 2·sigmoid(z) - 1 = tanh(z/2)
            fit = _affine_fit(received.ravel(), function(z).ravel()) if name != "linear" else None
            if fit and fit[2] <= tolerance and np.all(np.isfinite(fit[:2])):
                scale, shift = fit[0], fit[1]
                same = "; that is tanh(z/2), not tanh(z)" if name == "sigmoid" and abs(scale - 2) <= 1e-3 and abs(shift + 1) <= 1e-3 else ""
                return f"{scale:.4g}·{words} {'+' if shift >= 0 else '-'} {abs(shift):.4g}{same}", f"scaled-{name}"
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
    return None


def gradient_at_logits(formula: Callable, output_activation: str, logits: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """d formula(p, z, y) / dz at these logits, p the output unit's values, in float64; None where it is not finite."""
    z = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    target = torch.tensor(y, dtype=torch.float64)
    p = torch_net.model.ACTIVATIONS[output_activation](z)
    formula(p, z, target).backward()
    grad = z.grad.numpy()
    return grad if np.all(np.isfinite(grad)) else None


# other losses a port may compute on the same outputs, each up to one positive factor (its reduction)
LOSSES: dict[str, Callable] = {
    "the squared error (output - y)²": lambda p, z, y: ((p - y) ** 2).sum(),
    "binary cross-entropy": lambda p, z, y: -(y * torch.log(p) + (1 - y) * torch.log1p(-p)).sum(),
    "cross-entropy -Σ y·log p": lambda p, z, y: -(y * torch.log(p)).sum(),
    "-Σ y·p, the probabilities with the log missing (nll_loss given probabilities, not log-probabilities)":
        lambda p, z, y: -(y * p).sum(),
    "cross-entropy taken of the probabilities as if they were logits (softmax applied twice)":
        lambda p, z, y: -(y * torch.log_softmax(p, dim=1)).sum(),
    "binary cross-entropy with logits taken of the probabilities (sigmoid applied twice)":
        lambda p, z, y: F.binary_cross_entropy_with_logits(p, y, reduction="sum"),
    "the absolute error |output - y| (an L1 loss)": lambda p, z, y: (p - y).abs().sum(),
    "the smooth L1 (Huber) loss of (output - y), which is half the squared error below 1": lambda p, z, y:
        F.smooth_l1_loss(p, y, reduction="sum"),
    "the square of the mean error, (mean(output - y))², where the squares are to be averaged (parentheses misplaced)":
        lambda p, z, y: (p - y).mean() ** 2,
    "the cross-entropy with its arguments swapped, criterion(y, logits): y taken as the logits, the outputs as the target":
        lambda p, z, y: -(z * torch.log_softmax(y, dim=1)).sum(),
    "-Σ y·z, the cross-entropy's logit term alone: its normaliser log Σ e^z cut from the graph (computed under "
    "torch.no_grad() or .detach()ed), so no gradient flows through it": lambda p, z, y: -(y * z).sum(),
}


def run_gradient(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """The run's loss's gradient at these logits, in float64."""
    return gradient_at_logits(lambda p, z, t: torch_net.loss_function(loss)(z, p, t), output_activation, logits, y)


def loss_gradient(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                  tolerance: float) -> tuple[str, str] | None:
    """(words, fix) for the loss whose gradient at the logits the port's step produced, where it is not the run's."""
    run = run_gradient(loss, output_activation, logits, y)
    if run is None or relative_gap(grad, run) <= tolerance:
        return None
    scaled = fit_ratio(grad, run)
    if scaled and scaled[1] <= tolerance:
        return (f"its loss's gradient at the logits is {scaled[0]:.6g} times --loss {loss}'s: the same loss, reduced "
                "otherwise (a sum against a mean, or another count).", f"Reduce the port's loss as --loss {loss} does.")
    return _weighted_rows(run, grad, y, tolerance) or _smoothed_targets(run, grad, logits, y, output_activation, tolerance) \
        or _other_loss(output_activation, logits, y, grad, tolerance)


MAX_CLASSES = 20


def _weighted_rows(run: np.ndarray, grad: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """Each row's gradient is the run's times a weight that depends only on the row's class."""
    weights, classes = [], [tuple(np.round(row, 6)) for row in y]
    for g, r in zip(grad, run):
        fit = (0.0, 0.0) if not np.any(g) else fit_ratio(g, r) if np.any(r) else None
        if fit is None or fit[1] > tolerance:
            return None
        weights.append(fit[0])
    by_class: dict = {}
    for key, w in zip(classes, weights):
        by_class.setdefault(key, []).append(w)
    means = {key: float(np.mean(ws)) for key, ws in by_class.items()}
    if not 2 <= len(means) <= MAX_CLASSES or min(map(len, by_class.values())) < 2:
        return None  # a weight per class needs a few classes, each seen more than once (not a regression's targets)
    if any(np.ptp(ws) > tolerance * abs(means[key]) for key, ws in by_class.items()):
        return None
    low, high = min(means.values()), max(means.values())
    if low < 0 or high <= 0 or (high - low) <= tolerance * high:
        return None
    shown = "; ".join(f"rows with y = {_label(key)} weigh {w / high:.4g}" + (" (left out: ignore_index, or a mask)" if w == 0 else "")
                      for key, w in sorted(means.items(), key=lambda kv: kv[1]))
    return (f"its loss weights the rows by their class ({shown}, relative to the heaviest): a weighted loss (weight=, "
            "pos_weight=, ignore_index=) where the run's loss weighs every row alike.", "Drop the class weights from the "
            "port's loss, or weigh the rows alike on the NumPy side.")


def _label(key: tuple) -> str:
    return f"{key[0]:g}" if len(key) == 1 else "[" + ", ".join(f"{v:g}" for v in key) + "]"


def _smoothed_targets(run: np.ndarray, grad: np.ndarray, logits: np.ndarray, y: np.ndarray, output_activation: str,
                      tolerance: float) -> tuple[str, str] | None:
    """Where the run's gradient is c·(p - y) (a loss matched to its output unit), the port's targets t = p - grad/c."""
    p = numpy_net.ACTIVATIONS[output_activation].function(logits)
    c = fit_ratio(run, p - y)
    if c is None or c[1] > tolerance or c[0] <= 0:
        return None
    t = p - grad / c[0]
    fit = _affine_fit(t.ravel(), y.ravel())
    if fit is None or fit[2] > tolerance or abs(fit[0] - 1) <= tolerance:
        return None
    a, b = fit[0], fit[1]
    if abs(a) <= tolerance:
        return (f"its loss pulls every output toward {b:.4g} whatever y: it ignores the targets, so rows with y = 0 are "
                "pulled like rows with y = 1" + (" (a (1 - y) term that takes log(p) where it must take log(1 - p))"
                                                 if abs(b - 1) <= max(tolerance, 1e-6) else "") + ".",
                "Write the loss's terms as the run's loss has them, each with its own target.")
    K = y.shape[1] if y.shape[1] > 1 else 2
    epsilon = 1 - a
    if 0 < epsilon < 1 and abs(b - epsilon / K) <= max(tolerance, 1e-6):
        return (f"its loss pulls the outputs toward (1 - ε)·y + ε/{K} with ε = {epsilon:.4g}, not y: label smoothing.",
                "Smooth the targets on both sides alike (the NumPy side's y), or on neither (label_smoothing=0).")
    return (f"its loss pulls the outputs toward {a:.4g}·y + {b:.4g}, not y: the targets are changed before the loss.",
            "Give the loss y itself, or change y the same way on the NumPy side.")


def _other_loss(output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                tolerance: float) -> tuple[str, str] | None:
    for words, formula in LOSSES.items():
        try:
            with np.errstate(all="ignore"):
                candidate = gradient_at_logits(formula, output_activation, logits, y)
        except RuntimeError:  # a formula that does not apply to these shapes
            continue
        fit = fit_ratio(grad, candidate) if candidate is not None else None
        if fit and fit[0] > 0 and fit[1] <= tolerance:
            return (f"its loss's gradient at the logits is that of {words} (times {fit[0]:.4g}), not the run's loss's.",
                    "Compute the run's loss in the port.")
    return None
