"""Findings about the loss: a target that broadcasts, a reduction that scales every gradient."""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis import family
from parity.diagnosis.evidence import Evidence, close, common_ratio, fit_ratio, relative_gap
from parity.diagnosis.finding import Finding


BROADCAST_ROWS = 2048  # the (n, n) loss of a broadcast target is computed up to this many rows (32 MB)


def target_broadcast(e: Evidence) -> Finding | None:
    if not e.failed("loss") or e.k != 1 or e.n > BROADCAST_ROWS:
        return None
    ref = e.reference
    # the same loss, with (n, 1) against (n,): every difference broadcasts to an (n, n) matrix
    predicted = np.asarray(e.loss.value(ref.logits, ref.output, e.y.ravel()))
    if not e.explains(predicted, "loss"):
        return None
    return Finding(
        "target-broadcast",
        f"y of shape ({e.n},) was broadcast against the output of shape ({e.n}, 1): output - y is an "
        f"({e.n}, {e.n}) matrix, so every row is compared with every target.",
        {"numpy_loss": float(e.numpy("loss")), "torch_loss": float(e.torch("loss")), "loss_if_broadcast": float(predicted)},
        "Keep y 2-D: y.reshape(-1, 1) in NumPy, y.view(-1, 1) in torch (F.mse_loss warns about this).",
        0.98,
    )


class _BroadcastTarget(numpy_net.Loss):
    """The run's loss with y of shape (n,) against an (n, 1) output: every output against every target, reduced over
    the n·n elements. Squared errors and binary cross-entropy are linear in y at the output layer, so a row's delta
    summed over the n targets is n times its delta at their mean, rescaled from the loss's count of n to n·n: no
    (n, n) matrix is made (20,000 rows would take 3 GB)."""

    def __init__(self, loss: numpy_net.Loss) -> None:
        self.loss, self.output, self.name = loss, loss.output, loss.name

    def value(self, logits, output, y):
        return np.asarray(np.nan)  # only the step's updates are compared

    def delta(self, logits, output, y):
        at_the_mean = np.full_like(output, y.mean())
        every_pair = np.broadcast_to(y.reshape(1, -1), (len(y), len(y)))  # a view: only its size is read
        return len(y) * self.loss.delta(logits, output, at_the_mean) * (self.loss.scale(every_pair) / self.loss.scale(at_the_mean))


class _OutputTwice(numpy_net.Loss):
    """The run's loss on an output unit applied to its own output: the loss takes the activated output as its logits
    (a softmax or sigmoid in forward, then a loss that applies it again), its delta chained back through the unit."""

    def __init__(self, loss: numpy_net.Loss) -> None:
        self.loss, self.output, self.name = loss, loss.output, loss.name

    def value(self, logits, output, y):
        return self.loss.value(output, numpy_net.ACTIVATIONS[self.output].function(output), y)

    def delta(self, logits, output, y):
        again = numpy_net.ACTIVATIONS[self.output].function(output)
        return numpy_net.backward_through(self.output, output, self.loss.delta(output, again, y))


def broadcast_target_update(e: Evidence) -> Finding | None:
    """A side whose step is the run's with y of shape (n,) broadcast against the (n, 1) output."""
    if e.k != 1 or e.config.loss.startswith("ce"):
        return None
    side, failing = _side_stepping_with(e, _BroadcastTarget(e.loss))
    if side is None:
        return None
    return Finding(
        "target-broadcast",
        f"The {PROGRAM[side]}'s step is the run's with y of shape ({e.n},) against the output of shape ({e.n}, 1): output - y "
        f"broadcasts to a ({e.n}, {e.n}) matrix, every output compared with every target (checked on the updates of "
        f"{', '.join(failing)} at step {e.step}).",
        {"side": side, "step": e.step, "tensors": failing},
        "Keep y 2-D: y.reshape(-1, 1) in NumPy, y.view(-1, 1) in torch (F.mse_loss warns about this).",
        0.97,
    )


