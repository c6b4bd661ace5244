"""Porting bugs written for measuring the diagnosis, apart from the mutant catalogue (parity/mutants/).

Each is a variant of numpy_net's Trainer or of one of its optimizers, as
people write the mistake, with the findings that name its mechanism.
scripts/diagnosis_eval.py runs them and counts how the diagnosis does.
None of them is in the catalogue: the catalogue is what the rules were
built on, this set is what they are measured on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

import numpy_net
from numpy_net.activations import sigmoid, sigmoid_derivative
from numpy_net.optimizers import SGD, Adam, Momentum


@dataclass(frozen=True)
class Bug:
    name: str
    family: str
    trainer: type
    named_by: tuple[str, ...]  # the findings that state its mechanism
    config: dict = field(default_factory=dict)


def _optimizer(cls, build):
    """A Trainer whose optimizer is replaced by build(the run's optimizer)."""

    class WithOptimizer(numpy_net.Trainer):
        def __init__(self, params, loss, optimizer, **network):
            super().__init__(params, loss, build(optimizer), **network)

    WithOptimizer.__name__ = cls
    return WithOptimizer


# --- forward ---------------------------------------------------------------

class OutputBiasLeftOut(numpy_net.Trainer):
    def forward(self, X):
        return numpy_net.forward(dict(self.params, b2=np.zeros_like(self.params["b2"])), X, self.hidden, self.loss.output)


def _hidden_activation(activation: str) -> type:
    """A Trainer whose hidden layers use `activation`, whatever the run's network says."""

    class OtherHidden(numpy_net.Trainer):
        def forward(self, X):
            return numpy_net.forward(self.params, X, activation, self.loss.output)

        def backward(self, X, acts, y):
            return numpy_net.backward(self.params, X, acts, y, self.loss, activation)

    OtherHidden.__name__ = f"{activation.capitalize()}Hidden"
    return OtherHidden


TanhForSigmoidHidden = _hidden_activation("tanh")


class DropoutLeftOn(numpy_net.Trainer):
    def forward(self, X):
        acts = super().forward(X)
        mask = (np.random.rand(*acts.hidden.shape) > 0.1) / 0.9
        hidden = (acts.hidden * mask).astype(acts.hidden.dtype)
        logits = hidden @ self.params["W2"] + self.params.get("b2", 0)
        return numpy_net.Activations([hidden], logits, sigmoid(logits))


class InputRoundedToFloat32(numpy_net.Trainer):
    def step(self, X, y):
        return super().step(X.astype(np.float32).astype(X.dtype), y)


class HiddenBiasTwice(numpy_net.Trainer):
    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=2 * self.params["b1"]), X, self.hidden, self.loss.output)


# --- loss ------------------------------------------------------------------

class L2InTheLoss(numpy_net.Trainer):
    """0.01 * Σ W² added to the loss, and its gradient 0.02 W to the weights'."""

    def step(self, X, y):
        outcome = super().step(X, y)
        return outcome

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return {n: g + 0.02 * self.params[n] if n[0] == "W" else g for n, g in grads.items()}


class MeanOverRowsForElements(numpy_net.Trainer):
    def backward(self, X, acts, y):
        return {n: g * y.shape[1] for n, g in super().backward(X, acts, y).items()}


class HalfMissingInDerivative(numpy_net.Trainer):
    def backward(self, X, acts, y):
        return {n: 2 * g for n, g in super().backward(X, acts, y).items()}


class LossOnAllButLastRow(numpy_net.Trainer):
    def backward(self, X, acts, y):
        head = numpy_net.Activations([a[:-1] for a in acts.layers], acts.logits[:-1], acts.output[:-1])
        return numpy_net.backward(self.params, X[:-1], head, y[:-1], self.loss, self.hidden)


# --- backward --------------------------------------------------------------

