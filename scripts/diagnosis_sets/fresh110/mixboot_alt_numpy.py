"""The mixup soft-bootstrapping classifier of mixboot_numpy.py written another way.

Parameters are attributes W_in, b_in, W_out, b_out; the targets are built with np.add.at on a
zero table; the loss is written as the equivalent BOOT * CE(t) + (1 - BOOT) * H(p); the backward
goes through log p: dL/dlog p = -(BOOT t + (1 - BOOT) p (log p + 1)), then the log-softmax
vector-Jacobian product dz = g - p * sum(g). AdamW with the decay applied first and the two bias
corrections folded into the step size and epsilon (step = LR sqrt(1 - BETA2^t) / (1 - BETA1^t),
eps_hat = EPS sqrt(1 - BETA2^t)), its moments kept per parameter in self.adam.

    X: float (n, 10) mixed inputs, y: int (n, 2) the two label sets, labels in 0..2
"""

import numpy as np

D, HIDDEN, K = 10, 12, 3
MIX_LAM, SMOOTH, BOOT = 0.7, 0.1, 0.8
LEAK = 0.1
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.05
NAMES = ("W_in", "b_in", "W_out", "b_out")


class MixBootAlt:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.W_in = rng.standard_normal((D, HIDDEN)) * 0.3
        self.b_in = np.zeros(HIDDEN)
        self.W_out = rng.standard_normal((HIDDEN, K)) * 0.3
        self.b_out = np.zeros(K)
        self.adam = {name: {"exp_avg": np.zeros_like(getattr(self, name)),
                            "exp_avg_sq": np.zeros_like(getattr(self, name))} for name in NAMES}
        self.step_count = 0

    def _targets(self, y, dtype):
        n = len(y)
        t = np.full((n, K), SMOOTH / K, dtype=dtype)
        rows = np.arange(n)
        np.add.at(t, (rows, y[:, 0]), MIX_LAM * (1.0 - SMOOTH))
        np.add.at(t, (rows, y[:, 1]), (1.0 - MIX_LAM) * (1.0 - SMOOTH))
        return t

    def _forward(self, X):
        pre = X @ self.W_in + self.b_in
        h = np.maximum(pre, LEAK * pre)
        z = h @ self.W_out + self.b_out
        shifted = z - np.max(z, axis=1, keepdims=True)
        logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        return pre, h, logp

    def loss(self, X, y):
        logp = self._forward(X)[2]
        p = np.exp(logp)
        t = self._targets(y, X.dtype)
        ce = -np.sum(t * logp, axis=1)
        ent = -np.sum(p * logp, axis=1)
        return float(np.mean(BOOT * ce + (1.0 - BOOT) * ent))

    def train_step(self, X, y):
        n = X.shape[0]
        pre, h, logp = self._forward(X)
        p = np.exp(logp)
        t = self._targets(y, X.dtype)
        loss = np.mean(BOOT * -np.sum(t * logp, axis=1) + (1.0 - BOOT) * -np.sum(p * logp, axis=1))

        glogp = -(BOOT * t + (1.0 - BOOT) * p * (logp + 1.0)) / n
        dz = glogp - p * glogp.sum(axis=1, keepdims=True)
        dh = dz @ self.W_out.T
        dpre = dh * np.where(pre > 0, 1.0, LEAK).astype(X.dtype)
        grads = {"W_out": h.T @ dz, "b_out": dz.sum(axis=0), "W_in": X.T @ dpre, "b_in": dpre.sum(axis=0)}
        self.grads = grads

        self.step_count += 1
        c1 = 1.0 - BETA1 ** self.step_count
        c2 = 1.0 - BETA2 ** self.step_count
        step = LR * c2 ** 0.5 / c1
        eps_hat = EPS * c2 ** 0.5
        for name in NAMES:
            w = getattr(self, name)
            st = self.adam[name]
            w *= 1.0 - LR * WD
            st["exp_avg"] *= BETA1
            st["exp_avg"] += (1.0 - BETA1) * grads[name]
            st["exp_avg_sq"] *= BETA2
            st["exp_avg_sq"] += (1.0 - BETA2) * grads[name] ** 2
            w -= step * st["exp_avg"] / (np.sqrt(st["exp_avg_sq"]) + eps_hat)
        return float(loss)
