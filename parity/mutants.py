"""The catalogue of known porting bugs, each a small variant of numpy_net.

numpy_net stays correct; every mutant here replaces one stage of its
Trainer (forward, backward, update, the loss or the optimizer) with the
mistake as people write it. `parity mutants` runs each one against the
torch twin: each must be caught, and the diagnosis should name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

import numpy_net
from numpy_net.activations import sigmoid, sigmoid_derivative
from numpy_net.losses import SquaredError
from numpy_net.optimizers import Adam, EMAMomentum, Momentum
from parity.config import RunConfig
from parity.engine import run
from parity.report import Report


class ActivatedOutputDerivative(numpy_net.Trainer):
    """σ' taken of the output after it was already squashed: σ(output)(1 - σ(output))."""

    def backward(self, X, acts, y):
        delta2 = _dloss_doutput(self, acts, y) * sigmoid_derivative(sigmoid(acts.output))
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(acts.hidden))


class PreactivationOutputDerivative(numpy_net.Trainer):
    """a (1 - a) fed the pre-activation z2 instead of the activation."""

    def backward(self, X, acts, y):
        delta2 = _dloss_doutput(self, acts, y) * sigmoid_derivative(acts.logits)
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(acts.hidden))


class ActivatedHiddenDerivative(numpy_net.Trainer):
    """The hidden layer's σ' taken of σ(hidden)."""

    def backward(self, X, acts, y):
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(sigmoid(acts.hidden)))


def _dloss_doutput(trainer, acts, y):
    return trainer.loss.scale(y) * 2 * (acts.output - y)


def _chain_rule_from(trainer, X, acts, delta2, hidden_derivative):
    """The gradients from the output delta down, with the given σ' of the hidden layer."""
    delta1 = (delta2 @ trainer.params["W2"].T) * hidden_derivative
    return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": acts.hidden.T @ delta2, "b2": delta2.sum(axis=0)}


class SignFlip(numpy_net.Trainer):
    """error = y - output (the negative gradient), then θ -= lr * ... as if it were the gradient."""

    def backward(self, X, acts, y):
        return {name: -g for name, g in super().backward(X, acts, y).items()}


class SumForMean(numpy_net.Trainer):
    """np.sum((output - y) ** 2) where the port uses F.mse_loss's mean."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, SquaredError("sse"), optimizer)


class HalfSumForSum(numpy_net.Trainer):
    """0.5 * sum, the textbook loss, where the port sums."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, SquaredError("half-sse"), optimizer)


class UpdatedW2InBackprop(numpy_net.Trainer):
    """W2 updated before layer 1's gradient is back-propagated through it."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        updated = dict(self.params, W2=self.params["W2"] - self.optimizer.lr * grads["W2"])
        through_updated = numpy_net.backward(updated, X, acts, y, self.loss)
        return dict(grads, W1=through_updated["W1"], b1=through_updated["b1"])


class BiasGradientAveraged(numpy_net.Trainer):
    """Bias gradients averaged over the batch (mean) while the weight gradients sum."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, b1=grads["b1"] / len(X), b2=grads["b2"] / len(X))


class BiasNeverUpdated(numpy_net.Trainer):
    """Only the weights are updated; the biases keep their initial values."""

    def update(self, grads):
        self.optimizer.step(self.params, {name: g for name, g in grads.items() if name.startswith("W")})


class MissingHiddenBias(numpy_net.Trainer):
    """The hidden layer's bias is left out of the forward pass."""

    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=np.zeros_like(self.params["b1"])), X)


class TransposedW1(numpy_net.Trainer):
    """W1 used as (hidden, inputs): the weights were loaded without the layout transpose."""

    def forward(self, X):
        return numpy_net.forward(self._as_used(), X)

    def backward(self, X, acts, y):
        grads = numpy_net.backward(self._as_used(), X, acts, y, self.loss)
        return dict(grads, W1=grads["W1"].T)

    def _as_used(self):
        return dict(self.params, W1=self.params["W1"].T)


class WrongLayerUpdate(numpy_net.Trainer):
    """W1 updated with W2's gradient (they have the same shape here)."""

    def update(self, grads):
        self.optimizer.step(self.params, dict(grads, W1=grads["W2"]))


class EMAForTorchMomentum(numpy_net.Trainer):
    """Momentum written as v = βv + (1-β)g from zero, where the port uses torch.optim.SGD(momentum=β)."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, loss, EMAMomentum(optimizer.lr, optimizer.momentum))


class DampenedFirstStep(Momentum):
    def step(self, params, grads):
        first = not self.buffers
        super().step(params, grads)
        if first:  # undo, and redo the first step with dampening, which torch skips
            for name, g in grads.items():
                params[name] += self.lr * g
                self.buffers[name] = (1 - self.dampening) * g
                params[name] -= self.lr * self.buffers[name]


class DampeningOnFirstStep(numpy_net.Trainer):
    """Dampening applied when the momentum buffer is first filled."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, loss, DampenedFirstStep(optimizer.lr, optimizer.momentum, optimizer.dampening))


