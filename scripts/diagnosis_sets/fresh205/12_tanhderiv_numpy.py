"""Multi-quantile regression MLP, from scratch in NumPy.

x (6) -> dense 24 + tanh -> dense 3: one output per quantile tau in (0.1, 0.5, 0.9).
Pinball (quantile) loss, mean over rows and quantiles:
    e = y - pred,   L = mean( max(tau * e, (tau - 1) * e) )
RMSprop written by hand (rho 0.9, eps 1e-6 added outside the square root), as
torch.optim.RMSprop(alpha=0.9, eps=1e-6):
    v = rho v + (1 - rho) g^2;   p -= lr g / (sqrt(v) + eps)

    X: (N, 6) float, y: (N,) float.
Parameters self.params: W1 (6, 24), b1 (24,), W2 (24, 3), b2 (3,); state self.sq.
"""

import numpy as np


class QuantileMLP:
    def __init__(self, n_in=6, hidden=24, taus=(0.1, 0.5, 0.9), lr=0.01, rho=0.9, eps=1e-6,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.taus = np.array(taus, dtype=np.float32)
        n_out = len(taus)
        self.params = {
            "W1": (rng.standard_normal((n_in, hidden)) / np.sqrt(n_in)).astype(np.float32),
            "b1": np.zeros(hidden, dtype=np.float32),
            "W2": (rng.standard_normal((hidden, n_out)) / np.sqrt(hidden)).astype(np.float32),
            "b2": np.zeros(n_out, dtype=np.float32),
        }
        self.lr, self.rho, self.eps = lr, rho, eps
        self.sq = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        pred = h @ p["W2"] + p["b2"]
        return pred, h

    def pinball(self, pred, y):
        e = y[:, None] - pred                      # (N, Q)
        return np.maximum(self.taus * e, (self.taus - 1) * e).mean()

    def loss(self, X, y):
        return self.pinball(self.forward(X)[0], y)

    def backward(self, X, y):
        p = self.params
        pred, h = self.forward(X)
        loss = self.pinball(pred, y)
        e = y[:, None] - pred
        # dL/de = tau where e > 0, tau - 1 where e < 0; de/dpred = -1
        dpred = ((e < 0).astype(pred.dtype) - self.taus) / pred.size
        self.grads["W2"] = h.T @ dpred
        self.grads["b2"] = dpred.sum(axis=0)
        dz = (dpred @ p["W2"].T) * (1 - np.tanh(h) ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def step(self):
        for k, p in self.params.items():
            g = self.grads[k]
            self.sq[k] = self.rho * self.sq[k] + (1 - self.rho) * g * g
            p -= self.lr * g / (np.sqrt(self.sq[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