def output_twice_update(e: Evidence) -> Finding | None:
    """A side whose step is the run's with the output unit applied twice before the loss: softmax probabilities
    given to F.cross_entropy, sigmoid outputs to BCEWithLogits, or σ(σ(z)) written out."""
    if e.output_activation not in ("sigmoid", "softmax"):
        return None
    side, failing = _side_stepping_with(e, _OutputTwice(e.loss))
    if side is None:
        return None
    unit = e.output_activation
    return Finding(
        "activation-twice",
        f"The {PROGRAM[side]}'s step is the run's with {unit} applied twice before the loss: the loss takes the {unit}'s "
        f"output as its logits and applies {unit} again (checked on the updates of {', '.join(failing)} at step {e.step}).",
        {"side": side, "step": e.step, "tensors": failing, "activation": unit},
        f"Apply {unit} once: return logits from forward and give them to the loss that applies {unit} itself "
        f"(F.cross_entropy, BCEWithLogitsLoss), or give probabilities to a loss that takes probabilities.",
        0.96,
    )


PROGRAM = {"torch": "port", "numpy": "NumPy program"}


def _side_stepping_with(e: Evidence, loss: numpy_net.Loss) -> tuple[str | None, list[str]]:
    """The side whose failing updates are the run's step with `loss` in place of the run's, stepped from the step's
    weights with a fresh optimizer: so at the first step, or at any step of plain SGD. (None, []) if neither, or
    if the run's own step is the same (Adam's first step is the gradient's sign under any loss)."""
    failing = [p for p in e.params() if e.failed(p)]
    if not failing or not (e.step == 1 or e.config.optimizer == "sgd"):
        return None, []
    predicted, own = _stepped(e, loss), _stepped(e, e.loss)
    tolerance = 10 * e.match_tolerance
    if all(relative_gap(predicted[p], own[p]) < tolerance for p in failing):
        return None, []
    for side in ("torch", "numpy"):
        if all(relative_gap(predicted[p], e.update(side, p)) < tolerance for p in failing):
            return side, failing
    return None, []


def _stepped(e: Evidence, loss: numpy_net.Loss) -> dict[str, np.ndarray]:
    """Each parameter's update in one step of the run's optimizer, fresh, from the step's weights, under `loss`
    (every optimizer's first update is linear in the learning rate)."""
    member = family.Member(e.config.network(e.X.shape[1], e.k))
    _, updates = family.predict(member, e.config, e.before, e.X, e.y, loss)
    return {name: e.config.lr * update for name, update in updates.items()}


def reductions(n: int, k: int) -> dict[str, float]:
    """The scale each common reduction gives a loss summed over n rows of k outputs."""
    return {"sum": 1.0, "half-sum": 0.5, "mean": 1 / (n * k), "mean over rows": 1 / n, "half-mean": 0.5 / (n * k)}


def loss_scale(e: Evidence) -> Finding | None:
    grads = e.grads()
    if not grads or not any(e.failed(g) for g in grads):
        return None
    ratio = common_ratio(e, grads, lambda side, n: getattr(e, side)(n))
    if ratio is None or abs(ratio) < 1e-6 or close(ratio, 1.0) or close(ratio, -1.0):
        return None
    scales = reductions(e.n, e.k)
    own_scale = e.loss.scale(e.y)
    own = next((r for r, s in scales.items() if close(s, own_scale)), f"a scale of {own_scale:.4g}")
    found = [r for r, s in scales.items() if not close(s, own_scale) and close(ratio, s / own_scale)]
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
            "Use one reduction on both sides: --loss sse (sum), half-sse (0.5 * sum), mse (mean, torch's default), "
            "half-mse, bce or bce-sum, ce or ce-sum; in torch, reduction='sum' for a sum.",
            0.95,
        )
    return Finding(
        "loss-scale",
        f"Every NumPy gradient is {ratio:.6g} times torch's: a constant factor in the loss or its derivative{learning_rate}.",
        evidence,
        "Look for a missing or extra constant: the 2 in d/do (o - y)², a division by the batch size, a learning rate folded into the gradient.",
        0.7,
    )


