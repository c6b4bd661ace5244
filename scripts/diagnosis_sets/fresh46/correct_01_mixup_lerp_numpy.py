"""Mixup classifier, written as an interpolation: x = x_j + lam (x_i - x_j) (the same convex mix
as lam x_i + (1 - lam) x_j), targets likewise; parameters in one dict, the log-softmax by
np.logaddexp.reduce, the matrix products by np.einsum. 4 -> 10 tanh -> 3, mean cross-entropy
against the mixed targets, gradient descent.

    X: (n, 6) = 4 features | lam | partner index;  y: one-hot (n, 3)
"""

import numpy as np


class LerpMixup:
    def __init__(self, n_in=4, hidden=10, n_classes=3, lr=0.5, seed=21):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.uniform(-0.5, 0.5, (n_in, hidden)), "b1": np.zeros(hidden),
                       "W2": rng.uniform(-0.3, 0.3, (hidden, n_classes)), "b2": np.zeros(n_classes)}
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        feats, lam, j = X[:, :4], X[:, 4:5], X[:, 5].astype(np.int64)
        x = feats[j] + lam * (feats - feats[j])
        t = y[j] + lam * (y - y[j])
        n = x.shape[0]
        h = np.tanh(np.einsum("ni,ih->nh", x, p["W1"]) + p["b1"])
        z = np.einsum("nh,hk->nk", h, p["W2"]) + p["b2"]
        log_p = z - np.logaddexp.reduce(z, axis=1, keepdims=True)
        loss = -np.einsum("nk,nk->", t, log_p) / n
        d_z = (np.exp(log_p) - t) / n
        d_a = np.einsum("nk,hk->nh", d_z, p["W2"]) * (1 - h * h)
        self.grads = {"W1": np.einsum("ni,nh->ih", x, d_a), "b1": d_a.sum(0),
                      "W2": np.einsum("nh,nk->hk", h, d_z), "b2": d_z.sum(0)}
        for k in p:
            p[k] -= self.lr * self.grads[k]
        return float(loss)