class DerivativeTwiceAtOutput(numpy_net.Trainer):
    def backward(self, X, acts, y):
        dloss = self.loss.scale(y) * 2 * (acts.output - y)
        delta2 = dloss * sigmoid_derivative(acts.output) * sigmoid_derivative(acts.output)
        delta1 = (delta2 @ self.params["W2"].T) * sigmoid_derivative(acts.hidden)
        return {"W2": acts.hidden.T @ delta2, "b2": delta2.sum(0), "W1": X.T @ delta1, "b1": delta1.sum(0)}


class OneLayerAscends(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, W1=-grads["W1"], b1=-grads["b1"])


class PreactivationAsLayerInput(numpy_net.Trainer):
    """W2's gradient taken against the hidden pre-activation z1 instead of the activation a1."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        z1 = X @ self.params["W1"] + self.params.get("b1", 0)
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        return dict(grads, W2=z1.T @ delta2)


class GradientsAccumulate(numpy_net.Trainer):
    """A gradient buffer that is never reset: each step adds to the last."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        total = getattr(self, "total", None)
        self.total = {n: g + (total[n] if total else 0) for n, g in grads.items()}
        return {n: g.copy() for n, g in self.total.items()}


class HiddenDeltaWithoutTranspose(numpy_net.Trainer):
    """delta1 = (delta2 @ W2) * σ'(a1) instead of W2.T: only a square W2 lets it run."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        delta1 = (delta2 @ self.params["W2"]) * sigmoid_derivative(acts.hidden)
        return dict(grads, W1=X.T @ delta1, b1=delta1.sum(0))


# --- optimizer -------------------------------------------------------------

def _update_moments(adam: Adam, name: str, g: np.ndarray) -> None:
    """Adam's two moving averages, as torch keeps them: the part every Adam variant below gets right."""
    beta1, beta2 = adam.betas
    adam.m[name] = beta1 * adam.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
    adam.v[name] = beta2 * adam.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g


