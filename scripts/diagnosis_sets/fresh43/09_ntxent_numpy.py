"""SimCLR's NT-Xent loss by hand in NumPy: one shared encoder 5 -> 8 tanh -> 4 embeds both views
of every row, stacked as [view A; view B] (2n rows); the embeddings are L2-normalised, the
(2n, 2n) cosine-similarity matrix is divided by the temperature, each row's self-similarity is
masked out, and row i's positive is the other view of the same example, (i + n) mod 2n. The loss
is the mean cross-entropy over the 2n rows. Plain SGD at 0.5.

    X: (n, 2, 5) the two views; y unused
"""

import numpy as np

N_IN, HIDDEN, EMBED, TAU = 5, 8, 4, 0.5


class NTXent:
    def __init__(self, lr=0.5, seed=43):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.b2 = np.zeros(EMBED)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        flat = np.concatenate([X[:, 0], X[:, 1]], axis=0)
        h = np.tanh(flat @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        norm = np.sqrt((z * z).sum(axis=1, keepdims=True))
        zh = z / norm

        S = zh @ zh.T / TAU
        idx = np.arange(2 * n)
        pos = (idx + n) % (2 * n)
        S[idx, idx] = -np.inf
        e = np.exp(S - S.max(axis=1, keepdims=True))
        P = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(P[idx, pos]))

        dS = P.copy()
        dS[idx, pos] -= 1.0
        dS /= 2 * n
        dZh = (dS + dS.T) @ zh / TAU
        dz = dZh / norm   # fix: dz = (dZh - zh * (zh * dZh).sum(axis=1, keepdims=True)) / norm
        dh = (dz @ self.W2.T) * (1.0 - h * h)
        self.grads = {"W1": flat.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in self.grads.items():
            getattr(self, k)[...] -= self.lr * g
        return float(loss)
