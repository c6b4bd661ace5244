"""MLP regressor trained on mixup batches, with an L1 penalty, global-norm gradient clipping and
AdamW under a cosine schedule with warm restarts, in NumPy.

Mixup with the mixing data fixed (mixup.npz): at step t each row i is mixed with its partner
row j = perm[t - 1, i] with weight lam = lam[t - 1, i], x~ = lam x_i + (1 - lam) x_j and
y~ = lam y_i + (1 - lam) y_j. Forward: tanh hidden layer of 16 units, one linear output. Loss: the
mean squared error against the mixed targets plus LAM1 * sum |W1| (an L1 penalty on the first
layer's weights only, subgradient LAM1 * sign(W1)). The gradients (penalty included) are clipped
to a global norm of at most MAX_NORM as torch.nn.utils.clip_grad_norm_ does (multiplied by
min(1, MAX_NORM / (norm + 1e-6))). AdamW as torch.optim.AdamW: the weights first decay by
(1 - lr * WD), then the Adam step with both moments bias-corrected. The learning rate follows
CosineAnnealingWarmRestarts(T_0=3, T_mult=2, eta_min=ETA_MIN), stepped after each update: update t
uses the rate at scheduler count t - 1, the period restarting at 3 and 9, and growing 3, 6, 12.

    X: float (n, 8), y: float (n,) the target (1-D)
"""

import math
from pathlib import Path

import numpy as np

D, H = 8, 16
LR, ETA_MIN, T_0, T_MULT = 0.01, 1e-3, 3, 2
WD, LAM1, MAX_NORM = 0.05, 1e-3, 1.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
_mix = np.load(Path(__file__).with_name("mixup.npz"))
MIX_LAM, MIX_PERM = _mix["lam"], _mix["perm"]


def restart_lr(count):
    """The learning rate after `count` scheduler steps (torch's CosineAnnealingWarmRestarts)."""
    T_i, T_cur = T_0, count
    while T_cur >= T_i:
        T_cur -= T_i
        T_i *= T_MULT
    return ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * T_cur / T_i)) / 2.0


class MixupRegressor:
    def __init__(self, seed=120):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def mix(self, X, y):
        n = len(X)
        lam = MIX_LAM[self.t % len(MIX_LAM), :n].astype(X.dtype)
        perm = MIX_PERM[self.t % len(MIX_PERM), :n]
        Xm = lam[:, None] * X + (1.0 - lam[:, None]) * X[perm]
        ym = lam * y + (1.0 - lam) * y[perm]
        return Xm, ym

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        return h, h @ p["W2"] + p["b2"]

    def objective(self, out, ym):
        return np.mean((out[:, 0] - ym) ** 2) + LAM1 * np.sum(np.abs(self.params["W1"]))

    def loss(self, X, y):
        Xm, ym = self.mix(X, y)
        return self.objective(self.forward(Xm)[1], ym)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Xm, ym = self.mix(X, y)
        h, out = self.forward(Xm)
        loss = self.objective(out, ym)

        g = {}
        dout = (2.0 * (out[:, 0] - ym) / n)[:, None]
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = Xm.T @ dpre + LAM1 * np.sign(p["W1"])
        g["b1"] = dpre.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        lr = restart_lr(self.t)
        self.t += 1
        for k in p:
            p[k] -= WD * p[k]  # fix: p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
