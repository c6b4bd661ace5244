"""The output delta a NumPy side used, recomputed: every failing gradient must follow from it, backpropagated as the
run's model does. Tried: a softmax taken or shifted along the batch axis, the softmax's derivative applied after the
cross-entropy's delta, targets changed (the first row's for every row, flipped, smoothed with ε fitted), and the losses
of stage_readings' table, each up to its reduction.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis import loss_readings as losses
from parity.diagnosis.logit_gradients import gradient_at_logits
from parity.diagnosis.evidence import Evidence, fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.rules.loss import backward_from


def _softmax_rows(shifted: np.ndarray) -> np.ndarray:
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def _no_keepdims(e: np.ndarray) -> np.ndarray:
    return e / e.sum(axis=1)[None, :]


def output_delta(e: Evidence) -> Finding | None:
    """Every failing gradient follows from another output delta, backpropagated as the run's model does: a softmax
    taken along the batch axis, a loss from stage_readings' table (up to its reduction), each recomputed in float64."""
    failing = [g for g in e.grads() if e.failed(g)]
    if not failing:
        return None
    z, y, scale = e.reference.logits, e.y, e.loss.scale(e.y)
    candidates = []
    if e.output_activation == "softmax" and e.config.loss in ("ce", "ce-sum"):
        candidates += [("output-unit", "the softmax taken along the batch axis (axis=0: each class normalised over the rows) "
                        "where each row's classes must be", scale * (_softmax_rows(z.T).T - y)),
                       ("output-unit", "the softmax shifted by each class's max over the batch (z.max(axis=0)) where each "
                        "row's own max keeps it a softmax", scale * (_softmax_rows(z - z.max(axis=0)) - y)),
                       ("output-unit", "a softmax divided by the rows' sums broadcast along the last axis, "
                        "e.sum(axis=1) without keepdims=True: column j divided by row j's sum (it runs only because the batch "
                        "has as many rows as classes)", scale * (_no_keepdims(np.exp(z)) - y) if z.shape[0] == z.shape[1] else None),
                       ("output-unit", "a softmax (shifted by each row's max) divided by the rows' sums broadcast along the last axis, "
                        "e.sum(axis=1) without keepdims=True: column j divided by row j's sum (it runs only because the batch "
                        "has as many rows as classes)", scale * (_no_keepdims(np.exp(z - z.max(axis=1, keepdims=True))) - y) if z.shape[0] == z.shape[1] else None),
                       ("activation-derivative", "(p - y) multiplied again by p (1 - p): the softmax's derivative applied "
                        "after the cross-entropy's delta, which already includes it (the two cancel)",
                        scale * (e.reference.output - y) * e.reference.output * (1 - e.reference.output))]
    candidates += _changed_targets(e, scale)
    for words, formula in losses.LOSSES.items():
        try:
            with np.errstate(all="ignore"):
                delta = gradient_at_logits(formula, e.output_activation, z, y)
        except RuntimeError:  # a formula that does not apply to these shapes
            continue
        if delta is not None:
            candidates.append(("loss-function", f"{words}, not the run's loss", delta))
    for name, what, delta in candidates:
        if delta is None:
            continue
        same = fit_ratio(delta, e.deltas[e.layers])
        if same is not None and same[1] <= 10 * e.match_tolerance:
            continue  # the run's own delta up to a factor: a rate or a reduction, which other findings read
        grads = backward_from(e, delta)
        top = failing[0].split(".")[0]
        fit = fit_ratio(e.numpy(failing[0]), grads[top]) if top in grads else None
        if fit is None or fit[0] <= 0:
            continue
        # another output delta changes every gradient below it: the ones that pass must follow from it too
        if all((e.explains if g in failing else e.matches)(fit[0] * grads[g.split(".")[0]], g) for g in e.grads() if g.split(".")[0] in grads):
            factor = "" if abs(fit[0] - 1) <= 1e-3 else f" (times {fit[0]:.4g}, its reduction)"
            return Finding(name, f"The NumPy gradients all follow from the output delta of {what}{factor}, backpropagated "
                           "as the run's model does.", {"tensors": failing, "factor": fit[0]},
                           "Compute the output delta as the run's loss and output unit do: (output - y) times the "
                           "reduction's scale, the softmax over each row.", 0.93)
    return None


def _changed_targets(e: Evidence, scale: float) -> list[tuple[str, str, np.ndarray]]:
    """Where the run's delta is scale·(output - y) (a loss matched to its output unit), the delta toward other targets:
    y smoothed, (1 - ε)·y + ε/K with ε fitted; every row given the first row's target; the labels flipped, 1 - y."""
    matched = {"softmax": ("ce", "ce-sum"), "sigmoid": ("bce", "bce-sum"), "linear": ("mse", "sse", "half-mse", "half-sse")}
    if e.config.loss not in matched.get(e.output_activation, ()):
        return []
    p, y, true = e.reference.output, e.y, e.deltas[e.layers]
    c = _unit(true, p, y)
    if c is None:
        return []
    k = y.shape[1] if y.shape[1] > 1 else 2
    # the delta toward targets t: c·(p - t) = true + c·(y - t)
    found = [("loss-function", "the targets all set to the first row's (an argmax or a label taken without axis=1, "
              "broadcast to every row)", true + c * (y - y[:1])),
             ("loss-function", "targets of 1 in every class that some row has, for every row (y.max(axis=0) broadcast: "
              "dscores[:, labels] -= 1 indexes whole columns, where dscores[np.arange(n), labels] picks one element per row)",
              true + c * (y - y.max(axis=0, keepdims=True))),
             ("loss-function", "the error of an output of zero, 0 - y, whatever the network computes: the output the backward "
              "pass reads is never written by the forward pass (a stale or misspelled attribute, its zeros from __init__)",
              true - c * p)]
    if e.output_activation != "linear":
        found.append(("loss-function", "the labels flipped, 1 - y in place of y", true + c * (2 * y - 1)))
    top = next((g for g in e.grads() if e.failed(g) and g.startswith(f"W{e.layers}.")), None)
    if top is not None:
        direction = c * (y - 1 / k)
        fit = fit_ratio(e.numpy(top) - e.inputs[e.layers - 1].T @ true, e.inputs[e.layers - 1].T @ direction)
        if fit is not None and 0 < fit[0] < 1:
            found.append(("loss-function", f"targets smoothed toward 1/{k}: (1 - ε)·y + ε/{k} with ε = {fit[0]:.4g}, "
                          "label smoothing on one side only", true + fit[0] * direction))
    return found


def _unit(true: np.ndarray, p: np.ndarray, y: np.ndarray) -> float | None:
    """c in the run's delta = c·(output - y); None where the delta is no such multiple."""
    fit = fit_ratio(true, p - y)
    return fit[0] if fit is not None and fit[1] <= 1e-9 else None