def regularisation(e: Evidence) -> Finding | None:
    """Every weight's gradient is torch's plus λW: an L2 term (λ/2) Σ W² in the NumPy loss."""
    failing = [g for g in e.grads() if e.failed(g)]
    weights = [g for g in e.grads() if g.startswith("W")]
    if not failing or not weights or not all(g in weights for g in failing):
        return None
    W = np.concatenate([e.before[g.split(".")[0]].ravel() for g in weights])
    D = np.concatenate([(e.numpy(g) - e.torch(g)).ravel() for g in weights])
    if not np.any(W) or not np.any(D):
        return None
    lam = float(np.vdot(D, W) / np.vdot(W, W))
    if lam <= 0 or relative_gap(lam * W, D) > e.difference_tolerance(weights):
        return None
    return Finding(
        "regularisation",
        f"Every weight's NumPy gradient is torch's plus {lam:.4g} W, and the biases' agree: an L2 term "
        f"({lam:.4g}/2) Σ W² in the NumPy loss (or weight decay folded into the gradient), which the torch side lacks.",
        {"lambda": lam, "tensors": weights},
        f"Add the same term on the torch side (weight_decay={lam:.4g} on the weights' parameter group), or drop it from NumPy.",
        0.96,
    )


def dropped_rows(e: Evidence) -> Finding | None:
    """The gradients are those of the batch without its first or last row: an off-by-one slice."""
    failing = [g for g in e.grads() if e.failed(g)]
    if not failing or e.n < 3:
        return None
    for which, rows in (("last", slice(None, -1)), ("first", slice(1, None))):
        acts = e.forward(e.before)
        part = numpy_net.Activations([a[rows] for a in acts.layers], acts.logits[rows], acts.output[rows])
        grads = numpy_net.backward(e.before, e.X[rows], part, e.y[rows], e.loss, e.hidden_activation)
        if all(e.explains(grads[g.split(".")[0]], g) for g in failing):
            return Finding(
                "dropped-rows",
                f"The NumPy gradients are those of the batch without its {which} row: recomputed on {e.n - 1} of "
                f"{e.n} rows, they reproduce it. An off-by-one slice ([:-1], [1:], range(n - 1)).",
                {"rows_used": e.n - 1, "rows": e.n, "dropped": which},
                "Use every row of the batch in the loss and its gradient.",
                0.95,
            )
    return None


def loss_function(e: Evidence) -> Finding | None:
    """The gradients are those of the absolute error, |o - y|, where the run's loss is squared."""
    failing = [g for g in e.grads() if e.failed(g)]
    if not failing or not isinstance(e.loss, numpy_net.losses.SquaredError):
        return None
    ref = e.reference
    dloss = np.sign(ref.output - e.y) * e.loss.scale(e.y)
    for factor in (1.0, 2.0):
        delta = numpy_net.backward_through(e.output_activation, ref.output, factor * dloss)
        grads = backward_from(e, delta)
        if all(e.explains(grads[g.split(".")[0]], g) for g in failing):
            return Finding(
                "loss-function",
                "The NumPy gradients are those of the absolute error, sign(o - y), where the run's loss is squared: "
                "an L1 gradient in a squared-error network.",
                {"tensors": failing},
                "Use the squared error's derivative, 2 (o - y) times the reduction's scale, or --loss for the loss you mean.",
                0.95,
            )
    return None


def backward_from(e: Evidence, delta: np.ndarray) -> dict:
    """The gradients of every layer from an output-layer delta, by the chain rule."""
    grads, inputs = {}, e.inputs
    for layer in range(e.layers, 0, -1):
        grads[f"W{layer}"] = inputs[layer - 1].T @ delta
        grads[f"b{layer}"] = delta.sum(axis=0)
        if layer > 1:
            delta = numpy_net.backward_through(e.hidden_activation, inputs[layer - 1], delta @ e.before[f"W{layer}"].T)
    return grads
