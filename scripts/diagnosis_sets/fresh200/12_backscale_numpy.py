"""CORAL ordinal regression in NumPy: tanh MLP trunk, one shared-weight logit plus K-1 ordered
biases, BCE-with-logits over the cumulative targets [y > k], summed over the K-1 tasks and averaged
over the batch. SGD with momentum 0.9 and coupled weight decay (as torch.optim.SGD)."""
import numpy as np


def softplus(z):
    return np.logaddexp(0.0, z)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class CoralNet:
    def __init__(self, n_in=6, hidden=16, n_levels=5, lr=0.05, momentum=0.9, weight_decay=5e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.K = n_levels
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, hidden)),
            "b1": np.zeros(hidden),
            "w": rng.normal(0.0, 1.0 / np.sqrt(hidden), size=(hidden, 1)),
            "b": np.linspace(1.5, -1.5, n_levels - 1),
        }
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum, self.wd = lr, momentum, weight_decay

    def forward(self, X):
        p = self.params
        a = X @ p["W1"] + p["b1"]
        h = np.tanh(a)
        g = h @ p["w"]                 # (N, 1) shared score
        z = g + p["b"]                 # (N, K-1)
        self.cache = (X, h)
        return z

    def targets(self, y, dtype):
        return (y[:, None] > np.arange(self.K - 1)).astype(dtype)

    def loss(self, X, y):
        z = self.forward(X)
        T = self.targets(y, z.dtype)
        return float(np.sum(softplus(z) - T * z) / X.shape[0])

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        z = self.forward(X)
        T = self.targets(y, z.dtype)
        loss = np.sum(softplus(z) - T * z) / N
        X, h = self.cache
        dz = (sigmoid(z) - T) / (N * (self.K - 1))
        grads = {}
        grads["b"] = dz.sum(axis=0)
        dg = dz.sum(axis=1, keepdims=True)
        grads["w"] = h.T @ dg
        dh = dg @ p["w"].T
        da = dh * (1.0 - h ** 2)
        grads["W1"] = X.T @ da
        grads["b1"] = da.sum(axis=0)
        self.grads = grads
        for k in p:
            g = grads[k] + self.wd * p[k]
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p[k] = p[k] - self.lr * self.velocity[k]
        return float(loss)
