"""What a loss's gradient at the logits says about the loss, read from its numbers: each reading is a fit, stated only
where it holds. The run's loss reduced otherwise; rows weighted by class; targets changed (label smoothing:
(1 - ε)·y + ε/K); the logits divided by a temperature before the loss; the error's norm or root-mean-square taken
where its square is meant; or another loss from a table, each up to one positive factor.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

import numpy_net
import torch_net
from parity.diagnosis.evidence import fit_ratio, relative_gap
from parity.diagnosis.stage_readings import affine_fit, as_division, one_side


def gradient_at_logits(formula: Callable, output_activation: str, logits: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """d formula(p, z, y) / dz at these logits, p the output unit's values, in float64; None where it is not finite."""
    z = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    target = torch.tensor(y, dtype=torch.float64)
    p = torch_net.model.ACTIVATIONS[output_activation](z)
    formula(p, z, target).backward()
    grad = z.grad.numpy()
    return grad if np.all(np.isfinite(grad)) else None


def _one_unit(formula: Callable) -> Callable:
    """The formula on a single output unit only (its reading there differs from the one on several classes)."""
    def on_one_unit(p, z, y):
        if p.shape[1] != 1:
            raise RuntimeError("not a single output unit")
        return formula(p, z, y)
    return on_one_unit