class UncorrectedAdam(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        for name, g in grads.items():
            self.m[name] = beta1 * self.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
            self.v[name] = beta2 * self.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g
            params[name] -= self.lr * self.m[name] / (np.sqrt(self.v[name]) + self.eps)


class AdamWithoutBiasCorrection(numpy_net.Trainer):
    """Adam's m and v used without dividing by (1 - β^t)."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, loss, UncorrectedAdam(optimizer.lr, optimizer.betas, optimizer.eps))


class LaggingMomentum(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            velocity = self.buffers.get(name, np.zeros_like(g))
            params[name] -= self.lr * velocity  # steps with the old velocity...
            self.buffers[name] = self.momentum * velocity + g  # ...then adds the gradient


class UpdateBeforeGradient(numpy_net.Trainer):
    """The momentum step applied before this step's gradient enters the velocity."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, loss, LaggingMomentum(optimizer.lr, optimizer.momentum))


class HardCodedLearningRate(numpy_net.Trainer):
    """A learning rate of 1 written into the update, whatever the run asks for."""

    def update(self, grads):
        for name, g in grads.items():
            self.params[name] -= 1.0 * g


class Float64Leak(numpy_net.Trainer):
    """A bias created with np.zeros (float64 by default) added into a float32 run."""

    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=self.params["b1"].astype(np.float64)), X)


class BroadcastTarget(numpy_net.Trainer):
    """The loss taken against y of shape (n,): output - y broadcasts to (n, n)."""

    def step(self, X, y):
        outcome = super().step(X, y)
        outcome.loss = np.asarray(np.sum((outcome.activations.output - y.ravel()) ** 2))
        return outcome


class NaiveBCELoss(numpy_net.losses.BinaryCrossEntropy):
    def value(self, logits, output, y):
        return np.asarray(-np.mean(y * np.log(output) + (1 - y) * np.log(1 - output)))


class NaiveBCE(numpy_net.Trainer):
    """Cross-entropy written from the output, -mean(y log o + (1-y) log(1-o)), where the port uses logits."""

    def __init__(self, params, loss, optimizer):
        super().__init__(params, NaiveBCELoss(), optimizer)


@dataclass(frozen=True)
class Mutant:
    name: str
    pattern: str  # the diagnosis that names it
    trainer: type[numpy_net.Trainer]
    config: dict = field(default_factory=dict)  # what differs from the default run
    later_because: str | None = None  # why the first possible failing step is after step 1

    @property
    def description(self) -> str:
        return (self.trainer.__doc__ or "").strip()


SQUARE = {"data": "random:16,4,4", "hidden": 4}  # W1 and W2 both 4 x 4

CATALOGUE = (
    Mutant("derivative-of-activated-output", "activation-derivative", ActivatedOutputDerivative),
    Mutant("derivative-of-preactivation", "activation-derivative", PreactivationOutputDerivative),
    Mutant("hidden-derivative-of-activated", "activation-derivative", ActivatedHiddenDerivative),
    Mutant("sign-flip", "sign-flip", SignFlip),
    Mutant("sum-for-mean", "loss-scale", SumForMean, {"loss": "mse"}),
    Mutant("half-sum-for-sum", "loss-scale", HalfSumForSum),
    Mutant("updated-w2-in-backprop", "hidden-layer-backprop", UpdatedW2InBackprop),
    Mutant("bias-gradient-averaged", "bias-gradient", BiasGradientAveraged),
    Mutant("bias-never-updated", "bias-gradient", BiasNeverUpdated),
    Mutant("missing-hidden-bias", "missing-bias", MissingHiddenBias),
    Mutant("transposed-w1", "transposed-weight", TransposedW1, SQUARE),
    Mutant("wrong-layer-update", "wrong-layer-update", WrongLayerUpdate, SQUARE),
    Mutant("ema-for-torch-momentum", "optimizer-convention", EMAForTorchMomentum, {"optimizer": "momentum"}),
    Mutant("dampening-on-first-step", "optimizer-convention", DampeningOnFirstStep, {"optimizer": "momentum", "dampening": 0.5}),
    Mutant("adam-without-bias-correction", "optimizer-convention", AdamWithoutBiasCorrection, {"optimizer": "adam", "lr": 0.05}),
    Mutant("update-before-gradient", "optimizer-convention", UpdateBeforeGradient, {"optimizer": "momentum"}),
    Mutant("hard-coded-learning-rate", "update-scale", HardCodedLearningRate),
    Mutant("float64-leak", "dtype-mismatch", Float64Leak),
    Mutant("target-broadcast", "target-broadcast", BroadcastTarget),
    Mutant("naive-bce", "unstable-formula", NaiveBCE, {"loss": "bce", "lr": 50},
           later_because="the initial outputs are near 0.5, where log(1 - o) is exact; the first update saturates them"),
)


@dataclass(frozen=True)
class MutantResult:
    mutant: Mutant
    report: Report

    @property
    def caught(self) -> bool:
        return not self.report.passed

    @property
    def top_finding(self) -> str | None:
        return self.report.diagnosis[0].name if self.report.diagnosis else None

    @property
    def named(self) -> bool:
        return self.top_finding == self.mutant.pattern


def run_mutant(mutant: Mutant, steps: int = 5, device: str = "auto", dtype: str = "float32") -> MutantResult:
    config = RunConfig(**{"steps": steps, "device": device, "dtype": dtype, **mutant.config})
    return MutantResult(mutant, run(config, numpy_trainer=mutant.trainer))
