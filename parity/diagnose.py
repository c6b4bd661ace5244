"""Why parity failed: ranked findings about the first failing step.

Each rule looks at the evidence of the first failing step (both records, the
weights both sides started the step from, the data) and either says nothing
or returns a Finding with a score: how well the numbers fit its pattern.
Two kinds of rule:

- signatures: a constant ratio between the NumPy and torch gradients or
  updates (-1: a sign flip; n*k: a sum where torch takes a mean; 1-β: a
  momentum average that starts from zero);
- hypotheses: the tensor recomputed in float64 as the suspected bug would
  compute it, which must then match what the NumPy side produced.

The torch twin is the reference throughout: findings describe the NumPy side.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

import numpy as np

import numpy_net
from numpy_net.activations import sigmoid
from parity.compare import Comparison, compare
from parity.oracles import finite_difference_oracle, float64_oracle
from parity.record import gradients

if TYPE_CHECKING:
    from parity.engine import FailureContext, Setup
    from parity.report import Report


@dataclass(frozen=True)
class Finding:
    name: str
    explanation: str
    evidence: dict
    fix: str
    score: float  # how well the evidence fits the pattern, 0 to 1

    def to_dict(self) -> dict:
        return {"name": self.name, "explanation": self.explanation, "evidence": self.evidence, "fix": self.fix, "score": self.score}


class Evidence:
    """The first failing step, seen in float64."""

    def __init__(self, setup: Setup, failure: FailureContext, oracles: dict) -> None:
        config = setup.config
        self.config, self.step, self.oracles = config, failure.step, oracles
        self.environment = setup.environment
        self.X, self.y = setup.data.X.astype(np.float64), setup.data.y.astype(np.float64)
        self.n, self.k = self.y.shape
        self.numpy_record, self.torch_record = failure.numpy_record, failure.torch_record
        self.before = {name: v.astype(np.float64) for name, v in failure.numpy_before.items()}
        self.torch_before = {name: v.astype(np.float64) for name, v in failure.torch_before.items()}
        rtol, atol = config.tolerances
        self.comparisons: dict[str, Comparison] = {
            name: compare(failure.numpy_record[name], value, rtol, atol, config.dtype)
            for name, value in failure.torch_record.items()
            if name in failure.numpy_record
        }
        # Code that folds a plain SGD update into backprop records no gradients: recover them, g = -Δθ/lr,
        # so that the gradient rules apply; such a gradient fails exactly where its update does.
        self.derived_grads = not any(name.endswith(".grad") for name in self.numpy_record)
        if self.derived_grads:
            numpy_grads = gradients(self.numpy_record, failure.numpy_before, config.optimizer, config.lr)
            torch_grads = gradients(self.torch_record, failure.torch_before, config.optimizer, config.lr)
            self.numpy_record = {**self.numpy_record, **numpy_grads}
            self.torch_record = {**self.torch_record, **torch_grads}
            for name in numpy_grads.keys() & torch_grads.keys():
                self.comparisons[name] = self.comparisons[name.replace(".grad", ".update")]
        # Hypotheses must match, and ratios hold, to about the run's precision. An update is
        # the difference of two nearly equal weights, so it keeps fewer digits than a gradient.
        self.match_tolerance = 1e-4 if config.dtype == "float32" else 1e-8
        self.ratio_tolerance = 1e-2 if config.dtype == "float32" else 1e-6
        self.reference = numpy_net.forward(self.before, self.X)

    def numpy(self, name: str) -> np.ndarray:
        return np.asarray(self.numpy_record[name], dtype=np.float64)

    def torch(self, name: str) -> np.ndarray:
        return np.asarray(self.torch_record[name], dtype=np.float64)

    def failed(self, name: str) -> bool:
        return name in self.comparisons and not self.comparisons[name].passed

    def grads(self) -> list[str]:
        return [name for name in self.comparisons if name.endswith(".grad")]

    def params(self) -> list[str]:
        return [name for name in self.before if name in self.comparisons]

    def update(self, side: str, name: str) -> np.ndarray:
        """The change a side made to a parameter in this step."""
        if side == "numpy":
            return self.numpy(name) - self.before[name]
        return self.torch(name) - self.torch_before[name]

    def matches(self, predicted: np.ndarray, name: str) -> bool:
        observed = self.numpy(name)
        return predicted.shape == observed.shape and relative_gap(predicted, observed) < self.match_tolerance


def relative_gap(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), np.linalg.norm(a), 1e-300))


def fit_ratio(a: np.ndarray, b: np.ndarray) -> tuple[float, float] | None:
    """The r that best gives a ≈ r b, and how far a is from r b (relative); None where b is 0 or shapes differ."""
    if a.shape != b.shape or not np.any(b):
        return None
    r = float(np.vdot(a, b) / np.vdot(b, b))
    return r, relative_gap(a, r * b)


def common_ratio(evidence: Evidence, names: list[str], of: Callable[[str, str], np.ndarray]) -> float | None:
    """One ratio numpy/torch that fits every named tensor, or None."""
    ratios = [fit_ratio(of("numpy", name), of("torch", name)) for name in names]
    tolerance = evidence.ratio_tolerance
    if not ratios or any(r is None or r[1] > tolerance for r in ratios):
        return None
    values = [r for r, _ in ratios]
    if max(values) - min(values) > tolerance * max(max(abs(v) for v in values), tolerance):
        return None
    return float(np.mean(values))


def close(a: float, b: float, tolerance: float = 2e-3) -> bool:
    return abs(a - b) <= tolerance * max(abs(b), 1e-12)


# --- rules -----------------------------------------------------------------


def dtype_mismatch(e: Evidence) -> Finding | None:
    for name, c in e.comparisons.items():
        if c.problem and c.problem.startswith("dtype"):
            numpy_dtype, torch_dtype = str(np.asarray(e.numpy_record[name]).dtype), str(np.asarray(e.torch_record[name]).dtype)
            return Finding(
                "dtype-mismatch",
                f"{name} is {numpy_dtype} on the NumPy side and {torch_dtype} on the torch side: "
                "a float64 array leaked into the computation (NumPy promotes silently).",
                {"tensor": name, "numpy_dtype": numpy_dtype, "torch_dtype": torch_dtype, "run_dtype": e.config.dtype},
                "Create every array with the run's dtype (np.zeros(shape, dtype=X.dtype)); cast data and weights once, "
                "at the start; give torch and NumPy the same dtype.",
                1.0,
            )
    return None


def tf32(e: Evidence) -> Finding | None:
    oracle = e.oracles.get("float64")
    if not (e.environment.get("tf32_matmul") and oracle):
        return None
    worse = {n: t for n, t in oracle["tensors"].items() if t.get("same_in_float64") and t["closer"] == "numpy"}
    if not worse or not all(t.get("same_in_float64") for t in oracle["tensors"].values()):
        return None
    name, t = max(worse.items(), key=lambda item: item[1]["torch_error"])
    return Finding(
        "tf32",
        "TF32 matmuls on the GPU: torch rounds its float32 matmul inputs to 10 mantissa bits, "
        "so it is the side far from the float64 result.",
        {"tensor": name, "torch_error_vs_float64": t["torch_error"], "numpy_error_vs_float64": t["numpy_error"]},
        "Leave TF32 off for a parity check (drop --allow-tf32; torch.backends.cuda.matmul.allow_tf32 = False), "
        "or loosen the tolerance to TF32's precision.",
        0.97,
    )


def rounding_noise(e: Evidence) -> Finding | None:
    if any(c.problem for c in e.comparisons.values()):
        return None  # a shape or dtype that differs is never rounding
    oracle = e.oracles.get("float64")
    if oracle is not None:
        if oracle["verdict"] != "rounding" or e.environment.get("tf32_matmul"):
            return None
        failing = {n: oracle["tensors"][n] for n in e.comparisons if e.failed(n) and n in oracle["tensors"]}
        return Finding(
            "rounding-noise",
            "Rounding noise, not a bug: in float64 both sides compute the same step, and the NumPy side's float32 "
            "result is as close to float64 as a plain float32 computation is. The tolerance is tighter than float32 rounding.",
            {"tensors": {n: {"numpy_error": t["numpy_error"], "torch_error": t["torch_error"]} for n, t in failing.items()}},
            _looser_tolerance(e),
            0.99,
        )
    if e.config.dtype != "float64":
        return None
    worst = max((e.comparisons[n].max_abs / max(np.abs(e.torch(n)).max(), 1e-300) for n in e.comparisons if e.failed(n)), default=1.0)
    if worst > 1e-12:
        return None
    return Finding(
        "rounding-noise",
        "Rounding noise, not a bug: the float64 sides differ by a few units in the last place.",
        {"largest_difference_relative_to_scale": worst},
        _looser_tolerance(e),
        0.95,
    )


def _looser_tolerance(e: Evidence) -> str:
    largest = max(c.max_abs for c in e.comparisons.values() if not c.passed)
    return (f"The tolerance is tighter than this step's rounding (long float32 sums over a batch round more than "
            f"torch.testing.assert_close's elementwise defaults allow): pass --atol {2 * largest:.1g}, or run in float64.")


def unstable_formula(e: Evidence) -> Finding | None:
    oracle = e.oracles.get("float64")
    if oracle is None or e.environment.get("tf32_matmul"):
        return None
    failing = {n: oracle["tensors"][n] for n in e.comparisons if e.failed(n) and n in oracle["tensors"]}
    if not failing or not all(t["same_in_float64"] for t in failing.values()):
        return None
    worse = [n for n, t in failing.items() if not t["numpy_within_rounding"]]
    if not worse:
        return None
    name, t = worse[0], failing[worse[0]]
    factor = t["numpy_error"] / max(t["torch_error"], 1e-300)
    return Finding(
        "unstable-formula",
        f"In float64 both sides compute the same {name}, but the NumPy side's float32 result is {factor:.3g} times further "
        "from it than torch's: the NumPy code uses a form that loses digits in float32, such as log(1 - σ(z)) as σ(z) → 1, "
        "where torch works from the logits.",
        {"tensor": name, "numpy_error_vs_float64": t["numpy_error"], "torch_error_vs_float64": t["torch_error"]},
        "Compute cross-entropy from the logits, max(z, 0) - z y + log(1 + e^-|z|); avoid subtracting nearly equal numbers.",
        0.9,
    )


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


def missing_bias(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    p = e.before
    if e.failed("hidden") and e.matches(sigmoid(e.X @ p["W1"]), "hidden"):
        layer = "b1 is never added: hidden = σ(X @ W1)"
    elif not e.failed("hidden") and e.failed("output") and e.matches(sigmoid(e.reference.hidden @ p["W2"]), "output"):
        layer = "b2 is never added: output = σ(hidden @ W2)"
    else:
        return None
    return Finding(
        "missing-bias",
        f"The NumPy forward pass leaves out a bias: {layer}, while torch's nn.Linear adds it.",
        {"tensor": "hidden" if "b1" in layer else "output"},
        "Add the bias in the forward pass (X @ W1 + b1), or build nn.Linear(..., bias=False) on the torch side.",
        0.97,
    )


def transposed_weight(e: Evidence) -> Finding | None:
    p = e.before
    hypotheses = []
    if p["W1"].shape[0] == p["W1"].shape[1]:
        hypotheses.append(("W1", "hidden", lambda: sigmoid(e.X @ p["W1"].T + p.get("b1", 0))))
    if p["W2"].shape[0] == p["W2"].shape[1]:
        hypotheses.append(("W2", "output", lambda: sigmoid(e.reference.hidden @ p["W2"].T + p.get("b2", 0))))
    for weight, tensor, predict in hypotheses:
        if e.failed(tensor) and e.matches(predict(), tensor):
            return Finding(
                "transposed-weight",
                f"{weight} is used transposed: nn.Linear stores its weight as (out, in) and the NumPy layout is (in, out); "
                f"a square {weight} takes either without an error.",
                {"tensor": tensor, "weight": weight, "shape": list(p[weight].shape)},
                "Transpose exactly once where the layouts meet: nn.Linear.weight = W.T, W = weight.T.",
                0.97,
            )
    return None


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


def wrong_layer_update(e: Evidence) -> Finding | None:
    for name in e.params():
        if not e.failed(name):
            continue
        for other in e.params():
            if other == name or e.before[other].shape != e.before[name].shape:
                continue
            if relative_gap(e.update("numpy", name), e.update("torch", other)) < e.match_tolerance:
                return Finding(
                    "wrong-layer-update",
                    f"{name} was updated with {other}'s step: the two have the same shape, so nothing complained.",
                    {"tensor": name, "update_matches": other},
                    f"Update {name} with the gradient of {name}.",
                    0.95,
                )
    return None


def optimizer_convention(e: Evidence) -> Finding | None:
    grads_agree = not any(e.failed(g) for g in e.grads())
    failing = [p for p in e.params() if e.failed(p)]
    if not grads_agree or not failing:
        return None
    c = e.config
    ratio = common_ratio(e, e.params(), e.update)
    evidence = {"update_ratio": ratio, "step": e.step, "optimizer": c.optimizer}
    known = []
    if ratio is not None and e.step == 1:
        if c.optimizer in ("momentum", "nesterov"):
            known.append((1 - c.momentum, f"a momentum average that starts from zero (v = βv + (1-β)g, v₀ = 0): "
                          f"torch.optim.SGD seeds its buffer with the first raw gradient, so its first step is 1/(1-β) = "
                          f"{1 / (1 - c.momentum):.3g} times larger", "For torch's semantics, start the buffer at the first gradient; to keep the average, use --optimizer ema-momentum (SGD with dampening=β and a zero buffer)."))
            if c.dampening:
                known.append((1 - c.dampening, "dampening applied on the first step: torch.optim.SGD's first step uses the raw gradient",
                              "Skip dampening when the buffer is first filled."))
        if c.optimizer == "ema-momentum":
            known.append((1 / (1 - c.momentum), "a buffer seeded with the raw gradient (torch's default momentum) where the run asks for an average from zero",
                          "Start the velocity at zero: v = βv + (1-β)g."))
        known.append((0.0, "no movement on the first step: the update used the buffer before this step's gradient was added (one step behind)",
                      "Add the gradient to the buffer first, then step with it."))
    if ratio is not None and c.optimizer == "adam":
        beta1, beta2 = c.betas
        known.append(((1 - beta1**e.step) / np.sqrt(1 - beta2**e.step), "Adam without bias correction: m and v are not divided by (1-β1^t) and (1-β2^t)",
                      "Divide by the bias corrections: lr/(1-β1^t) · m / (√v/√(1-β2^t) + ε)."))
    # code checked with `parity check` and a stateful optimizer records updates only
    agree = "The gradients agree but the updates are" if e.grads() else "The updates are"
    for expected, what, fix in known:
        if ratio is not None and abs(ratio - expected) <= 2e-2 * max(abs(expected), 1e-2):
            return Finding("optimizer-convention", f"{agree} {ratio:.4g} times torch's: {what}.", evidence, fix, 0.95)
    if ratio is not None and ratio > 0:
        return Finding(
            "update-scale",
            f"{agree} all {ratio:.6g} times torch's: the learning rate differs "
            f"(NumPy behaves as lr = {ratio * c.lr:.6g}, the run says {c.lr:g}).",
            evidence,
            "Use the same learning rate on both sides; a hard-coded rate in the NumPy code is the usual cause.",
            0.8,
        )
    return Finding(
        "optimizer-convention",
        ("The gradients agree but the updates do not" if e.grads() else "The updates do not agree")
        + ": the optimizer's formula or state differs from torch.optim's.",
        evidence,
        "Compare the update rule with torch.optim's documented algorithm, step by step from the first.",
        0.5,
    )


RULES = (
    dtype_mismatch, tf32, rounding_noise, unstable_formula, target_broadcast, missing_bias, transposed_weight, sign_flip,
    loss_scale, activation_derivative, hidden_layer_backprop, bias_gradient, wrong_layer_update, optimizer_convention,
)


NOT_A_BUG = {"rounding-noise", "tf32"}


def findings(evidence: Evidence) -> list[Finding]:
    found = sorted((f for rule in RULES if (f := rule(evidence)) is not None), key=lambda f: -f.score)
    if found and found[0].name in NOT_A_BUG:
        # the float64 oracle saw the same mathematics on both sides: no porting bug to suggest beside it
        return [f for f in found if f.name in NOT_A_BUG]
    return found


def diagnose(setup: Setup, report: Report) -> tuple[list[Finding], dict]:
    """Ranked findings for a failed run, most likely first, and the oracles' results."""
    failure = report.failure_context
    if failure is None:
        return [], {}
    if report.divergence and report.divergence["step"] == failure.step:
        return [_divergence(report.divergence)], {}
    if setup.config.mode == "free":
        return _diagnose_free(setup, report)
    oracles = {}
    if setup.config.dtype == "float32":
        oracles["float64"] = float64_oracle(setup, failure)
    if any(not report.tensors[g].passed for g in report.tensors if g.endswith((".grad", ".update"))):
        fd = finite_difference_oracle(setup.config, setup.data.X, setup.data.y, failure)
        if fd["tensors"]:  # none where only updates of a stateful optimizer were recorded
            oracles["finite_difference"] = fd
    return findings(Evidence(setup, failure, oracles)), oracles


