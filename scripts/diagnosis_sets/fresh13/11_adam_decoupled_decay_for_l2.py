"""NumPy ReLU network (6 -> 8 -> 1, sigmoid output, mean binary cross-entropy, shuffled
mini-batches of 12) trained with Adam and an L2 weight decay of 0.01, meant as
torch.optim.Adam(weight_decay=0.01): the term wd * p added to the gradient before the moments.
The update was written AdamW-style instead, the decay decoupled from the moments and applied
to the weights directly, p -= lr * (m_hat / (sqrt(v_hat) + eps) + wd * p), so the moments
see the bare gradient."""

import numpy as np


class DecayAdamNet:
    def __init__(self, X, y, n_hidden=8, lr=0.01, wd=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(1311)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.wd, self.betas, self.eps = lr, wd, betas, eps
        self.m = {k: 0.0 for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: 0.0 for k in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))
        d2 = (out - y) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        beta1, beta2 = self.betas
        for k, g in grads.items():
            w = getattr(self, k)
            g_moments, decoupled = g, self.wd * w   # BUG: L2 in the gradient: g_moments, decoupled = g + self.wd * w, 0.0
            self.m[k] = beta1 * self.m[k] + (1 - beta1) * g_moments
            self.v[k] = beta2 * self.v[k] + (1 - beta2) * g_moments * g_moments
            m_hat = self.m[k] / (1 - beta1 ** self.t)
            v_hat = self.v[k] / (1 - beta2 ** self.t)
            setattr(self, k, w - self.lr * (m_hat / (np.sqrt(v_hat) + self.eps) + decoupled))
        return loss
