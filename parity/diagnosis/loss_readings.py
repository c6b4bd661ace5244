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
from parity.diagnosis import activation_readings as acts
from parity.diagnosis.target_entries import weighted_by_target
from parity.diagnosis.evidence import as_division, fit_ratio, golden_minimum, one_side, relative_gap
from parity.diagnosis.logit_gradients import gradient_at_logits, run_gradient
from parity.diagnosis.loss_weights import weighted_by_prediction, weighted_rows
from parity.diagnosis.normalisation_readings import pinned_column
from parity.diagnosis.target_readings import BROADCAST, smoothed_targets


TWICE = ("cross-entropy taken of the probabilities as if they were logits (softmax applied twice)",
         "binary cross-entropy with logits taken of the probabilities (sigmoid applied twice)")


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
    TWICE[0]: lambda p, z, y: -(y * torch.log_softmax(p, dim=1)).sum(),
    TWICE[1]: lambda p, z, y: F.binary_cross_entropy_with_logits(p, y, reduction="sum"),
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


def finding_name(words: str) -> tuple[str, dict]:
    """The finding a loss reading is, and its evidence: most are the loss itself; a target broadcast, and the output
    unit applied again before a loss that applies it, have names of their own."""
    if BROADCAST in words:
        return "target-broadcast", {}
    twice = [unit for unit, entry in zip(("softmax", "sigmoid"), TWICE) if entry in words]
    return ("activation-twice", {"activation": twice[0]}) if twice else ("loss-function", {})


def loss_gradient(loss: str, output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray,
                  tolerance: float, batch_size: int | None = None, inputs: np.ndarray | None = None) -> tuple[str, str] | None:
    """(words, fix) for the loss whose gradient at the logits the port's step produced, where it is not the run's."""
    run = run_gradient(loss, output_activation, logits, y)
    if run is None or relative_gap(grad, run) <= tolerance:
        return None
    scaled = fit_ratio(grad, run)
    if scaled and scaled[1] <= tolerance:
        return _exact_loss(output_activation, logits, y, grad, tolerance) or _count(loss, output_activation, y, scaled[0], batch_size) or (
            f"its loss's gradient at the logits is {scaled[0]:.6g} times --loss {loss}'s{as_division(scaled[0])}: the same "
            "loss, reduced otherwise (a sum against a mean, or another count: a batch size fixed in the code where this "
            f"batch has another){_inside_square(loss, scaled[0])}.", f"Reduce the port's loss as --loss {loss} does.")
    return weighted_rows(run, grad, y, tolerance) or smoothed_targets(run, grad, logits, y, output_activation, tolerance, inputs) \
        or _unit_in_gradient(output_activation, logits, y, grad, run, tolerance) \
        or _added_term(output_activation, logits, y, grad, run, tolerance) or _temperature(loss, output_activation, logits, y, grad, tolerance) or _jacobian_diagonal(loss, output_activation, logits, y, grad, tolerance) \
        or _other_loss(output_activation, logits, y, grad, tolerance) or _one_sign_of_logits(run, grad, logits, tolerance) \
        or weighted_by_prediction(loss, output_activation, logits, y, grad, run, tolerance) or \
        weighted_by_target(run, grad, y, tolerance) or _one_target_right(run, grad, y, tolerance)


# terms a loss may carry beside the run's loss, each in the output unit's values p or the logits z
TERMS = {
    "the entropy of the predictions, -Σ p·log p (an entropy bonus where it is subtracted, a penalty where added)":
        lambda p, z, y: -(p * torch.log(p)).sum() - (((1 - p) * torch.log1p(-p)).sum() if p.shape[1] == 1 else 0),
    "the squared logits, Σ z² (a penalty on the logits' size)": lambda p, z, y: (z ** 2).sum(),
    "the squared probabilities, Σ p²": lambda p, z, y: (p ** 2).sum(),
    "each row's largest logit, Σ max(z) (a log-sum-exp whose max is subtracted and never added back, left in the graph)":
        lambda p, z, y: z.max(dim=1).values.sum(),
}


