"""Softmax classifier in NumPy that back-propagates through the softmax by its Jacobian, no
p - y shortcut: 5 -> 8 sigmoid -> 3 softmax, cross-entropy summed over the batch, momentum as
an exponential moving average of the gradients (v = beta v + (1 - beta) g; theta -= lr v).
The per-example Jacobian diag(p) - p p^T is built for the whole batch at once.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class JacobianSoftmaxNet:
    def __init__(self, n_in=5, hidden=8, n_classes=3, lr=0.1, beta=0.9, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr, self.beta = lr, beta
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p))

        d_p = -y / p                                          # dL/dp
        diag = np.diag(p)   # BUG: diag = p[:, :, None] * np.eye(p.shape[1], dtype=p.dtype)
        jac = diag - p[:, :, None] * p[:, None, :]           # (n, K, K)
        d_z = np.einsum("nij,nj->ni", jac, d_p)
        d_h = (d_z @ self.W2.T) * h * (1.0 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}

        for k, g in grads.items():
            self.v[k] = self.beta * self.v[k] + (1.0 - self.beta) * g
            setattr(self, k, getattr(self, k) - self.lr * self.v[k])
        return float(loss)
