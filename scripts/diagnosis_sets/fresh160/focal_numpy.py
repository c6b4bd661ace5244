"""MLP 6 -> 24 (ELU) -> 3 with a multi-class focal loss (gamma = 2, mean over the batch),
trained with Adadelta (lr 1.0, rho 0.95, eps 1e-6), all by hand in NumPy.

Weights kept (in, out) as attributes W1, b1, W2, b2.
"""

import math

import numpy as np


class FocalMLP:
    def __init__(self, n_in=6, n_hidden=24, n_out=3, gamma=2.0, lr=1.0, rho=0.95, eps=1e-6,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, n_hidden)) / math.sqrt(n_in)
        self.b1 = 0.1 * rng.standard_normal(n_hidden)
        self.W2 = rng.standard_normal((n_hidden, n_out)) / math.sqrt(n_hidden)
        self.b2 = np.zeros(n_out)
        self.gamma = gamma
        self.alpha = 1.0          # ELU alpha
        self.lr, self.rho, self.eps = lr, rho, eps
        names = ("W1", "b1", "W2", "b2")
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in names}
        self.Eg2 = {k: np.zeros_like(getattr(self, k)) for k in names}     # running E[g^2]
        self.Edx2 = {k: np.zeros_like(getattr(self, k)) for k in names}    # running E[dx^2]

    def elu(self, z):
        return np.where(z > 0, z, self.alpha * (np.exp(np.minimum(z, 0)) - 1))

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = self.elu(self.z1)
        self.logits = self.a1 @ self.W2 + self.b2
        return self.logits

    def focal(self, logits, y):
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        N = len(y)
        logpt = logp[np.arange(N), y]
        pt = np.exp(logpt)
        loss = np.mean(-((1 - pt) ** self.gamma) * logpt)
        return loss, p, pt, logpt

    def loss(self, X, y):
        return self.focal(self.forward(X), y)[0]

    def backward(self, X, y):
        N = len(y)
        loss, p, pt, logpt = self.focal(self.forward(X), y)
        g = self.gamma
        # f(pt) = -(1 - pt)^g log pt ; df/dpt
        dfdpt = g * (1 - pt) ** (g - 1) * logpt - (1 - pt) ** g / pt
        onehot = np.zeros_like(p)
        onehot[np.arange(N), y] = 1
        dlogits = (dfdpt * pt)[:, None] * (onehot - p) / N
        self.grads["W2"] = self.a1.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        da1 = dlogits @ self.W2.T
        dz1 = da1 * np.where(self.z1 > 0, 1.0, self.a1 + self.alpha)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def adadelta(self):
        rho, eps = self.rho, self.eps
        for k, g in self.grads.items():
            self.Eg2[k] = rho * self.Eg2[k] + (1 - rho) * g * g
            dx = np.sqrt(self.Edx2[k] + eps) / np.sqrt(self.Eg2[k] + eps) * g
            self.Edx2[k] = rho * self.Edx2[k] + (1 - rho) * dx * dx
            setattr(self, k, getattr(self, k) - self.lr * dx)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adadelta()
        return float(loss)
