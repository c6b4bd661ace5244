"""Multi-class classifier trained with the sparsemax loss, from scratch in NumPy.

    h = tanh(X W1 + b1)           (N, 8)
    z = h W2 + b2                 (N, 4)   scores
Sparsemax loss (Martins & Astudillo 2016), averaged over the batch:
    L(z, y) = -z_y + 1/2 sum_{j in S(z)} (z_j^2 - tau(z)^2) + 1/2
with gradient dL/dz = -onehot(y) + sparsemax(z).
SGD with momentum written by hand (torch's form: v = mu v + g; w -= lr v).
"""
import numpy as np


def sparsemax(z):
    """Sparsemax along the last axis; returns (p, tau)."""
    zs = np.sort(z, axis=-1)
    k = np.arange(1, z.shape[-1] + 1, dtype=z.dtype)
    cs = np.cumsum(zs, axis=-1)
    support = 1 + k * zs > cs
    kz = support.sum(axis=-1, keepdims=True)
    tau = (np.take_along_axis(cs, kz - 1, axis=-1) - 1) / kz.astype(z.dtype)
    return np.maximum(z - tau, 0), tau


class SparsemaxMLP:
    def __init__(self, n_features=5, hidden=8, n_classes=4, lr=0.1, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.K = n_classes
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) / np.sqrt(n_features),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_classes)) / np.sqrt(hidden),
            "b2": rng.standard_normal(n_classes) * 0.1,
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        return z, h

    def forward(self, X):
        return self._forward(X)[0]

    def _sparsemax_loss(self, z, y):
        N = z.shape[0]
        prob, tau = sparsemax(z)
        S = prob > 0
        per_row = (-z[np.arange(N), y]
                   + 0.5 * np.where(S, z ** 2 - tau ** 2, 0).sum(axis=1) + 0.5)
        return per_row.mean(), prob

    def loss(self, X, y):
        return self._sparsemax_loss(self.forward(X), y.astype(np.int64))[0]

    def backward(self, X, y):
        p = self.params
        y = y.astype(np.int64)
        N = X.shape[0]
        z, h = self._forward(X)
        loss, prob = self._sparsemax_loss(z, y)
        dz = prob.copy()
        dz[np.arange(N), y] -= 1                 # -onehot + sparsemax(z)
        dz /= N
        self.grads["W2"] = h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dpre = (dz @ p["W2"].T) * (1 - h ** 2)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
