"""Findings about backpropagation: the sign convention, σ', the hidden layer, the bias gradients.

Hypotheses are recomputed in float64 from the step's starting weights and
must reproduce the NumPy side's gradient to the run's precision.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net.activations import sigmoid
from parity.diagnosis.evidence import Evidence, close, common_ratio, fit_ratio, relative_gap
from parity.diagnosis.finding import Finding


def sign_flip(e: Evidence) -> Finding | None:
    grads = [g for g in e.grads() if e.failed(g)]
    ratio = common_ratio(e, grads, lambda side, n: getattr(e, side)(n)) if grads else None
    where, subject = "gradients", grads
    if ratio is None and not grads:
        subject = [p for p in e.params() if e.failed(p)]
        ratio = common_ratio(e, subject, e.update) if subject else None
        where = "updates"
    if ratio is None or not close(ratio, -1.0):
        return None
    return Finding(
        "sign-flip",
        f"The NumPy {where} are exactly the negative of torch's: the code keeps y - output (the negative gradient) "
        "and then subtracts it, or adds the true gradient: descent in one convention is ascent in the other.",
        {"ratio": ratio, "tensors": subject},
        "Use one convention: the gradient dL/dθ of (output - y) with θ -= lr * grad, or y - output with θ += lr * ...",
        0.96,
    )


def activation_derivative(e: Evidence) -> Finding | None:
    p, ref = e.before, e.reference
    loss = numpy_net.make_loss(e.config.loss)
    delta2 = loss.delta(ref.logits, ref.output, e.y)
    if e.config.loss == "bce":
        dloss_doutput = (ref.output - e.y) / (ref.output * (1 - ref.output)) / e.y.size
    else:
        dloss_doutput = loss.scale(e.y) * 2 * (ref.output - e.y)
    hidden_pre = e.X @ p["W1"] + p.get("b1", 0)
    back = delta2 @ p["W2"].T
    hypotheses = [
        ("W2.grad", "the output layer", "σ'(σ(z2)): the derivative applied to the already-activated output",
         lambda: ref.hidden.T @ (dloss_doutput * sigmoid(ref.output) * (1 - sigmoid(ref.output)))),
        ("W2.grad", "the output layer", "z2 (1 - z2): a(1-a) fed the pre-activation instead of the activation",
         lambda: ref.hidden.T @ (dloss_doutput * ref.logits * (1 - ref.logits))),
        ("W1.grad", "the hidden layer", "σ'(σ(z1)): the derivative applied to the already-activated hidden layer",
         lambda: e.X.T @ (back * sigmoid(ref.hidden) * (1 - sigmoid(ref.hidden)))),
        ("W1.grad", "the hidden layer", "z1 (1 - z1): a(1-a) fed the pre-activation instead of the activation",
         lambda: e.X.T @ (back * hidden_pre * (1 - hidden_pre))),
    ]
    for tensor, layer, what, predict in hypotheses:
        if e.failed(tensor) and e.matches(predict(), tensor):
            return Finding(
                "activation-derivative",
                f"The sigmoid derivative in {layer} is computed as {what}. It still trains, on a different gradient.",
                {"tensor": tensor, "gap_to_hypothesis": relative_gap(predict(), e.numpy(tensor)),
                 "gap_to_torch": relative_gap(e.numpy(tensor), e.torch(tensor))},
                "σ'(z) = a (1 - a) with a = σ(z): feed sigmoid_derivative the activation, exactly once.",
                0.97,
            )
    return None


def hidden_layer_backprop(e: Evidence) -> Finding | None:
    if not (e.failed("W1.grad") and not e.failed("W2.grad")) or "W2" not in e.numpy_record:
        return None
    ref = e.reference
    delta2 = numpy_net.make_loss(e.config.loss).delta(ref.logits, ref.output, e.y)
    through_updated = e.X.T @ ((delta2 @ e.numpy("W2").T) * ref.hidden * (1 - ref.hidden))
    evidence = {"W2.grad": "agrees", "W1.grad_gap": relative_gap(e.numpy("W1.grad"), e.torch("W1.grad"))}
    if e.matches(through_updated, "W1.grad"):
        return Finding(
            "hidden-layer-backprop",
            "Layer 1's gradient is back-propagated through W2 *after* W2 was updated: the update is applied "
            "before the gradient of the layer below is computed.",
            evidence,
            "Compute every gradient first, then update all parameters (autograd and torch.optim do it in that order).",
            0.97,
        )
    return Finding(
        "hidden-layer-backprop",
        "The output layer's gradients agree and the hidden layer's do not: the error is in back-propagating "
        "through W2 (delta2 @ W2.T, then σ'(hidden)).",
        evidence,
        "Check delta1 = (delta2 @ W2.T) * hidden * (1 - hidden), with the W2 of the forward pass.",
        0.55,
    )


def bias_gradient(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    for b, w in (("b2", "W2"), ("b1", "W1")):
        grad = f"{b}.grad"
        weights_agree = not e.failed(f"{w}.grad")
        if grad in e.comparisons and e.failed(grad) and weights_agree:
            numpy_grad, torch_grad = e.numpy(grad), e.torch(grad)
            if numpy_grad.shape != torch_grad.shape:
                what, score = f"has shape {numpy_grad.shape} instead of {torch_grad.shape}: it was not summed over the batch", 0.98
            elif not np.any(numpy_grad):
                what, score = "is zero: the bias is never trained", 0.95
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
    frozen = [b for b in ("b2", "b1") if e.failed(b) and not np.any(e.update("numpy", b)) and np.any(e.update("torch", b))]
    if frozen and not e.failed("W1") and not e.failed("W2"):
        return Finding(
            "bias-gradient",
            f"The NumPy side never updates {' and '.join(frozen)}: the bias keeps its initial value while torch trains it.",
            {"tensors": frozen},
            "Update every parameter, biases included.",
            0.9,
        )
    return None
