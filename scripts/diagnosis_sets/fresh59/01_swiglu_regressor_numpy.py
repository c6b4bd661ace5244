"""SwiGLU regressor in NumPy: 5 inputs, a gated hidden layer of 6 units built from two weight
matrices, h = (x Wv + bv) * swish(x Wg + bg) with swish(g) = g sigmoid(g) (Shazeer 2020), then a
linear output of 2. Half mean squared error (0.5 * sum over outputs, mean over rows), plain SGD.

    X: (n, 5), y: (n, 2)
"""

import numpy as np

LR = 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SwiGLURegressor:
    def __init__(self, n_in=5, hidden=6, n_out=2, seed=1):
        rng = np.random.default_rng(seed)
        self.Wv = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.bv = np.zeros(hidden)
        self.Wg = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.bg = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        v = X @ self.Wv + self.bv
        g = X @ self.Wg + self.bg
        s = sigmoid(g)
        swish = g * s
        h = v * swish
        out = h @ self.W2 + self.b2
        loss = 0.5 * np.mean(np.sum((out - y) ** 2, axis=1))

        d_out = (out - y) / len(X)
        dh = d_out @ self.W2.T
        dv = dh * swish
        dg = dh * v * (s + g * s * (1.0 - s))
        self.grads = {"Wv": X.T @ dv, "bv": dv.sum(axis=0), "Wg": X.T @ dg, "bg": dg.sum(axis=0),
                      "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        for name, grad in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * grad)
        return float(loss)
