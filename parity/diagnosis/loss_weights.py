"""How a loss weighs its rows, read from its gradient at the logits against the run's, row by row: by the row's class
(weight=, pos_weight=, ignore_index=), or by the row's own prediction (a focal loss's (1 - p_t)^γ, a confidence weight).
"""

from __future__ import annotations

import numpy as np
import torch

from parity.diagnosis.evidence import fit_ratio, golden_minimum
from parity.diagnosis.logit_gradients import gradient_at_logits

MAX_CLASSES = 20


def row_weights(run: np.ndarray, grad: np.ndarray, tolerance: float) -> np.ndarray | None:
    """w_i with each row's gradient w_i times the run's, or None where some row is not a multiple of the run's."""
    weights = []
    for g, r in zip(grad, run):
        fit = (0.0, 0.0) if not np.any(g) else fit_ratio(g, r) if np.any(r) else None
        if fit is None or fit[1] > tolerance:
            return None
        weights.append(fit[0])
    return np.array(weights)


def weighted_rows(run: np.ndarray, grad: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """Each row's gradient is the run's times a weight that depends only on the row's class."""
    weights, classes = row_weights(run, grad, tolerance), [tuple(np.round(row, 6)) for row in y]
    if weights is None:
        return None
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
    shown = "; ".join(f"rows with y = {label(key)} weigh {w / high:.4g}" + (" (left out: ignore_index, or a mask)" if w == 0 else "")
                      for key, w in sorted(means.items(), key=lambda kv: kv[1]))
    return (f"its loss weights the rows by their class ({shown}, relative to the heaviest): a weighted loss (weight=, "
            "pos_weight=, ignore_index=) where the run's loss weighs every row alike.", "Drop the class weights from the "
            "port's loss, or weigh the rows alike on the NumPy side.")


def label(key: tuple) -> str:
    return f"{key[0]:g}" if len(key) == 1 else "[" + ", ".join(f"{v:g}" for v in key) + "]"




def focal(gamma: float):
    """The focal loss -Σ (1 - p_t)^γ·log p_t (Lin et al., RetinaNet), p_t the probability given to the true class."""
    def loss(p, z, y):
        p_t = y * p + (1 - y) * (1 - p) if p.shape[1] == 1 else p
        return -(((1 - p_t) ** gamma) * torch.log(p_t) * (y if p.shape[1] > 1 else 1)).sum()
    return loss


def weighted_by_prediction(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                           run: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """Each row's gradient is the run's times a weight that follows the row's own prediction p_t (the probability it
    gives its true class), not its class: a focal loss where γ fits exactly, else the weights' trend, as measured."""
    if loss not in ("bce", "bce-sum", "ce", "ce-sum") or not np.all((y == 0) | (y == 1)):
        return None
    weights = row_weights(run, grad, tolerance)
    if weights is None or np.ptp(weights) <= tolerance * np.max(np.abs(weights)) or np.any(weights < 0):
        return None
    p = torch.sigmoid(torch.tensor(logits)).numpy() if y.shape[1] == 1 else torch.softmax(torch.tensor(logits), 1).numpy()
    p_t = np.where(y == 1, p, 1 - p).ravel() if y.shape[1] == 1 else (p * y).sum(axis=1)
    gamma = _focal_gamma(output_activation, logits, y, grad, tolerance)
    if gamma is not None:
        return (f"its loss is a focal loss, -(1 - p_t)^γ·log(p_t) with γ = {gamma:.4g} (p_t the probability of the true "
                f"class): each row's cross-entropy down-weighted by (1 - p_t)^{gamma:.4g}, the confident rows most, where "
                f"--loss {loss} is the plain cross-entropy (γ = 0).", "Drop the focal term (γ = 0), or compute the same "
                "focal loss on the NumPy side.")
    if y.shape[1] == 1:
        return None  # on one unit every row's gradient is some multiple of the run's: a trend there is no evidence
    inverse = weights * (1 - p_t)
    if np.all(p_t < 1) and np.ptp(inverse) <= tolerance * np.max(np.abs(inverse)):
        return (f"each row's gradient is the cross-entropy's times {inverse.mean():.4g}/(1 - p_t) (p_t the probability of the "
                "true class; measured on every row): the gradient of log Σ_(k≠t) e^(z_k) - z_t, the cross-entropy with the "
                "true class left out of its normaliser (a logsumexp or softmax denominator over the other classes only, "
                "the positive masked out as in a decoupled InfoNCE), where the run's loss keeps it in.",
                "Keep the true class in the normaliser: logsumexp over every class, minus the true class's logit.")
    order = np.argsort(p_t)
    trend = np.corrcoef(p_t[order], weights[order])[0, 1] if np.ptp(p_t) > 0 else 0.0
    if abs(trend) < 0.9:
        return None
    low, high = order[0], order[-1]
    return (f"its loss weighs each row by a factor that {'falls' if trend < 0 else 'rises'} with the row's own "
            f"prediction p_t, the probability of its true class (weight {weights[low]:.4g} at p_t = {p_t[low]:.3g}, "
            f"{weights[high]:.4g} at p_t = {p_t[high]:.3g}), not by its class: a confidence weighting such as a focal "
            "loss's modulating factor (1 - p_t)^γ, where the run's loss weighs every row alike.",
            "Weigh the rows alike (plain cross-entropy), or the same way on the NumPy side.")


def _focal_gamma(output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray, tolerance: float) -> float | None:
    """γ in (0, 8] whose focal loss's gradient is the port's up to one positive factor (its reduction), by golden
    section; None where none fits."""
    def gap(gamma: float) -> float:
        candidate = gradient_at_logits(focal(gamma), output_activation, logits, y)
        fit = fit_ratio(grad, candidate) if candidate is not None else None
        return fit[1] if fit and fit[0] > 0 else 1.0

    gamma = golden_minimum(gap, 0.0, 8.0, steps=50)
    return gamma if gamma > 1e-3 and gap(gamma) <= tolerance else None
