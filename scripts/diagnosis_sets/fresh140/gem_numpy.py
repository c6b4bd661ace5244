"""Generalized-mean (GeM) pooling over a set of items with a learnable exponent p, a linear
regressor on top; NumPy, hand-written backward, SGD with momentum.

    h_t  = softplus(x_t @ W1 + b1)                  (N, T, H) positive item features
    c_t  = max(h_t, eps)                            eps = 1e-6
    M    = mean_t c_t ** p                          (N, H)
    g    = M ** (1 / p)                             GeM pooling, p a learned scalar (starts at 3)
    yhat = g @ W2 + b2                              (N, 1)
    loss = mean((yhat - y) ** 2)

Backward of the pooling:
    dg/dc_t = g / M * c_t ** (p - 1) / T
    dg/dp   = g * (-log(M) / p**2 + mean_t(c_t ** p * log c_t) / (p * M))

Parameters (self.params): W1 (D, H), b1 (H,), p () a 0-d array, W2 (H, 1), b2 (1,).
Optimizer: SGD with momentum 0.9 as torch.optim.SGD (v = mu v + g; w -= lr v), lr 0.05;
state self.velocity.
"""

import math

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class GeMNet:
    def __init__(self, n_in=5, hidden=8, lr=0.05, momentum=0.9, p0=3.0, eps=1e-6, seed=0,
                 dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "p": np.array(p0),
            "W2": rng.standard_normal((hidden, 1)) / math.sqrt(hidden),
            "b2": np.zeros(1),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.velocity = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.eps = eps

    def _forward(self, X):
        P = self.params
        X = np.asarray(X, dtype=P["W1"].dtype)
        z = X @ P["W1"] + P["b1"]
        h = np.logaddexp(0, z)                                  # softplus
        c = np.maximum(h, self.eps)
        p = P["p"]
        cp = c ** p
        M = cp.mean(axis=1)                                     # (N, H)
        g = M ** (1 / p)
        yhat = g @ P["W2"] + P["b2"]
        return yhat, (X, z, h, c, cp, M, g)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        P = self.params
        yhat, (X, z, h, c, cp, M, g) = self._forward(X)
        diff = yhat - y
        loss = np.mean(diff ** 2)
        T = X.shape[1]
        p = P["p"]

        dyhat = 2 * diff / diff.size
        self.grads["W2"] = g.T @ dyhat
        self.grads["b2"] = dyhat.sum(axis=0)
        dg = dyhat @ P["W2"].T                                  # (N, H)

        dlogM = np.log(M)
        dgdp = g * (-dlogM / p ** 2 + (cp * np.log(c)).mean(axis=1) / (p * M))
        self.grads["p"] = np.sum(dg * dgdp)
        dc = (dg * g / M)[:, None, :] * c ** (p - 1) / T        # (N, T, H)
        dh = dc * (h > self.eps)
        dz = dh * sigmoid(z)                                    # softplus' = sigmoid
        self.grads["W1"] = np.einsum("ntd,nth->dh", X, dz)
        self.grads["b1"] = dz.sum(axis=(0, 1))
        return loss

    def update(self):
        for k, w in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            w -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gem.npz"))
    net = GeMNet()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss, float(net.params["p"]))
