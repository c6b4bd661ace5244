"""Discrete-time survival network in NumPy: ReLU MLP, one hazard logit per time bin, hazards
through a sigmoid. Row n with bin t and event e contributes sum_{j<t} log(1-h_j) plus log h_t
(event) or log(1-h_t) (censored: survived bin t). Negative log-likelihood averaged over rows.
Adam written by hand (bias-corrected, eps outside the square root, as torch.optim.Adam)."""
import numpy as np


def softplus(z):
    return np.logaddexp(0.0, z)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SurvNet:
    def __init__(self, n_in=5, hidden=12, n_bins=6, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.n_bins = n_bins
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), size=(hidden, n_bins))
        self.b2 = np.full(n_bins, -1.0)
        self.names = ["W1", "b1", "W2", "b2"]
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps

    def _targets(self, y, dtype):
        t = y[:, 0].astype(np.int64)
        e = y[:, 1]
        bins = np.arange(self.n_bins)
        mask = (bins[None, :] <= t[:, None]).astype(dtype)
        target = ((bins[None, :] == t[:, None]) & (e[:, None] > 0.5)).astype(dtype)
        return mask, target

    def loss(self, X, y):
        a1 = X @ self.W1 + self.b1
        z = np.maximum(a1, 0.0) @ self.W2 + self.b2
        mask, target = self._targets(y, z.dtype)
        return float(np.sum(mask * (softplus(z) - target * z)) / X.shape[0])

    def train_step(self, X, y):
        N = X.shape[0]
        a1 = X @ self.W1 + self.b1
        h1 = np.maximum(a1, 0.0)
        z = h1 @ self.W2 + self.b2
        mask, target = self._targets(y, z.dtype)
        loss = np.sum(mask * (softplus(z) - target * z)) / N
        dz = mask * (sigmoid(z) - target) / N
        grads = {"W2": h1.T @ dz, "b2": dz.sum(axis=0)}
        dh1 = dz @ self.W2.T
        da1 = dh1 * (a1 > 0)
        grads["W1"] = X.T @ da1
        grads["b1"] = da1.sum(axis=0)
        self.grads = grads
        self.t += 1
        for k in self.names:
            g = grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta1) * g * g
            m_hat = self.m[k] / (1.0 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1.0 - self.beta2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return float(loss)
