"""Proportional-odds (cumulative logit) ordinal regression, from scratch in NumPy.

    h = tanh(X W1 + b1)                         (N, hidden)
    s = h w2                                    (N,)   one score per row, no bias
    theta = cumsum([raw_0, softplus(raw_1), ..., softplus(raw_{K-2})])
                                                (K-1,) ordered thresholds
    P(y <= k | x) = sigmoid(theta_k - s)        k = 0..K-2
    P(y = k | x)  = P(y <= k) - P(y <= k-1)     with P(y <= -1) = 0, P(y <= K-1) = 1
    loss = -mean_n log P(y_n | x_n)

Backward by hand; Adam by hand (torch.optim.Adam's form).

    X: float (N, 6), y: int64 (N,) grades 0..K-1.
Parameters (self.params): W1 (6, hidden), b1 (hidden,), w2 (hidden,), raw (K-1,).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import math

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softplus(x):
    return np.logaddexp(0.0, x)


class OrdinalNet:
    def __init__(self, n_in=6, hidden=10, n_classes=5, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.K = n_classes
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "w2": rng.standard_normal(hidden) / math.sqrt(hidden),
            "raw": np.concatenate([[-1.5], np.full(n_classes - 2, 0.3)]),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def thresholds(self):
        raw = self.params["raw"]
        increments = np.concatenate([raw[:1], softplus(raw[1:])])
        return np.cumsum(increments)

    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        s = h @ p["w2"]
        theta = self.thresholds()
        cum = sigmoid(theta[None, :] - s[:, None])                 # (N, K-1)  P(y <= k)
        N = X.shape[0]
        pad = np.concatenate([np.zeros((N, 1), cum.dtype), cum, np.ones((N, 1), cum.dtype)], axis=1)
        return h, s, cum, pad

    def forward(self, X):
        """Cumulative probabilities P(y <= k), shape (N, K-1)."""
        return self._forward(X)[2]

    def loss(self, X, y):
        _, _, _, pad = self._forward(X)
        rows = np.arange(X.shape[0])
        prob = pad[rows, y + 1] - pad[rows, y]
        return -np.log(prob).mean()

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        rows = np.arange(N)
        h, s, cum, pad = self._forward(X)
        prob = pad[rows, y + 1] - pad[rows, y]
        loss = -np.log(prob).mean()

        dprob = -1.0 / (prob * N)
        dpad = np.zeros_like(pad)
        dpad[rows, y + 1] += dprob
        dpad[rows, y] -= dprob
        dcum = dpad[:, 1:-1]
        dz = dcum * cum * (1 - cum)                                  # z = theta - s
        dtheta = dz.sum(axis=0)
        ds = -dz.sum(axis=1)
        dinc = np.cumsum(dtheta[::-1])[::-1]                         # theta_k = sum_{j<=k} inc_j
        draw = dinc.copy()
        draw[1:] = dinc[1:] * sigmoid(p["raw"][1:])                  # softplus' = sigmoid
        self.grads["raw"] = draw
        self.grads["w2"] = h.T @ ds
        dh = ds[:, None] * p["w2"][None, :]
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        bias_correction1 = 1 - self.beta1 ** self.t
        bias_correction2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) + self.eps   # fix: denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            p -= (self.lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
