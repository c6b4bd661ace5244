"""The per-window standardised MLP forecaster of window_mlp_numpy.py written in another style.

The weights are kept (out, in) as torch keeps them, under the names fc1_w, fc1_b, fc2_w, fc2_b;
the window statistics come from np.std (ddof 0) as sqrt(np.var + EPS); the products are
np.einsum; the Huber loss is written with the clipped error c = clip(e, -DELTA, DELTA) as
0.5 * c^2 + DELTA * (|e| - |c|), whose gradient is c; the clipping factor is folded into one
scale; and the AdamW bookkeeping keeps the moments in lists in parameter order and folds both
bias corrections into the step size, lr * sqrt(1 - b2^t) / (1 - b1^t), with eps scaled by
sqrt(1 - b2^t) (the same update as torch.optim.AdamW). The cosine schedule is a function of the
number of updates made.

    X: float (n, 16) past values, y: float (n, 4) the next four values
"""

import math

import numpy as np

L, HIDDEN, H = 16, 12, 4
LR, LR_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.05
BETAS, ADAM_EPS = (0.9, 0.999), 1e-8
DELTA, EPS, MAX_NORM = 1.5, 1e-5, 3.0
ORDER = ("fc1_w", "fc1_b", "fc2_w", "fc2_b")


def cosine_lr(updates_done):
    return LR_MIN + 0.5 * (LR - LR_MIN) * (1.0 + math.cos(math.pi * updates_done / T_MAX))


class WindowMLPAlt:
    def __init__(self, seed=83):
        rng = np.random.default_rng(seed)
        self.params = {
            "fc1_w": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HIDDEN)).T.copy(),
            "fc1_b": np.zeros(HIDDEN),
            "fc2_w": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, H)).T.copy(),
            "fc2_b": np.zeros(H),
        }
        self.moments = [[np.zeros_like(self.params[k]), np.zeros_like(self.params[k])] for k in ORDER]
        self.updates = 0

    def _forward(self, X):
        p = self.params
        mu = X.mean(axis=1)[:, None]
        sd = np.sqrt(np.var(X, axis=1) + EPS)[:, None]
        z = (X - mu) / sd
        a = np.tanh(np.einsum("ni,ji->nj", z, p["fc1_w"]) + p["fc1_b"])
        yhat = mu + sd * (np.einsum("nj,kj->nk", a, p["fc2_w"]) + p["fc2_b"])
        return {"z": z, "sd": sd, "a": a, "yhat": yhat}

    @staticmethod
    def _huber(e):
        c = np.clip(e, -DELTA, DELTA)
        return np.mean(0.5 * c * c + DELTA * (np.abs(e) - np.abs(c))), c

    def loss(self, X, y):
        return self._huber(self._forward(X)["yhat"] - y)[0]

    def backward(self, X, y):
        p = self.params
        cache = self._forward(X)
        value, c = self._huber(cache["yhat"] - y)
        d_out = c * cache["sd"] / c.size
        d_a = np.einsum("nk,kj->nj", d_out, p["fc2_w"])
        d_pre = d_a * (1.0 - cache["a"] * cache["a"])
        grads = {
            "fc2_w": np.einsum("nk,nj->kj", d_out, cache["a"]),
            "fc2_b": d_out.sum(axis=0),
            "fc1_w": np.einsum("nj,ni->ji", d_pre, cache["z"]),
            "fc1_b": d_pre.sum(axis=0),
        }
        total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads.values()))
        scale = min(1.0, MAX_NORM / (total + 1e-6))
        self.grads = {k: g * scale for k, g in grads.items()}
        return value

    def update(self):
        b1, b2 = BETAS
        lr = cosine_lr(self.updates)
        self.updates += 1
        t = self.updates
        step = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        eps_hat = ADAM_EPS * math.sqrt(1.0 - b2 ** t)
        for (m, v), k in zip(self.moments, ORDER):
            w, g = self.params[k], self.grads[k]
            w *= 1.0 - lr * WD
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * g * g
            w -= step * m / (np.sqrt(v) + eps_hat)

    def train_step(self, X, y):
        value = self.backward(X, y)
        self.update()
        return float(value)
