"""Triplet network in NumPy, written another way (fresh167 correct variant).

Weights kept as (out, in) like nn.Linear; on the unit sphere the squared distance is taken
as 2 - 2 a.p; the positive / negative gradients are gathered back with one-hot matrices
instead of np.add.at; the momentum buffer is updated in place.
Same model as tri_numpy.py: tanh MLP 10 -> 24 -> 8, L2 normalised, hinge at margin 1.0 on
squared distances, mean over anchors; SGD lr 0.05, momentum 0.9, weight decay 1e-3.
"""

import numpy as np


class TripletNetAlt:
    def __init__(self, sizes=(10, 24, 8), margin=1.0, lr=0.05, momentum=0.9, weight_decay=1e-3,
                 seed=0):
        rng = np.random.default_rng(seed)
        n_in, hidden, n_emb = sizes
        self.W1 = rng.standard_normal((hidden, n_in)) / np.sqrt(n_in)
        self.b1 = 0.1 * rng.standard_normal(hidden)
        self.W2 = rng.standard_normal((n_emb, hidden)) / np.sqrt(hidden)
        self.b2 = 0.1 * rng.standard_normal(n_emb)
        self.names = ("W1", "b1", "W2", "b2")
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}
        self.margin, self.lr, self.mu, self.wd = margin, lr, momentum, weight_decay

    def _forward(self, X, y):
        h = np.tanh(X @ self.W1.T + self.b1)
        u = h @ self.W2.T + self.b2
        norm = np.linalg.norm(u, axis=1, keepdims=True)
        e = u / norm
        N = X.shape[0]
        P = np.eye(N, dtype=e.dtype)[y[:, 0]]             # (N, N) one-hot rows of the positives
        Q = np.eye(N, dtype=e.dtype)[y[:, 1]]
        ep, en = P @ e, Q @ e
        sim_p = np.einsum("nd,nd->n", e, ep)
        sim_n = np.einsum("nd,nd->n", e, en)
        hinge = (2 - 2 * sim_p) - (2 - 2 * sim_n) + self.margin
        return hinge, (h, norm, e, P, Q, ep, en)

    def loss(self, X, y):
        return np.maximum(self._forward(X, y)[0], 0).mean()

    def train_step(self, X, y):
        hinge, (h, norm, e, P, Q, ep, en) = self._forward(X, y)
        loss = np.where(hinge > 0, hinge, 0).mean()
        coef = (hinge > 0).astype(e.dtype) / X.shape[0]    # (N,)
        # l = 2 a.n - 2 a.p + margin
        de = coef[:, None] * 2 * (en - ep)                  # through the anchor
        de += P.T @ (coef[:, None] * -2 * e)                # through the positives
        de += Q.T @ (coef[:, None] * 2 * e)                 # through the negatives
        radial = np.einsum("nd,nd->n", e, de)[:, None]
        du = (de - radial * e) / norm
        self.grads["W2"] = du.T @ h
        self.grads["b2"] = du.sum(0)
        dpre = (du @ self.W2) * (1 - h * h)
        self.grads["W1"] = dpre.T @ X
        self.grads["b1"] = dpre.sum(0)

        for k in self.names:
            w = getattr(self, k)
            buf = self.velocity[k]
            buf *= self.mu
            buf += self.grads[k] + self.wd * w
            w -= self.lr * buf
        return float(loss)
