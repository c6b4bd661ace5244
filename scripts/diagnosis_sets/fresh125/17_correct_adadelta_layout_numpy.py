"""The Adadelta classifier of adadelta_numpy.py written another way: weights kept as
attributes in torch's (out, in) layout, the forward as X @ W.T, and the Adadelta step
written with one square root of the ratio and in-place accumulators.

6 inputs -> 16 tanh units -> 3 logits -> softmax cross-entropy (mean over the batch).
Adadelta: lr=1.0, rho=0.9, eps=1e-6, L2 weight decay 5e-3 added to the gradient.

Parameters: W1 (16, 6), b1 (16,), W2 (3, 16), b2 (3,) as attributes.
Gradients: self.grads; optimizer state: self.Eg2 (E[g^2]) and self.Edx2 (E[dx^2]).
"""

import math
import os

import numpy as np


class AdadeltaNet:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=1.0, rho=0.9, eps=1e-6,
                 weight_decay=5e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (hidden, n_in)) / math.sqrt(n_in)
        self.b1 = rng.uniform(-1, 1, hidden) / math.sqrt(n_in)
        self.W2 = rng.uniform(-1, 1, (n_out, hidden)) / math.sqrt(hidden)
        self.b2 = rng.uniform(-1, 1, n_out) / math.sqrt(hidden)
        self.names = ("W1", "b1", "W2", "b2")
        self.lr, self.rho, self.eps, self.weight_decay = lr, rho, eps, weight_decay
        self.grads = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.Eg2 = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.Edx2 = {n: np.zeros_like(getattr(self, n)) for n in self.names}

    def forward(self, X):
        self.X = X
        self.h = np.tanh(X @ self.W1.T + self.b1)
        return self.h @ self.W2.T + self.b2

    def loss(self, X, y):
        z = self.forward(X)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -np.mean(logp[np.arange(len(y)), y])

    def backward(self, X, y):
        z = self.forward(X)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(len(y)), y]))
        onehot = np.eye(probs.shape[1], dtype=probs.dtype)[y]
        dz2 = (probs - onehot) / len(y)
        self.grads["W2"] = dz2.T @ self.h
        self.grads["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ self.W2) * (1 - self.h * self.h)
        self.grads["W1"] = dz1.T @ X
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def step(self):
        for n in self.names:
            w = getattr(self, n)
            g = self.grads[n] + self.weight_decay * w
            self.Eg2[n] *= self.rho
            self.Eg2[n] += (1 - self.rho) * g ** 2
            dx = np.sqrt((self.Edx2[n] + self.eps) / (self.Eg2[n] + self.eps)) * g
            self.Edx2[n] *= self.rho
            self.Edx2[n] += (1 - self.rho) * dx ** 2
            w -= self.lr * dx

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adadelta.npz"))
    net = AdadeltaNet()
    for i in range(200):
        loss = net.train_step(data["X"], data["y"])
        if i % 20 == 0:
            print(f"step {i:4d}  loss {loss:.4f}")
