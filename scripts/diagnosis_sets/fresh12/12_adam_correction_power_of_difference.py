"""NumPy sigmoid / softmax classifier (6 -> 9 -> 3, summed cross-entropy, Adam, mini-batches of
16). The bias-correction helper was typed (1 - beta) ** t where 1 - beta ** t is meant: the
power is taken of the difference instead of beta. Equal on step 1 (both are 1 - beta), but from
step 2 the corrections shrink geometrically ((1 - beta2)^2 = 1e-6 against 1 - beta2^2 =
0.002), for m and for v."""

import numpy as np


class AdamSoftmax:
    def __init__(self, X, y, n_hidden=9, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(124)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m, self.v = {}, {}
        self.t = 0

    def corrected(self, moment, beta):
        return moment / (1.0 - beta) ** self.t   # BUG: the power of beta: moment / (1.0 - beta ** self.t)

    def train_step(self, X, y):
        h = 1.0 / (1.0 + np.exp(-(X @ self.W1 + self.b1)))
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(p)))
        dz = p - y
        dh = (dz @ self.W2.T) * h * (1.0 - h)
        grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0), "W1": X.T @ dh, "b1": dh.sum(axis=0)}
        self.t += 1
        beta1, beta2 = self.betas
        for name, g in grads.items():
            m = beta1 * self.m.get(name, 0.0) + (1 - beta1) * g
            v = beta2 * self.v.get(name, 0.0) + (1 - beta2) * g * g
            self.m[name], self.v[name] = m, v
            step = self.corrected(m, beta1) / (np.sqrt(self.corrected(v, beta2)) + self.eps)
            setattr(self, name, getattr(self, name) - self.lr * step)
        return loss
