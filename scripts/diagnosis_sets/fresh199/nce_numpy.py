"""Noise-contrastive estimation, NumPy: an energy E(x) = softplus(x W1 + b1) W2 and a learned
log-normaliser c; model log-density -E(x) + c against the known noise density N(0, 2^2 I).
Logistic loss: mean softplus(-G(x_data)) + mean softplus(G(x_noise)), G = log p_model - log q.
X: data rows, y: fixed noise samples (same count). Adam written by hand."""
import math

import numpy as np

NOISE_STD = 2.0


def log_noise(x):
    D = x.shape[1]
    return -0.5 * np.sum(x ** 2, axis=1) / NOISE_STD ** 2 - D * math.log(NOISE_STD * math.sqrt(2 * math.pi))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NCEEnergy:
    def __init__(self, n_in=4, hidden=24, lr=1e-2, seed=1):
        rng = np.random.RandomState(seed)
        self.W1 = rng.randn(n_in, hidden) * 0.5
        self.b1 = rng.randn(hidden) * 0.1
        self.W2 = rng.randn(hidden, 1) * 0.3
        self.c = np.zeros(1)
        self.lr = lr
        self.beta1, self.beta2, self.adam_eps = 0.9, 0.999, 1e-8
        self.names = ["W1", "b1", "W2", "c"]
        self.m = [np.zeros_like(getattr(self, n)) for n in self.names]
        self.v = [np.zeros_like(getattr(self, n)) for n in self.names]
        self.step_count = 0

    def energy(self, x):
        z = x @ self.W1 + self.b1
        h = np.logaddexp(0.0, z)
        return z, h, (h @ self.W2)[:, 0]

    def logit(self, x):
        z, h, E = self.energy(x)
        return z, h, -E + self.c[0] - log_noise(x)

    def loss(self, X, y):
        _, _, Gd = self.logit(X)
        _, _, Gn = self.logit(y)
        return float(np.mean(np.logaddexp(0.0, -Gd)) + np.mean(np.logaddexp(0.0, Gn)))

    def train_step(self, X, y):
        zd, hd, Gd = self.logit(X)
        zn, hn, Gn = self.logit(y)
        loss = np.mean(np.logaddexp(0.0, -Gd)) + np.mean(np.logaddexp(0.0, Gn))

        dGd = (sigmoid(Gd) - 1.0) / X.shape[0]
        dGn = sigmoid(Gn) / y.shape[0]
        dEd, dEn = -dGd, -dGn
        gW2 = hd.T @ dEd[:, None] + hn.T @ dEn[:, None]
        dzd = (dEd[:, None] * self.W2.T) * sigmoid(zd)
        dzn = (dEn[:, None] * self.W2.T) * sigmoid(zn)
        gW1 = X.T @ dzd + y.T @ dzn
        gb1 = dzd.sum(axis=0) + dzn.sum(axis=0)
        gc = np.array([dGd.sum() + dGn.sum()], dtype=X.dtype)
        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2, "c": gc}

        self.step_count += 1
        bc1 = 1.0 - self.beta1 ** self.step_count
        bc2 = 1.0 - self.beta2 ** self.step_count
        for i, name in enumerate(self.names):
            g = self.grads[name]
            self.m[i] = self.beta1 * self.m[i] + (1.0 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1.0 - self.beta2) * g * g
            update = (self.m[i] / bc1) / (np.sqrt(self.v[i] / bc2) + self.adam_eps)
            setattr(self, name, getattr(self, name) - self.lr * update)
        return float(loss)
