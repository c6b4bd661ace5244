"""Porting bugs in the update: the wrong parameters updated, the optimizer's conventions, the learning rate."""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net.optimizers import Adam, EMAMomentum, Momentum


class BiasNeverUpdated(numpy_net.Trainer):
    """Only the weights are updated; the biases keep their initial values."""

    def update(self, grads):
        self.optimizer.step(self.params, {name: g for name, g in grads.items() if name.startswith("W")})


class WrongLayerUpdate(numpy_net.Trainer):
    """W1 updated with W2's gradient (they have the same shape here)."""

    def update(self, grads):
        self.optimizer.step(self.params, dict(grads, W1=grads["W2"]))


class EMAForTorchMomentum(numpy_net.Trainer):
    """Momentum written as v = βv + (1-β)g from zero, where the port uses torch.optim.SGD(momentum=β)."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, EMAMomentum(optimizer.lr, optimizer.momentum), **network)


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

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, DampenedFirstStep(optimizer.lr, optimizer.momentum, optimizer.dampening), **network)


class UncorrectedAdam(Adam):
    def step(self, params, grads):
        beta1, beta2 = self.betas
        for name, g in grads.items():
            self.m[name] = beta1 * self.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
            self.v[name] = beta2 * self.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g
            params[name] -= self.lr * self.m[name] / (np.sqrt(self.v[name]) + self.eps)


class AdamWithoutBiasCorrection(numpy_net.Trainer):
    """Adam's m and v used without dividing by (1 - β^t)."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, UncorrectedAdam(optimizer.lr, optimizer.betas, optimizer.eps), **network)


class LaggingMomentum(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            velocity = self.buffers.get(name, np.zeros_like(g))
            params[name] -= self.lr * velocity  # steps with the old velocity...
            self.buffers[name] = self.momentum * velocity + g  # ...then adds the gradient


class UpdateBeforeGradient(numpy_net.Trainer):
    """The momentum step applied before this step's gradient enters the velocity."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, LaggingMomentum(optimizer.lr, optimizer.momentum), **network)


class HardCodedLearningRate(numpy_net.Trainer):
    """A learning rate of 1 written into the update, whatever the run asks for."""

    def update(self, grads):
        for name, g in grads.items():
            self.params[name] -= 1.0 * g


class HeavyBallForNesterov(numpy_net.Trainer):
    """Nesterov asked for, heavy ball taken: the step uses the buffer b, not g + μ b."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, Momentum(optimizer.lr, optimizer.momentum), **network)


class HalvingRate(numpy_net.optimizers.SGD):
    def step(self, params, grads):
        self.t = getattr(self, "t", 0) + 1
        for name, g in grads.items():
            params[name] -= self.lr * 0.5 ** ((self.t - 1) // 2) * g


class StepDecaySchedule(numpy_net.Trainer):
    """The learning rate halved every two steps, a schedule the port does not have."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, HalvingRate(optimizer.lr), **network)
