"""Findings about a bias's gradient (every row used the same bias, so its gradient is the sum of the rows' deltas), and one
layer's gradient scaled apart from the others'.

Read from the two sides' gradients: another shape (not summed over the
batch), zero (never trained), a mean where the weights sum, one number for
every unit (summed over every axis), or a bias never updated at all.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import Evidence, close, common_ratio, fit_ratio
from parity.diagnosis.finding import Finding


def bias_gradient(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    for layer in range(e.layers, 0, -1):
        b, grad = f"b{layer}", f"b{layer}.grad"
        if grad in e.comparisons and e.failed(grad) and not e.failed(f"W{layer}.grad"):
            return _bias_gradient_finding(e, b, grad)
    biases = [f"b{layer}" for layer in range(e.layers, 0, -1)]
    frozen = [b for b in biases if e.failed(b) and not np.any(e.update("numpy", b)) and np.any(e.update("torch", b))]
    if frozen and not any(e.failed(f"W{layer}") for layer in range(1, e.layers + 1)):
        return Finding(
            "bias-gradient",
            f"The NumPy side never updates {' and '.join(frozen)}: the bias keeps its initial value while torch trains it.",
            {"tensors": frozen},
            "Update every parameter, biases included.",
            0.9,
        )
    return None


def _one_number(grad: np.ndarray) -> bool:
    """Every element the same but for rounding (a gradient read back from float32 updates)."""
    return float(np.ptp(grad)) <= 1e-4 * float(np.max(np.abs(grad)))


def _summed_whole(value: float, torch_grad: np.ndarray, rows: int) -> str | None:
    """How one number stands for a whole bias gradient: its units' sum, or that over the rows, or the mean."""
    total = float(torch_grad.sum())
    for words, candidate in (("the sum of torch's over all units", total), (f"that sum over the {rows} rows", total / rows),
                             ("the mean of torch's over all units", total / torch_grad.size)):
        if close(value, candidate):
            return words
    return None


def _bias_gradient_finding(e: Evidence, b: str, grad: str) -> Finding:
    numpy_grad, torch_grad = e.numpy(grad), e.torch(grad)
    if numpy_grad.shape != torch_grad.shape:
        what, score = f"has shape {numpy_grad.shape} instead of {torch_grad.shape}: it was not summed over the batch", 0.98
    elif not np.any(numpy_grad):
        what, score = "is zero: the bias is never trained", 0.95
    elif numpy_grad.size > 1 and _one_number(numpy_grad) and (whole := _summed_whole(float(numpy_grad.mean()), torch_grad, e.n)):
        what, score = (f"is one number for every unit, {whole}: the sum was taken over every axis (np.sum without "
                       "axis=0), so each unit gets the same scalar"), 0.96
    else:
        ratio = fit_ratio(numpy_grad, torch_grad)
        if ratio and ratio[1] < 1e-3 and close(ratio[0], 1 / e.n):
            what, score = f"is 1/{e.n} of torch's: averaged over the batch instead of summed", 0.96
        else:
            what, score = "differs while the weight gradient agrees", 0.7
    return Finding(
        "bias-gradient",
        f"The NumPy gradient of {b} {what}. Every row of the batch used the same bias, so its gradient is the "
        "sum of the rows' deltas.",
        {"tensor": grad, "numpy_shape": list(numpy_grad.shape), "torch_shape": list(torch_grad.shape)},
        f"grad_{b} = delta.sum(axis=0), with the same reduction as the weights' gradient.",
        score,
    )


def gradient_scale(e: Evidence) -> Finding | None:
    """One layer's gradients are a constant multiple of torch's while the other layers' agree."""
    failing = [g for g in e.grads() if e.failed(g)]
    layers = {g.split(".")[0][1:] for g in failing}
    if len(layers) != 1 or len(failing) == len(e.grads()):
        return None
    ratio = common_ratio(e, failing, lambda side, n: getattr(e, side)(n))
    if ratio is None or abs(ratio) < 1e-6 or close(ratio, -1.0) or close(ratio, 1.0):
        return None
    layer = layers.pop()
    if all(g.startswith("b") for g in failing):  # the weights of that layer agree: no factor in its delta
        return Finding("gradient-scale", f"Layer {layer}'s NumPy bias update alone is {ratio:.6g} times torch's at step {e.step}, its "
                       "weights' agree: the bias's step is computed apart from the weights' (a factor, or a term added to it); one "
                       "step does not show that the factor holds at every row.", {"ratio": ratio, "tensors": failing},
                       f"Compute layer {layer}'s bias gradient as the sum of its delta over the rows.", 0.7)
    lr = e.config.lr
    why = (f" (1/{e.n}: averaged over the batch where the others sum)" if close(ratio, 1 / e.n) else f" (the learning "
           f"rate, {lr:g}: that layer's step carries lr², the learning rate twice: a step already scaled by lr "
           f"back-propagated, or multiplied by lr again)" if close(ratio, lr) and lr != 1 else "")
    times = next((words for k, words in ((2.0, " (twice)"), (0.5, " (half)"), (4.0, " (four times)"), (0.25, " (a quarter)"))
                  if close(ratio, k)), "")
    upper = any(g.startswith("W") and g[1:].split(".")[0].isdigit() and int(g[1:].split(".")[0]) > int(layer) for g in e.grads())
    delta = (f" Its weights and bias carry it alike, so it is in layer {layer}'s delta, δ{layer} = (δ above · Wᵀ)·f'(z{layer}), "
             f"while the layer above agrees: a factor in that activation's derivative (a chain rule's inner factor lost or "
             f"doubled) or in the error back-propagated into it."
             if not why and upper and any(g.startswith("W") for g in failing) and any(g.startswith("b") for g in failing) else "")
    return Finding("gradient-scale", f"Layer {layer}'s NumPy gradients are {ratio:.6g} times{times} torch's{why}, while every "
                   f"other layer's agree: a factor that enters one layer's gradient only.{delta}", {"ratio": ratio, "tensors": failing},
                   f"Give layer {layer}'s gradient the same reduction and constants as the others.", 0.95)
