"""(fresh167 UK10)

A triplet network written from scratch in NumPy.

Embedding MLP: x (10) -> tanh hidden (24) -> linear (8) -> L2 normalised embedding e.
Each row i of the batch is an anchor; y[i] = (positive row, negative row), so the triplets
are given by indices into the batch's own embeddings. Loss: the triplet margin loss on
squared Euclidean distances,

    l_i = max(0, |e_i - e_p(i)|^2 - |e_i - e_n(i)|^2 + margin),   loss = mean_i l_i

SGD with momentum and L2 weight decay added to the gradient (torch.optim.SGD semantics):
    g <- g + wd * p;  v <- mu * v + g;  p <- p - lr * v
"""

import numpy as np


class TripletNet:
    def __init__(self, n_in=10, hidden=24, n_emb=8, margin=1.0, lr=0.05, momentum=0.9,
                 weight_decay=1e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_emb)) / np.sqrt(hidden),
            "b2": 0.1 * rng.standard_normal(n_emb),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.margin = margin
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay

    def embed(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        u = h @ p["W2"] + p["b2"]
        r = np.sqrt(np.sum(u * u, axis=1, keepdims=True))
        return u / r, (h, r)

    def _triplet(self, E, y):
        a, pos, neg = E, E[y[:, 0]], E[y[:, 1]]
        d_ap = np.sum((a - pos) ** 2, axis=1)
        d_an = np.sum((a - neg) ** 2, axis=1)
        hinge = d_ap - d_an + self.margin
        return np.maximum(hinge, 0.0), hinge > 0, (a, pos, neg)

    def loss(self, X, y):
        E, _ = self.embed(X)
        return self._triplet(E, y)[0].mean()

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        E, (h, r) = self.embed(X)
        losses, active, (a, pos, neg) = self._triplet(E, y)
        w = active.astype(E.dtype)[:, None] / N           # d loss / d l_i for the active rows

        d_a = w * (2 * (a - pos) - 2 * (a - neg))
        d_pos = w * (-2 * (a - pos))
        d_neg = w * (2 * (a - neg))
        dE = d_a.copy()
        dE[y[:, 0]] += d_pos
        dE[y[:, 1]] += d_neg

        # e = u / |u|:  du = (dE - e (e . dE)) / |u|
        du = (dE - E * np.sum(E * dE, axis=1, keepdims=True)) / r
        self.grads["W2"] = h.T @ du
        self.grads["b2"] = du.sum(axis=0)
        dz = (du @ p["W2"].T) * (1 - h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return losses.mean()

    def step(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
