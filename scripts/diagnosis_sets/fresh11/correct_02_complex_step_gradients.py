"""Correct NumPy network in an unusual style: a tanh regressor (3 -> 5 -> 1, linear output,
mean squared error, Adam) with no backward pass at all. Each gradient entry comes from
complex-step differentiation, dL/dw = Im L(w + i h) / h with h = 1e-30, which has no
subtractive cancellation and is exact to rounding (every operation in the loss is analytic:
tanh, matmul and the plain square, not abs). The loss is evaluated in complex128; the
gradient is brought back to the parameters' dtype before Adam uses it."""

import numpy as np

H = 1e-30


def loss_of(params, X, y):
    h = np.tanh(X @ params["W1"] + params["b1"])
    out = h @ params["W2"] + params["b2"]
    return np.mean((out - y) ** 2)


class ComplexStepNet:
    def __init__(self, X, y, n_hidden=5, lr=0.01):
        rng = np.random.default_rng(18)
        self.params = {"W1": rng.normal(0, 0.5, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
                       "W2": rng.normal(0, 0.5, (n_hidden, 1)), "b2": np.zeros(1)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.t = lr, 0

    def gradients(self, X, y):
        Xc, yc = X.astype(np.complex128), y.astype(np.complex128)
        base = {k: v.astype(np.complex128) for k, v in self.params.items()}
        grads = {}
        for name, value in base.items():
            g = np.zeros(value.shape)
            for idx in np.ndindex(value.shape):
                value[idx] += 1j * H
                g[idx] = loss_of(base, Xc, yc).imag / H
                value[idx] -= 1j * H
            grads[name] = g.astype(self.params[name].dtype)
        return grads

    def train_step(self, X, y):
        loss = float(loss_of(self.params, X, y))
        grads = self.gradients(X, y)
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m_hat = self.m[k] / (1 - 0.9 ** self.t)
            v_hat = self.v[k] / (1 - 0.999 ** self.t)
            self.params[k] = self.params[k] - self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        return loss