# other losses a port may compute on the same outputs, each up to one positive factor (its reduction)
LOSSES: dict[str, Callable] = {
    "the squared error (output - y)²": lambda p, z, y: ((p - y) ** 2).sum(),
    "binary cross-entropy": lambda p, z, y: -(y * torch.log(p) + (1 - y) * torch.log1p(-p)).sum(),
    "-Σ y·log p on one output unit, the binary cross-entropy's y = 1 term alone: the rows with y = 0 get no gradient "
    "(as log(1 + e^(-y·z)), the logistic loss written for -1/+1 labels, does when given 0/1 labels)": _one_unit(
        lambda p, z, y: -(y * torch.log(p)).sum()),
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
        return _exact_loss(output_activation, logits, y, grad, tolerance) or _count(loss, output_activation, y, scaled[0]) or (
            f"its loss's gradient at the logits is {scaled[0]:.6g} times --loss {loss}'s{as_division(scaled[0])}: the same "
            "loss, reduced otherwise (a sum against a mean, or another count: a batch size fixed in the code where this "
            "batch has another).", f"Reduce the port's loss as --loss {loss} does.")
    return _weighted_rows(run, grad, y, tolerance) or _smoothed_targets(run, grad, logits, y, output_activation, tolerance) \
        or _temperature(loss, output_activation, logits, y, grad, tolerance) or _jacobian_diagonal(loss, output_activation, logits, y, grad, tolerance) \
        or _other_loss(output_activation, logits, y, grad, tolerance) or _one_sign_of_logits(run, grad, logits, tolerance)


def _one_sign_of_logits(run: np.ndarray, grad: np.ndarray, logits: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """The run's gradient where the logits are of one sign, another where they are of the other: a branch of a
    numerically stable form (its |z| or max(z, 0)) written wrong."""
    found = one_side(logits, grad, run, tolerance)
    if found is None:
        return None
    where, other, _ = found
    return (f"its loss's gradient at the logits is the run's where {where} and not where {other}: the loss's branch "
            f"for {other} is written wrong (a numerically stable form's |z| or max(z, 0) missing, so the rows with "
            f"{other} get another term).", "Write the stable form with |z|: max(z, 0) - z·y + log(1 + e^-|z|).")


# the run's losses as functions of the output unit's values p: their derivative in p, through which a hand-written
# backward pass goes before the unit's own derivative
LOSS_OF_OUTPUT: dict[str, Callable] = {
    "ce": lambda p, y: -(y * torch.log(p)).sum(), "ce-sum": lambda p, y: -(y * torch.log(p)).sum(),
    "mse": lambda p, y: ((p - y) ** 2).sum(), "sse": lambda p, y: ((p - y) ** 2).sum(), "half-sse": lambda p, y: ((p - y) ** 2).sum(),
}


def _jacobian_diagonal(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                       tolerance: float) -> tuple[str, str] | None:
    """dL/dp times the softmax's elementwise p(1 - p): its Jacobian's diagonal alone, the cross terms -p_i p_j left out
    (the sigmoid's derivative copied to a softmax), up to one positive factor (the loss's reduction)."""
    if output_activation != "softmax" or loss not in LOSS_OF_OUTPUT:
        return None
    p = torch.tensor(numpy_net.ACTIVATIONS["softmax"].function(logits), dtype=torch.float64, requires_grad=True)
    LOSS_OF_OUTPUT[loss](p, torch.tensor(y, dtype=torch.float64)).backward()
    values = p.detach().numpy()
    candidate = values * (1 - values) * p.grad.numpy()
    fit = fit_ratio(grad, candidate) if np.all(np.isfinite(candidate)) else None
    if fit is None or fit[0] <= 0 or fit[1] > tolerance:
        return None
    return ("its delta at the logits is the loss's derivative times p (1 - p), elementwise: the softmax Jacobian's "
            "diagonal alone, its cross terms -p_i p_j (off-diagonal) left out, as if the softmax were a sigmoid.",
            "Back-propagate through the softmax with its whole Jacobian: for cross-entropy, delta = p - y.")


def _count(loss: str, output_activation: str, y: np.ndarray, factor: float) -> tuple[str, str] | None:
    """The count the port's loss divides by, where the factor against the run's loss is the run's count over it."""
    run = 1 / numpy_net.make_loss(loss, output_activation).scale(y)  # what the run's loss divides by
    counts = {"the number of positive targets (y.sum())": float(y.sum()), "the number of negative targets ((1 - y).sum())":
              float((1 - y).sum()), "the number of rows": float(len(y)), "the number of elements (rows × outputs)": float(y.size)}
    for words, count in counts.items():
        if count > 0 and abs(run / count - factor) <= 1e-3 * factor and abs(count - run) > 0.5:
            return (f"its loss's gradient at the logits is {factor:.6g} times --loss {loss}'s: the same loss divided by "
                    f"{words}, {count:g}, where --loss {loss} divides by {run:g}.", f"Divide the port's loss as --loss {loss} does.")
    return None


# Losses whose gradient is the squared error's times a number that changes with the error itself: within one step
# a multiple of the run's, told apart only by that number, so each is matched exactly, with no free factor.
EXACT_LOSSES: dict[str, Callable] = {
    "the norm of the error ‖output - y‖ (torch.norm or torch.linalg.norm of the error, not squared: the square is missing)":
        lambda p, z, y: torch.linalg.norm(p - y),
    "the root of the mean squared error, sqrt(mean((output - y)²)) (an RMSE loss: the square root of the MSE)":
        lambda p, z, y: torch.sqrt(((p - y) ** 2).mean()),
}


def _exact_loss(output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    for words, formula in EXACT_LOSSES.items():
        candidate = gradient_at_logits(formula, output_activation, logits, y)
        if candidate is not None and relative_gap(grad, candidate) <= tolerance:
            return (f"its loss's gradient at the logits is exactly that of {words}, not the run's loss's.",
                    "Square the error (and reduce it) as the run's loss does.")
    return None


def _temperature(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                 tolerance: float) -> tuple[str, str] | None:
    """The run's loss taken of the logits divided by a constant T (a distillation temperature): its gradient at z is
    (1/T)·L'(z/T), up to one positive factor (T² in distillation code). T is fitted by golden-section search on log T."""
    def gap(log_t: float) -> float:
        t = float(np.exp(log_t))
        candidate = run_gradient(loss, output_activation, logits / t, y)
        fit = fit_ratio(grad, candidate) if candidate is not None else None
        return fit[1] if fit and fit[0] > 0 else 1.0

    low, high, ratio = -3.0, 3.0, (np.sqrt(5) - 1) / 2
    for _ in range(60):
        a, b = high - ratio * (high - low), low + ratio * (high - low)
        low, high = (low, b) if gap(a) < gap(b) else (a, high)
    t = float(np.exp((low + high) / 2))
    if gap(np.log(t)) > tolerance or abs(t - 1) <= 1e-3:
        return None
    factor = fit_ratio(grad, run_gradient(loss, output_activation, logits / t, y))[0]  # d/dz L(z/T) = L'(z/T)/T: 1/T
    # -y·log(e^z / ‖e^z‖_q) = (1/q)·CE(q·z), whose gradient in z is CE'(q·z): the loss at T = 1/q with the factor 1
    norm = (f" Exactly the same numbers come from a softmax normalised by the L{1 / t:.3g} norm of e^z instead of its sum "
            f"(F.normalize(e^z, p={1 / t:.3g}) in place of e^z / Σ e^z), which is the loss of z/T times T."
            if output_activation == "softmax" and abs(factor - 1) <= 1e-3 else "")
    return (f"its loss is taken of the logits divided by a temperature T = {t:.4g} (logits / T before the loss, as in "
            f"distillation code), not of the logits.{norm}", "Give the loss the logits themselves (T = 1), normalised by their sum.")


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
    """Where the run's gradient is D·(p - y), D not depending on y (a matched loss: D a constant; the squared error of
    a sigmoid: D = 2p(1 - p)), the port's targets t = p - grad/D, element by element."""
    p = numpy_net.ACTIVATIONS[output_activation].function(logits)
    apart = np.abs(p - y) > 1e-6
    if not np.all(apart):
        return None
    D = run / (p - y)
    if not np.all(D > 0):
        return None
    t = p - grad / D
    predicted = np.eye(y.shape[1])[p.argmax(axis=1)] if y.shape[1] > 1 else (p > 0.5).astype(float)
    # predictions that vary from row to row: one target for every row is read below, as targets ignored
    if len(np.unique(predicted, axis=0)) > 1 and relative_gap(t, predicted) <= tolerance and not np.array_equal(predicted, y):
        return ("its loss pulls the outputs toward the model's own predicted classes (the argmax of its output), not y: "
                "the true labels replaced by the predictions (np.argmax(probs) where np.argmax(y) belongs).",
                "Take the labels from y.")
    fit = affine_fit(t.ravel(), y.ravel())
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
    values = np.unique(np.round(y, 6))
    mapped = ", ".join(f"y = {v:g} → {a * v + b:.4g}" for v in values[:4]) if len(values) <= 4 else ""
    recoded = " (the targets recoded from {0, 1} to {-1, +1}, 2y - 1)" if abs(a - 2) <= 1e-3 and abs(b + 1) <= 1e-3 else ""
    return (f"its loss pulls the outputs toward {a:.4g}·y {'+' if b >= 0 else '-'} {abs(b):.4g}, not y: the targets are changed "
            f"before the loss{recoded}" + (f" ({mapped})" if mapped else "") + ".",
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