def _added_term(output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray, run: np.ndarray,
                tolerance: float) -> tuple[str, str] | None:
    """The port's loss is a·(the run's loss) + c·(another term): a and c fitted by least squares, the term from a table."""
    for words, term in TERMS.items():
        extra = gradient_at_logits(term, output_activation, logits, y)
        if extra is None:
            continue
        A = np.stack([run.ravel(), extra.ravel()], axis=1)
        (a, c), *_ = np.linalg.lstsq(A, grad.ravel(), rcond=None)
        if a * np.linalg.norm(run) <= 0.1 * np.linalg.norm(grad) or relative_gap(A @ np.array([a, c]), grad.ravel()) > tolerance \
                or abs(c) * np.linalg.norm(extra) <= tolerance * np.linalg.norm(grad):
            continue  # the run's loss must be part of it: a term that alone gives the gradient (a constant) says nothing
        return (f"its loss is the run's loss (times {a:.4g}) {'plus' if c > 0 else 'minus'} {abs(c / a):.4g} times {words}, "
                "a term the run's loss does not have.", "Leave the extra term out of the port's loss, or add it on the NumPy side.")
    return None


def _one_target_right(run: np.ndarray, grad: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """On one output unit, the run's gradient on the rows of one target and not on the other's: one of the loss's two
    terms written wrong."""
    if y.shape[1] != 1 or not np.all((y == 0) | (y == 1)):
        return None
    for right, wrong in ((1, 0), (0, 1)):
        ok, off = y[:, 0] == right, y[:, 0] == wrong
        if ok.sum() >= 2 and off.sum() >= 2 and relative_gap(grad[ok], run[ok]) <= tolerance and relative_gap(grad[off], run[off]) > tolerance:
            term = "(1 - y)·log(1 - p)" if wrong == 0 else "y·log(p)"
            held = grad[off]
            if np.ptp(held) <= 1e-6 * max(np.abs(held).max(), 1e-30):  # every such row one number: a bound, not a term
                return (f"its loss's gradient at the logits is the run's on the rows with y = {right}, and one number, "
                        f"{held.flat[0]:.4g}, on every row with y = {wrong}, where the run's varies: the gradient clipped "
                        "to a bound (a clip meant for the probability, np.clip(p, eps, 1 - eps), applied to p - y).",
                        "Clip the probability, not the gradient: np.clip(p, eps, 1 - eps) before the loss.")
            return (f"its loss's gradient at the logits is the run's on the rows with y = {right} and not on the rows with "
                    f"y = {wrong}: the loss's y = {wrong} term, {term}, is written wrong (a sign slip inside it, "
                    "or a term of the other's form).", f"Write the y = {wrong} term as {term}.")
    return None


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


def _inside_square(loss: str, factor: float) -> str:
    """', or a constant k inside the square, (k·(output - y))²' where k is a whole number or one over one."""
    if loss not in ("sse", "half-sse", "mse", "half-mse"):
        return ""
    k = float(np.sqrt(factor * (0.5 if loss.startswith("half") else 1.0)))
    whole = next((n for n in (k, 1 / k) if n >= 2 and abs(n - round(n)) <= 1e-6 * n), None)
    if whole is None:
        return ""
    return (f"; the same numbers as a constant inside the square, (k·(output - y))² with k = {k:.4g}: squared with the "
            f"error, it weighs {k * k:.4g} where {0.5 if loss.startswith('half') else 1:g} is meant")


def _count(loss: str, output_activation: str, y: np.ndarray, factor: float, batch_size: int | None) -> tuple[str, str] | None:
    """The count the port's loss divides by, where the factor against the run's loss is the run's count over it."""
    run = 1 / numpy_net.make_loss(loss, output_activation).scale(y)  # what the run's loss divides by
    counts = {"the number of positive targets (y.sum())": float(y.sum()), "the number of negative targets ((1 - y).sum())":
              float((1 - y).sum()), "the number of rows": float(len(y)), "the number of elements (rows × outputs)": float(y.size)}
    if batch_size and batch_size != len(y) and run > 1:  # a mean: its count is the batch's rows (times the outputs)
        counts = {f"a full batch's count, --batch-size {batch_size} (times the outputs), where this step's batch has "
                  f"{len(y)} rows (the epoch's last, partial batch): a batch size fixed in the code, not len(X)":
                  batch_size * run / len(y), **counts}
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


def _unit_in_gradient(output_activation: str, logits: np.ndarray, y: np.ndarray, grad: np.ndarray, run: np.ndarray,
                      tolerance: float) -> tuple[str, str] | None:
    """Where the run's gradient is D·(p - y) with D one constant (a loss matched to its unit), the port's q = grad/D + y
    read as a function of the logits: the unit as the loss differentiates it, where it is not the unit it computes."""
    unit = numpy_net.ACTIVATIONS[output_activation].function
    p = unit(logits)
    scale = fit_ratio(run, p - y)
    if scale is None or scale[1] > tolerance or scale[0] <= 0:
        return None
    q = grad / scale[0] + y
    if relative_gap(q, p) <= tolerance:
        return None
    if output_activation == "softmax" and (pinned := pinned_column(logits, q, tolerance)):
        return (f"its loss's gradient at the logits is (q - y) with q {pinned}.", "Compute the probabilities from every "
                "column of the logits, or leave the pinned column's parameters out of the update.")
    if relative_gap(q, (logits > 0).astype(float)) <= tolerance:
        words = ("[z > 0], a step, where the unit's own σ(z) belongs: the loss written in a stable form, max(z, 0) + "
                 "log(1 + exp(-|z|)) - y·z, with a term cut from the graph (|z| detached, or the log term computed from a "
                 "detached z), so only max(z, 0) passes a gradient") if output_activation == "sigmoid" else "[z > 0], a step"
    else:
        reading = acts.activation(logits, q, tolerance, output_activation)
        if reading is None or reading[1] in (output_activation, "constant"):
            return None  # a constant is no unit: the targets are read otherwise
        words = reading[0]
    return (f"its loss's gradient at the logits is ({words}) - y where the run's is {output_activation}(z) - y: the unit as "
            "the loss differentiates it is not the unit it computes.", "Let every term of the loss pass its gradient "
            "(no .detach() inside it), or compute it as the run's loss from the logits.")


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

    t = float(np.exp(golden_minimum(gap, -3.0, 3.0)))
    if gap(np.log(t)) > tolerance or abs(np.log(t)) < np.log(1.05):  # within 5% of 1: another small change fits as well
        return None
    factor = fit_ratio(grad, run_gradient(loss, output_activation, logits / t, y))[0]  # d/dz L(z/T) = L'(z/T)/T: 1/T
    # -y·log(e^z / ‖e^z‖_q) = (1/q)·CE(q·z), whose gradient in z is CE'(q·z): the loss at T = 1/q with the factor 1
    norm = (f" Exactly the same numbers come from a softmax normalised by the L{1 / t:.3g} norm of e^z instead of its sum "
            f"(F.normalize(e^z, p={1 / t:.3g}) in place of e^z / Σ e^z), which is the loss of z/T times T."
            if output_activation == "softmax" and abs(factor - 1) <= 1e-3 else "")
    return (f"its loss is taken of the logits divided by a temperature T = {t:.4g} (logits / T before the loss, as in "
            f"distillation code), not of the logits.{norm}", "Give the loss the logits themselves (T = 1), normalised by their sum.")


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
            seeded = (f", which is also (p - y) passed back through the {output_activation}'s Jacobian: a gradient (p - y) "
                      "seeded at the probabilities (probs.backward(p - y)) where the cross-entropy's shortcut p - y belongs "
                      "at the logits") if words.startswith("the squared error") and output_activation in ("softmax", "sigmoid") else ""
            return (f"its loss's gradient at the logits is that of {words} (times {fit[0]:.4g}){seeded}, not the run's loss's.",
                    "Compute the run's loss in the port.")
    return None
