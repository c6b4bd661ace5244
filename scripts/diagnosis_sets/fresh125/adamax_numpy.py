"""A one-hidden-layer binary classifier trained with Adamax and Polyak averaging, in NumPy.

5 inputs -> 8 sigmoid units -> 1 sigmoid unit, binary cross-entropy averaged over the batch.

Adamax (Kingma & Ba 2015, section 7.1, as torch.optim.Adamax):
    t += 1
    m  = beta1 * m + (1 - beta1) * g
    u  = max(beta2 * u, |g| + eps)                 (elementwise; the infinity norm)
    p -= lr / (1 - beta1^t) * m / u

Polyak averaging: after every update the running mean of all iterates so far,
    avg += (p - avg) / n_avg,    n_avg = 1, 2, ...
is kept in self.avg; the predictions the program reports (`predict_averaged`) are those
of the averaged weights.

    X: float (N, 5), y: float (N, 1) in {0, 1}.

Parameters (self.params): W1 (5, 8), b1 (8,), W2 (8, 1), b2 (1,).
Optimizer state: self.m (exp_avg), self.u (exp_inf), step count self.t; averages self.avg.
"""

import math
import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AdamaxNet:
    def __init__(self, n_in=5, hidden=8, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, 1)) / math.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.u = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_avg = 0

    @staticmethod
    def _forward_with(p, X):
        h = sigmoid(X @ p["W1"] + p["b1"])
        out = sigmoid(h @ p["W2"] + p["b2"])
        return out, h

    @staticmethod
    def _bce(out, y):
        return -(y * np.log(out) + (1 - y) * np.log(1 - out)).mean()

    def loss(self, X, y):
        return self._bce(self._forward_with(self.params, X)[0], y)

    def predict_averaged(self, X):
        return self._forward_with(self.avg, X)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        out, h = self._forward_with(p, X)
        loss = self._bce(out, y)
        dz2 = (out - y) / N                      # BCE on a sigmoid
        self.grads["W2"] = h.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        dh = dz2 @ p["W2"].T
        dz1 = dh * h * (1 - h)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        clr = self.lr / (1 - self.beta1 ** self.t)
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.u[k] = np.maximum(self.beta2 * self.u[k], np.abs(g) + self.eps)
            p -= clr * self.m[k] / self.u[k]

    def average(self):
        self.n_avg += 1
        for k, p in self.params.items():
            self.avg[k] += (p - self.avg[k]) / self.n_avg

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.average()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adamax.npz"))
    net = AdamaxNet()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            acc = ((net.predict_averaged(data["X"]) > 0.5) == (data["y"] > 0.5)).mean()
            print(f"step {step:4d}  loss {loss:.4f}  averaged accuracy {acc:.3f}")
