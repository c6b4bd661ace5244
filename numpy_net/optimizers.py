"""Optimizers with torch.optim's exact semantics.

Each one updates the parameters in place from the true gradients dL/dθ:
a descent step subtracts.
"""

from __future__ import annotations

import numpy as np

from numpy_net.network import Params


class Optimizer:
    def step(self, params: Params, grads: Params) -> None:
        raise NotImplementedError

    def state(self) -> Params:
        """What the optimizer carries from step to step, by the names torch.optim gives it: W1.momentum,
        W1.exp_avg, W1.exp_avg_sq, step_count. Copies."""
        return {}

    def load_state(self, state: Params) -> None:
        """Carry on from a saved state(), as torch.optim's load_state_dict does."""


class SGD(Optimizer):
    """θ ← θ - lr g"""

    def __init__(self, lr: float) -> None:
        self.lr = lr

    def step(self, params, grads):
        for name, g in grads.items():
            params[name] -= self.lr * g


class Momentum(Optimizer):
    """Heavy ball, as torch.optim.SGD(momentum=μ, dampening=d, nesterov=...).

        first step:  b ← g                  (the raw gradient, no dampening)
        afterwards:  b ← μ b + (1 - d) g
        direction:   b, or g + μ b with nesterov
        θ ← θ - lr direction
    """

    def __init__(self, lr: float, momentum: float, dampening: float = 0.0, nesterov: bool = False) -> None:
        self.lr, self.momentum, self.dampening, self.nesterov = lr, momentum, dampening, nesterov
        self.buffers: Params = {}

    def step(self, params, grads):
        for name, g in grads.items():
            if name not in self.buffers:
                self.buffers[name] = g.copy()
            else:
                self.buffers[name] = self.momentum * self.buffers[name] + (1 - self.dampening) * g
            b = self.buffers[name]
            direction = g + self.momentum * b if self.nesterov else b
            params[name] -= self.lr * direction

    def state(self):
        return {f"{name}.momentum": b.copy() for name, b in self.buffers.items()}

    def load_state(self, state):
        self.buffers = {key.rsplit(".", 1)[0]: value.copy() for key, value in state.items() if key.endswith(".momentum")}


class EMAMomentum(Optimizer):
    """Momentum as an exponential moving average that starts from zero.

        v ← β v + (1 - β) g,   v₀ = 0
        θ ← θ - lr v

    Many from-scratch codes write momentum this way. It is *not* torch's
    default momentum: its first step moves (1 - β) as far. It equals
    torch.optim.SGD(momentum=β, dampening=β) with a zero momentum buffer.
    """

    def __init__(self, lr: float, beta: float) -> None:
        self.lr, self.beta = lr, beta
        self.velocity: Params = {}

    def step(self, params, grads):
        for name, g in grads.items():
            v = self.velocity.get(name, np.zeros_like(g))
            self.velocity[name] = self.beta * v + (1 - self.beta) * g
            params[name] -= self.lr * self.velocity[name]

    def state(self):
        return {f"{name}.momentum": v.copy() for name, v in self.velocity.items()}

    def load_state(self, state):
        self.velocity = {key.rsplit(".", 1)[0]: value.copy() for key, value in state.items() if key.endswith(".momentum")}


class Adam(Optimizer):
    """torch.optim.Adam, its weight decay an L2 term added to the gradient (g ← g + λθ).

        m ← β1 m + (1 - β1) g           v ← β2 v + (1 - β2) g²
        θ ← θ - lr/(1 - β1^t) · m / (√v / √(1 - β2^t) + ε)
    """

    def __init__(self, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.t = 0
        self.m: Params = {}
        self.v: Params = {}

    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.t += 1
        step_size = self.lr / (1 - beta1**self.t)
        bias_correction2_sqrt = (1 - beta2**self.t) ** 0.5
        for name, g in grads.items():
            if self.weight_decay:
                g = g + self.weight_decay * params[name]
            self.m[name] = beta1 * self.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
            self.v[name] = beta2 * self.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g
            denom = np.sqrt(self.v[name]) / bias_correction2_sqrt + self.eps
            params[name] -= step_size * self.m[name] / denom

    def state(self):
        moments = {}
        for name in self.m:
            moments[f"{name}.exp_avg"] = self.m[name].copy()
            moments[f"{name}.exp_avg_sq"] = self.v[name].copy()
        dtype = next(iter(self.m.values())).dtype if self.m else np.float64
        return {**moments, "step_count": np.asarray(self.t, dtype=dtype)} if moments else {}

    def load_state(self, state):
        self.m = {key.rsplit(".", 1)[0]: value.copy() for key, value in state.items() if key.endswith(".exp_avg")}
        self.v = {key.rsplit(".", 1)[0]: value.copy() for key, value in state.items() if key.endswith(".exp_avg_sq")}
        self.t = int(state["step_count"]) if "step_count" in state else 0


OPTIMIZERS = ("sgd", "momentum", "nesterov", "ema-momentum", "adam")
# the state each optimizer carries, per parameter, by torch.optim's names; Adam also counts its steps
STATE = {"sgd": (), "momentum": ("momentum",), "nesterov": ("momentum",), "ema-momentum": ("momentum",), "adam": ("exp_avg", "exp_avg_sq")}


def make_optimizer(
    name: str,
    lr: float,
    momentum: float = 0.9,
    dampening: float = 0.0,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
) -> Optimizer:
    if name == "sgd":
        return SGD(lr)
    if name == "momentum":
        return Momentum(lr, momentum, dampening)
    if name == "nesterov":
        return Momentum(lr, momentum, 0.0, nesterov=True)
    if name == "ema-momentum":
        return EMAMomentum(lr, momentum)
    if name == "adam":
        return Adam(lr, betas, eps, weight_decay)
    raise ValueError(f"unknown optimizer {name!r}; expected one of {', '.join(OPTIMIZERS)}")
