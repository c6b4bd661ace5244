"""A one-hidden-layer sigmoid network for a binary label, trained with Adadelta, in NumPy.

Adadelta (Zeiler 2012, Algorithm 1) with torch.optim.Adadelta's learning rate factor:

    E[g^2]  = rho E[g^2] + (1 - rho) g^2
    delta   = sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps) * g
    E[dx^2] = rho E[dx^2] + (1 - rho) delta^2
    p      -= lr * delta

X (N, 10), y (N, 1) in {0, 1}; the output is a logit, the loss binary cross-entropy with
logits averaged over the batch. Parameters self.p: w_hidden (10, 20), b_hidden (20,),
w_out (20, 1), b_out (1,)  (W kept (in, out)).
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AdadeltaNet:
    def __init__(self, n_in=10, n_hidden=20, lr=1.0, rho=0.9, eps=1e-6, seed=2):
        rng = np.random.default_rng(seed)
        bound1 = 1.0 / math.sqrt(n_in)
        bound2 = 1.0 / math.sqrt(n_hidden)
        self.p = {
            "w_hidden": rng.uniform(-bound1, bound1, (n_in, n_hidden)) * 2.0,
            "b_hidden": rng.uniform(-bound1, bound1, n_hidden),
            "w_out": rng.uniform(-bound2, bound2, (n_hidden, 1)) * 2.0,
            "b_out": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.lr, self.rho, self.eps = lr, rho, eps
        self.square_avg = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.acc_delta = {k: np.zeros_like(v) for k, v in self.p.items()}

    def logits(self, X):
        self.h = sigmoid(X @ self.p["w_hidden"] + self.p["b_hidden"])
        return self.h @ self.p["w_out"] + self.p["b_out"]

    @staticmethod
    def bce_with_logits(z, y):
        return np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self.bce_with_logits(self.logits(X), y)

    def backward(self, X, y):
        z = self.logits(X)
        loss = self.bce_with_logits(z, y)
        dz = (sigmoid(z) - y) / z.shape[0]
        self.grads["w_out"] = self.h.T @ dz
        self.grads["b_out"] = dz.sum(axis=0)
        dh = dz @ self.p["w_out"].T
        da = dh * self.h * (1.0 - self.h)
        self.grads["w_hidden"] = X.T @ da
        self.grads["b_hidden"] = da.sum(axis=0)
        return loss

    def adadelta_step(self):
        rho, eps = self.rho, self.eps
        for k, p in self.p.items():
            g = self.grads[k]
            self.square_avg[k] = rho * self.square_avg[k] + (1.0 - rho) * g * g
            std = np.sqrt(self.square_avg[k] + eps)
            delta = np.sqrt(self.acc_delta[k] + eps) / std * g
            self.acc_delta[k] = rho * self.acc_delta[k] + (1.0 - rho) * delta * delta
            p -= self.lr * delta

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adadelta_step()
        return float(loss)