class AdamEpsInsideRoot(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.t += 1
        for name, g in grads.items():
            _update_moments(self, name, g)
            m_hat, v_hat = self.m[name] / (1 - beta1**self.t), self.v[name] / (1 - beta2**self.t)
            params[name] -= self.lr * m_hat / np.sqrt(v_hat + self.eps)


class AdamOnlyFirstCorrection(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.t += 1
        for name, g in grads.items():
            _update_moments(self, name, g)
            params[name] -= self.lr * (self.m[name] / (1 - beta1**self.t)) / (np.sqrt(self.v[name]) + self.eps)


class AdamCounterFromZero(Adam):
    """The bias corrections use t before it is incremented: t = 0 at the first step, shifted by one after."""

    def step(self, params, grads):
        beta1, beta2 = self.betas
        t = self.t + 1 if self.t == 0 else self.t  # guards the division at t = 0 ...
        self.t += 1  # ... but every later step uses the previous count
        for name, g in grads.items():
            _update_moments(self, name, g)
            denom = np.sqrt(self.v[name]) / (1 - beta2**t) ** 0.5 + self.eps
            params[name] -= self.lr / (1 - beta1**t) * self.m[name] / denom


class AdamBetasSwapped(Adam):
    def __init__(self, lr, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(lr, betas[::-1], eps)


class DampeningIgnored(Momentum):
    def __init__(self, lr, momentum, dampening=0.0, nesterov=False):
        super().__init__(lr, momentum, 0.0, nesterov)


class SutskeverNesterov(Momentum):
    """v = μ v - lr g; θ += -μ v_old + (1 + μ) v: the same as torch's Nesterov only up to how lr enters the buffer."""

    def step(self, params, grads):
        for name, g in grads.items():
            v_old = self.buffers.get(name, np.zeros_like(g))
            v = self.momentum * v_old - self.lr * g
            self.buffers[name] = v
            params[name] += -self.momentum * v_old + (1 + self.momentum) * v


class ClipByNorm(SGD):
    def step(self, params, grads):
        norm = np.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
        scale = min(1.0, 0.05 / max(norm, 1e-12))
        for name, g in grads.items():
            params[name] -= self.lr * g * scale


class ClipByValue(SGD):
    def step(self, params, grads):
        for name, g in grads.items():
            params[name] -= self.lr * np.clip(g, -0.01, 0.01)


class WeightDecayInUpdate(SGD):
    def step(self, params, grads):
        for name, g in grads.items():
            params[name] -= self.lr * (g + 0.01 * params[name])


class LearningRateTwice(SGD):
    def step(self, params, grads):
        for name, g in grads.items():
            params[name] -= self.lr * self.lr * g


class MomentumNotApplied(Momentum):
    """The buffer is kept, but the update steps with the raw gradient."""

    def step(self, params, grads):
        for name, g in grads.items():
            self.buffers[name] = g.copy() if name not in self.buffers else self.momentum * self.buffers[name] + g
            params[name] -= self.lr * g


# --- numerics --------------------------------------------------------------

class GradientInFloat64(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, W2=grads["W2"].astype(np.float64))


SQUARE = {"data": "random:16,4,4", "hidden": 4}

BUGS = (
    Bug("output bias left out", "forward", OutputBiasLeftOut, ("missing-bias",)),
    Bug("tanh where the network has sigmoid", "forward", TanhForSigmoidHidden, ("activation-function",)),
    Bug("dropout left on", "forward", DropoutLeftOn, ("unseeded-randomness", "stochastic-forward")),
    Bug("input rounded to float32", "forward", InputRoundedToFloat32, ("rounded-input",), {"dtype": "float64", "data": "random:32,4"}),
    Bug("hidden bias added twice", "forward", HiddenBiasTwice, ("bias-scaled",)),
    Bug("L2 term in the loss", "loss", L2InTheLoss, ("regularisation",)),
    Bug("mean over rows for mean over elements", "loss", MeanOverRowsForElements, ("loss-scale",), {"loss": "mse", "data": "random:16,3,2"}),
    Bug("the half missing from half-sse's derivative", "loss", HalfMissingInDerivative, ("loss-scale",), {"loss": "half-sse"}),
    Bug("loss on all rows but the last", "loss", LossOnAllButLastRow, ("dropped-rows",)),
    Bug("σ' applied twice at the output", "backward", DerivativeTwiceAtOutput, ("activation-derivative",)),
    Bug("one layer ascends", "backward", OneLayerAscends, ("sign-flip",)),
    Bug("pre-activation as the layer's input", "backward", PreactivationAsLayerInput, ("layer-input",)),
    Bug("gradients accumulate across steps", "backward", GradientsAccumulate, ("gradient-accumulation",)),
    Bug("hidden delta without the transpose", "backward", HiddenDeltaWithoutTranspose, ("hidden-layer-backprop", "transposed-weight"), SQUARE),
    Bug("Adam: eps inside the root", "optimizer", _optimizer("AdamEpsInside", lambda o: AdamEpsInsideRoot(o.lr, o.betas, o.eps)), ("optimizer-variant",), {"optimizer": "adam", "lr": 0.05}),
    Bug("Adam: only the first bias correction", "optimizer", _optimizer("AdamFirstOnly", lambda o: AdamOnlyFirstCorrection(o.lr, o.betas, o.eps)), ("optimizer-variant", "optimizer-convention", "bias-correction"), {"optimizer": "adam", "lr": 0.05}),
    Bug("Adam: the counter one behind", "optimizer", _optimizer("AdamCounter", lambda o: AdamCounterFromZero(o.lr, o.betas, o.eps)), ("optimizer-variant", "bias-correction"), {"optimizer": "adam", "lr": 0.05}),
    Bug("Adam: betas swapped", "optimizer", _optimizer("AdamSwapped", lambda o: AdamBetasSwapped(o.lr, o.betas, o.eps)), ("optimizer-variant", "optimizer-settings"), {"optimizer": "adam", "lr": 0.05}),
    Bug("momentum: dampening ignored", "optimizer", _optimizer("NoDampening", lambda o: DampeningIgnored(o.lr, o.momentum, o.dampening)), ("optimizer-variant", "optimizer-convention"), {"optimizer": "momentum", "dampening": 0.3}),
    Bug("Nesterov in Sutskever's form", "optimizer", _optimizer("Sutskever", lambda o: SutskeverNesterov(o.lr, o.momentum)), ("optimizer-variant", "state-convention"), {"optimizer": "nesterov", "lr": 0.3}),
    Bug("gradient clipped by norm", "optimizer", _optimizer("ClipNorm", lambda o: ClipByNorm(o.lr)), ("optimizer-variant",)),
    Bug("gradient clipped by value", "optimizer", _optimizer("ClipValue", lambda o: ClipByValue(o.lr)), ("optimizer-variant",)),
    Bug("weight decay in the update", "optimizer", _optimizer("Decay", lambda o: WeightDecayInUpdate(o.lr)), ("optimizer-variant", "regularisation")),
    Bug("learning rate applied twice", "optimizer", _optimizer("LrTwice", lambda o: LearningRateTwice(o.lr)), ("update-scale", "optimizer-variant")),
    Bug("momentum kept but not applied", "optimizer", _optimizer("Unapplied", lambda o: MomentumNotApplied(o.lr, o.momentum)), ("optimizer-variant",), {"optimizer": "momentum"}),
    Bug("a gradient computed in float64", "numerics", GradientInFloat64, ("dtype-mismatch",), {"dtype": "float32"}),
)


# --- held out: written after the rules above were built, and not used to tune them ----------------

ReluForSigmoidHidden = _hidden_activation("relu")


class SigmoidTwiceAtOutput(numpy_net.Trainer):
    def forward(self, X):
        acts = super().forward(X)
        return numpy_net.Activations(acts.layers, acts.logits, sigmoid(acts.output))


class TransposedW2(numpy_net.Trainer):
    def forward(self, X):
        return numpy_net.forward(dict(self.params, W2=self.params["W2"].T), X, self.hidden, self.loss.output)


class MeanSquaredDividedTwice(numpy_net.Trainer):
    def backward(self, X, acts, y):
        return {n: g / len(X) for n, g in super().backward(X, acts, y).items()}


class AbsoluteErrorGradient(numpy_net.Trainer):
    """An L1 gradient, sign(o - y), where the loss is squared."""

    def backward(self, X, acts, y):
        delta2 = np.sign(acts.output - y) * sigmoid_derivative(acts.output)
        delta1 = (delta2 @ self.params["W2"].T) * sigmoid_derivative(acts.hidden)
        return {"W2": acts.hidden.T @ delta2, "b2": delta2.sum(0), "W1": X.T @ delta1, "b1": delta1.sum(0)}


class HiddenDerivativeOfPreactivation(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        z1 = X @ self.params["W1"] + self.params["b1"]
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        delta1 = (delta2 @ self.params["W2"].T) * sigmoid_derivative(z1)
        return dict(grads, W1=X.T @ delta1, b1=delta1.sum(0))


class WrongLayersBiasGradient(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, b1=grads["b2"].copy())


class OneLayerAveraged(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, W1=grads["W1"] / len(X))


class AmsgradMax(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.t += 1
        self.vmax = getattr(self, "vmax", {})
        for name, g in grads.items():
            _update_moments(self, name, g)
            self.vmax[name] = np.maximum(self.vmax.get(name, self.v[name]), self.v[name])
            denom = np.sqrt(self.vmax[name]) / (1 - beta2**self.t) ** 0.5 + self.eps
            params[name] -= self.lr / (1 - beta1**self.t) * self.m[name] / denom


class LearningRateFoldedIntoVelocity(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            v = self.buffers.get(name)
            self.buffers[name] = self.lr * g if v is None else self.momentum * v + self.lr * g
            params[name] -= self.buffers[name]


class DecayingLearningRate(SGD):
    def step(self, params, grads):
        self.t = getattr(self, "t", 0) + 1
        for name, g in grads.items():
            params[name] -= self.lr / (1 + 0.5 * self.t) * g


class DecayOnEverything(SGD):
    def step(self, params, grads):
        for name, g in grads.items():
            params[name] -= self.lr * (g + 0.05 * params[name])


class HardCodedAdamEps(Adam):
    def __init__(self, lr, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(lr, betas, 1e-3)


class HiddenInFloat64(numpy_net.Trainer):
    def forward(self, X):
        acts = super().forward(X.astype(np.float64))
        return acts


class LossInFloat16(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return {n: g.astype(np.float16).astype(g.dtype) for n, g in grads.items()}


HELD_OUT = (
    Bug("relu where the network has sigmoid", "forward", ReluForSigmoidHidden, ("activation-function",)),
    Bug("sigmoid applied twice at the output", "forward", SigmoidTwiceAtOutput, ("activation-function",)),
    Bug("W2 used transposed (square)", "forward", TransposedW2, ("transposed-weight",), {"data": "random:16,4,4", "hidden": 4}),
    Bug("the mean divided by n twice", "loss", MeanSquaredDividedTwice, ("loss-scale",), {"loss": "mse"}),
    Bug("an L1 gradient for a squared loss", "loss", AbsoluteErrorGradient, ("loss-function",)),
    Bug("hidden σ' fed the pre-activation", "backward", HiddenDerivativeOfPreactivation, ("activation-derivative",)),
    Bug("b1's gradient taken from layer 2", "backward", WrongLayersBiasGradient, ("bias-gradient", "wrong-layer-update"), {"data": "random:16,3,4", "hidden": 4}),
    Bug("one layer's gradient averaged", "backward", OneLayerAveraged, ("gradient-scale",)),
    Bug("AMSGrad's max where Adam is asked for", "optimizer", _optimizer("Amsgrad", lambda o: AmsgradMax(o.lr, o.betas, o.eps)), ("optimizer-variant",), {"optimizer": "adam", "lr": 0.05}),
    Bug("lr folded into the momentum velocity", "optimizer", _optimizer("Folded", lambda o: LearningRateFoldedIntoVelocity(o.lr, o.momentum)), ("state-convention",), {"optimizer": "momentum"}),
    Bug("a decaying learning rate", "optimizer", _optimizer("Decaying", lambda o: DecayingLearningRate(o.lr)), ("learning-rate-schedule",)),
    Bug("weight decay on the biases too", "optimizer", _optimizer("DecayAll", lambda o: DecayOnEverything(o.lr)), ("optimizer-variant",)),
    Bug("Adam's eps hard-coded to 1e-3", "optimizer", _optimizer("AdamEps", lambda o: HardCodedAdamEps(o.lr, o.betas, o.eps)), ("optimizer-variant", "optimizer-settings"), {"optimizer": "adam", "lr": 0.05}),
    Bug("the forward pass in float64", "numerics", HiddenInFloat64, ("dtype-mismatch",), {"dtype": "float32"}),
    Bug("gradients rounded through float16", "numerics", LossInFloat16, ("precision-loss", "unstable-formula")),
)


# --- held out, second round: written after the rules were tuned on both sets above; measured once, not tuned on ----

class LinearHidden(numpy_net.Trainer):
    def forward(self, X):
        h = X @ self.params["W1"] + self.params["b1"]
        logits = h @ self.params["W2"] + self.params["b2"]
        return numpy_net.Activations([h], logits, sigmoid(logits))

    def backward(self, X, acts, y):
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        delta1 = delta2 @ self.params["W2"].T
        return {"W2": acts.hidden.T @ delta2, "b2": delta2.sum(0), "W1": X.T @ delta1, "b1": delta1.sum(0)}


class HiddenBiasSubtracted(numpy_net.Trainer):
    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=-self.params["b1"]), X, self.hidden, self.loss.output)


class HalfMseDerivativeForMse(numpy_net.Trainer):
    def backward(self, X, acts, y):
        return {n: g / 2 for n, g in super().backward(X, acts, y).items()}


class BceMeanOverRows(numpy_net.Trainer):
    def backward(self, X, acts, y):
        return {n: g * y.shape[1] for n, g in super().backward(X, acts, y).items()}


class LabelSmoothing(numpy_net.Trainer):
    def step(self, X, y):
        return super().step(X, y * 0.9 + 0.05)


class BiasGradientWithoutDerivative(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        error = self.loss.scale(y) * 2 * (acts.output - y)
        return dict(grads, b2=error.sum(0))


class OutputDerivativeInHiddenDelta(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        delta1 = (delta2 @ self.params["W2"].T) * sigmoid_derivative(acts.output)
        return dict(grads, W1=X.T @ delta1, b1=delta1.sum(0))


class BiasSignFlipped(numpy_net.Trainer):
    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, b1=-grads["b1"], b2=-grads["b2"])


class MomentumOnTheGradient(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            self.buffers[name] = g.copy() if name not in self.buffers else self.buffers[name] + self.momentum * g
            params[name] -= self.lr * self.buffers[name]


class AdamFirstMomentNotDecayed(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.t += 1
        for name, g in grads.items():
            self.m[name] = self.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
            self.v[name] = beta2 * self.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g
            denom = np.sqrt(self.v[name]) / (1 - beta2**self.t) ** 0.5 + self.eps
            params[name] -= self.lr / (1 - beta1**self.t) * self.m[name] / denom


class WarmUp(SGD):
    def step(self, params, grads):
        self.t = getattr(self, "t", 0) + 1
        for name, g in grads.items():
            params[name] -= self.lr * min(1.0, self.t / 4) * g


class StaleGradient(SGD):
    """Steps with the previous step's gradient (the first step with its own)."""

    def step(self, params, grads):
        stale = getattr(self, "last", grads)
        self.last = {n: g.copy() for n, g in grads.items()}
        for name in grads:
            params[name] -= self.lr * stale[name]


class WeightsInFloat16(numpy_net.Trainer):
    def update(self, grads):
        super().update(grads)
        for name in self.params:
            self.params[name] = self.params[name].astype(np.float16).astype(self.params[name].dtype)


HELD_OUT_AGAIN = (
    Bug("a linear hidden layer where the network has sigmoid", "forward", LinearHidden, ("activation-function",)),
    Bug("the hidden bias subtracted", "forward", HiddenBiasSubtracted, ("bias-scaled",)),
    Bug("half-mse's derivative for mse", "loss", HalfMseDerivativeForMse, ("loss-scale",), {"loss": "mse"}),
    Bug("bce averaged over rows only", "loss", BceMeanOverRows, ("loss-scale",), {"loss": "bce", "data": "random:16,3,3"}),
    Bug("label smoothing on one side", "loss", LabelSmoothing, ("targets",)),
    Bug("b2's gradient without the derivative", "backward", BiasGradientWithoutDerivative, ("bias-gradient",)),
    Bug("the output's σ' in the hidden delta", "backward", OutputDerivativeInHiddenDelta, ("activation-derivative", "hidden-layer-backprop")),
    Bug("the bias gradients' sign flipped", "backward", BiasSignFlipped, ("sign-flip", "bias-gradient")),
    Bug("momentum added to the gradient, not the buffer", "optimizer", _optimizer("OnGradient", lambda o: MomentumOnTheGradient(o.lr, o.momentum)), ("optimizer-variant", "update-law"), {"optimizer": "momentum"}),
    Bug("Adam's first moment never decayed", "optimizer", _optimizer("Undecayed", lambda o: AdamFirstMomentNotDecayed(o.lr, o.betas, o.eps)), ("optimizer-variant",), {"optimizer": "adam", "lr": 0.05}),
    Bug("a learning-rate warm-up", "optimizer", _optimizer("WarmUp", lambda o: WarmUp(o.lr)), ("learning-rate-schedule",)),
    Bug("the previous step's gradient", "optimizer", _optimizer("Stale", lambda o: StaleGradient(o.lr)), ("stale-gradient", "one-step-late")),
    Bug("weights rounded to float16 after the update", "numerics", WeightsInFloat16, ("precision-loss",)),
    Bug("input rounded to float32 in float64", "numerics", InputRoundedToFloat32, ("rounded-input",), {"dtype": "float64", "data": "random:32,4"}),
)
