"""Findings about the loss: a target that broadcasts, a reduction that scales every gradient."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import Evidence, close, common_ratio, fit_ratio
from parity.diagnosis.finding import Finding


def target_broadcast(e: Evidence) -> Finding | None:
    if not e.failed("loss") or e.k != 1:
        return None
    output, flat_y = e.reference.output, e.y.ravel()
    error = output - flat_y  # (n, 1) against (n,) broadcasts to (n, n)
    candidates = {
        "sse": np.sum(error**2), "half-sse": 0.5 * np.sum(error**2), "mse": np.mean(error**2),
        "bce": np.mean(np.maximum(e.reference.logits, 0) - e.reference.logits * flat_y + np.log1p(np.exp(-np.abs(e.reference.logits)))),
    }
    predicted = np.asarray(candidates[e.config.loss])
    if not e.matches(predicted, "loss"):
        return None
    return Finding(
        "target-broadcast",
        f"y of shape ({e.n},) was broadcast against the output of shape ({e.n}, 1): output - y is an "
        f"({e.n}, {e.n}) matrix, so every row is compared with every target.",
        {"numpy_loss": float(e.numpy("loss")), "torch_loss": float(e.torch("loss")), "loss_if_broadcast": float(predicted)},
        "Keep y 2-D: y.reshape(-1, 1) in NumPy, y.view(-1, 1) in torch (F.mse_loss warns about this).",
        0.98,
    )


LOSS_REDUCTION = {"sse": "sum", "half-sse": "half-sum", "mse": "mean", "bce": "mean"}


def loss_scale(e: Evidence) -> Finding | None:
    grads = e.grads()
    if not grads or not any(e.failed(g) for g in grads):
        return None
    ratio = common_ratio(e, grads, lambda side, n: getattr(e, side)(n))
    if ratio is None or close(ratio, 1.0) or close(ratio, -1.0):
        return None
    scales = {"sum": 1.0, "half-sum": 0.5, "mean": 1 / (e.n * e.k), "mean over rows": 1 / e.n, "half-mean": 0.5 / (e.n * e.k)}
    own = LOSS_REDUCTION[e.config.loss]
    found = [r for r, s in scales.items() if r != own and close(ratio, s / scales[own])]
    evidence = {"ratio": ratio, "batch_rows": e.n, "outputs": e.k, "tensors": grads}
    if e.failed("loss") and fit_ratio(e.numpy("loss"), e.torch("loss")):
        evidence["loss_ratio"] = fit_ratio(e.numpy("loss"), e.torch("loss"))[0]
    learning_rate = f" (or the NumPy code's learning rate is {ratio * e.config.lr:.6g}, not {e.config.lr:g})" if e.derived_grads else ""
    if found:
        return Finding(
            "loss-scale",
            f"Every NumPy gradient is {ratio:.6g} times torch's: the NumPy loss is reduced by {found[0]} "
            f"where the run's --loss {e.config.loss} is reduced by {own}{learning_rate}.",
            evidence,
            "Use one reduction on both sides: --loss sse (sum), half-sse (0.5 * sum) or mse (mean, torch's default); "
            "in torch, F.mse_loss(..., reduction='sum') for a sum.",
            0.95,
        )
    return Finding(
        "loss-scale",
        f"Every NumPy gradient is {ratio:.6g} times torch's: a constant factor in the loss or its derivative{learning_rate}.",
        evidence,
        "Look for a missing or extra constant: the 2 in d/do (o - y)², a division by the batch size, a learning rate folded into the gradient.",
        0.7,
    )