def _divergence(divergence: dict) -> Finding:
    blown = "the NumPy" if divergence["numpy_tensor"] else "the torch"
    return Finding(
        "divergence",
        f"{divergence['summary'][0].upper()}{divergence['summary'][1:]}: {blown} side overflowed while the other stayed finite.",
        divergence,
        "Look for an overflow on that side (an exp of a large value, a sum that grows with the batch); a lower learning rate keeps both finite.",
        0.99,
    )


def _diagnose_free(setup: Setup, report: Report) -> tuple[list[Finding], dict]:
    """Free runs drift; a lockstep run of the same length tells drift from a bug."""
    from parity.engine import run_setup

    step = report.failure_context.step
    lockstep = run_setup(replace(setup, config=replace(setup.config, mode="lockstep", steps=step)))
    if lockstep.passed:
        worst = max(s.max_abs for s in lockstep.tensors.values())
        finding = Finding(
            "rounding-growth",
            f"Each single step agrees (lockstep, max abs difference {worst:.3g} over {step} steps), but the two "
            f"independent runs drift apart as rounding accumulates, past the tolerance at step {step}.",
            {"lockstep_max_abs": worst, "free_first_failure_step": step},
            "Not a porting bug. Use --mode lockstep for a parity gate, run in float64, or loosen the tolerance for free runs.",
            0.98,
        )
        return [finding], {}
    return lockstep.diagnosis, {**lockstep.oracles, "lockstep_first_failure": lockstep.first_failure.to_dict()}
