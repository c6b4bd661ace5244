"""clamp_numpy.py written another way: softplus by np.logaddexp, sigmoid by tanh, the
piecewise derivatives by np.select, and the weight decay folded into the update as a
shrink, p *= 1 - lr * wd, then p -= lr * g (the same step as p -= lr * (g + wd * p)).

Parameters (self.params): W1 (4, 16), b1, W2 (16, 16), b2, W3 (16, 12), b3, W4 (12, 8), b4,
W5 (8, 1), b5. Plain SGD, lr 0.1, weight decay 1e-3 on every parameter.
"""

import numpy as np

ALPHA = 1.6732632423543772848170429916717
LAMBDA = 1.0507009873554804934193349852946


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class ClampNet:
    def __init__(self, sizes=(4, 16, 16, 12, 8, 1), lr=0.1, weight_decay=1e-3, beta=2.0, seed=7):
        rng = np.random.default_rng(seed)
        gains = (1.0, 3.0, 1.5, 1.0, 1.0)
        self.params = {}
        for i, gain in enumerate(gains):
            self.params[f"W{i + 1}"] = gain * rng.standard_normal((sizes[i], sizes[i + 1])) / np.sqrt(sizes[i])
            self.params[f"b{i + 1}"] = 0.1 * rng.standard_normal(sizes[i + 1])
        self.grads = {}
        self.lr, self.wd, self.beta = lr, weight_decay, beta

    def forward(self, X):
        p = self.params
        cache = {}
        z = X @ p["W1"] + p["b1"]
        cache["z1"] = z
        h = np.logaddexp(0.0, self.beta * z) / self.beta
        cache["h1"] = h
        z = h @ p["W2"] + p["b2"]
        cache["z2"] = z
        h = np.minimum(np.maximum(z, 0.0), 6.0)
        cache["h2"] = h
        z = h @ p["W3"] + p["b3"]
        cache["z3"] = z
        h = np.select([z <= -3.0, z >= 3.0], [0.0 * z, z], z * (z + 3.0) / 6.0)
        cache["h3"] = h
        z = h @ p["W4"] + p["b4"]
        cache["z4"] = z
        h = LAMBDA * np.where(z > 0, z, ALPHA * np.expm1(np.minimum(z, 0)))
        cache["h4"] = h
        return h @ p["W5"] + p["b5"], cache

    def loss(self, X, y):
        z5, _ = self.forward(X)
        return np.mean(np.logaddexp(0.0, z5) - y * z5)

    def train_step(self, X, y):
        p = self.params
        z5, c = self.forward(X)
        loss = np.mean(np.logaddexp(0.0, z5) - y * z5)

        g = {}
        d = (sigmoid(z5) - y) / z5.size
        g["W5"], g["b5"] = c["h4"].T @ d, d.sum(axis=0)
        d = (d @ p["W5"].T) * np.where(c["z4"] > 0, LAMBDA, LAMBDA * ALPHA * np.exp(np.minimum(c["z4"], 0)))
        g["W4"], g["b4"] = c["h3"].T @ d, d.sum(axis=0)
        z3 = c["z3"]
        d = (d @ p["W4"].T) * np.select([z3 < -3.0, z3 > 3.0], [0.0 * z3, 1.0 + 0.0 * z3], z3 / 3.0 + 0.5)
        g["W3"], g["b3"] = c["h2"].T @ d, d.sum(axis=0)
        z2 = c["z2"]
        d = (d @ p["W3"].T) * ((z2 > 0.0) & (z2 < 6.0))
        g["W2"], g["b2"] = c["h1"].T @ d, d.sum(axis=0)
        d = (d @ p["W2"].T) * sigmoid(self.beta * c["z1"])
        g["W1"], g["b1"] = X.T @ d, d.sum(axis=0)
        self.grads = g

        for k in p:
            p[k] *= 1.0 - self.lr * self.wd
            p[k] -= self.lr * g[k]
        return float(loss)
