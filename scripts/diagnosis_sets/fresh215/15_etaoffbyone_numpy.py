"""A one-hidden-layer tanh regressor trained with averaged SGD (ASGD), in NumPy.

ASGD (Polyak & Juditsky 1992; the step-size schedule of Bottou 2012) as torch.optim.ASGD
implements it. At the t-th update (t = 1, 2, ...), with eta and mu from the previous one
(eta_0 = lr, mu_0 = 1):

    p   *= 1 - lambd * eta          (the decay term)
    p   -= eta * grad
    ax   = p                         if mu == 1, else ax += mu * (p - ax)   (the average)
    eta  = lr / (1 + lambd * lr * t) ** alpha
    mu   = 1 / max(1, t - t0)

X (N, 6), y (N, 1); mean squared error. Parameters self.params: W1 (6, 16), b1 (16,),
W2 (16, 1), b2 (1,)  (W kept (in, out)). The averaged copy is self.ax.
"""

import math

import numpy as np


class ASGDRegressor:
    def __init__(self, n_in=6, n_hidden=16, lr=0.1, lambd=0.1, alpha=0.75, t0=8, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, n_hidden)) * 0.5,
            "b1": rng.standard_normal(n_hidden) * 0.1,
            "W2": rng.standard_normal((n_hidden, 1)) / math.sqrt(n_hidden),
            "b2": np.zeros(1),
        }
        self.grads = {}
        self.lr, self.lambd, self.alpha, self.t0 = lr, lambd, alpha, t0
        self.eta = lr
        self.mu = 1.0
        self.t = 0
        self.ax = {k: np.zeros_like(v) for k, v in self.params.items()}

    def predict(self, X):
        self.h = np.tanh(X @ self.params["W1"] + self.params["b1"])
        return self.h @ self.params["W2"] + self.params["b2"]

    def loss(self, X, y):
        return np.mean((self.predict(X) - y) ** 2)

    def backward(self, X, y):
        err = self.predict(X) - y
        loss = np.mean(err ** 2)
        d = 2.0 * err / err.shape[0]
        self.grads["W2"] = self.h.T @ d
        self.grads["b2"] = d.sum(axis=0)
        dz = (d @ self.params["W2"].T) * (1.0 - self.h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def asgd_step(self):
        self.t += 1
        self.eta = self.lr / (1.0 + self.lambd * self.lr * self.t) ** self.alpha
        for k, p in self.params.items():
            p *= 1.0 - self.lambd * self.eta
            p -= self.eta * self.grads[k]
            if self.mu != 1.0:
                self.ax[k] += self.mu * (p - self.ax[k])
            else:
                self.ax[k] = p.copy()
        self.mu = 1.0 / max(1, self.t - self.t0)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.asgd_step()
        return float(loss)
