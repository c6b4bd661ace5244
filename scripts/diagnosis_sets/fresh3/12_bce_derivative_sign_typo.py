"""NumPy tanh network, binary cross-entropy on a sigmoid output, SGD with Nesterov momentum
(torch's form). The loss derivative is written longhand, dL/da = -y/a + (1-y)/(1-a), with a
sign typo: -y/a - (1-y)/(1-a)."""

import numpy as np


class NesterovTanh:
    def __init__(self, X, y, hidden=6, lr=0.05, mu=0.9):
        rng = np.random.default_rng(12)
        self.weights_ih = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.bias_h = np.zeros(hidden)
        self.weights_ho = rng.normal(0, 0.5, (hidden, 1))
        self.bias_o = np.zeros(1)
        self.names = ("weights_ih", "bias_h", "weights_ho", "bias_o")
        self.velocity = {k: None for k in self.names}
        self.lr, self.mu = lr, mu

    def train(self, X, y):
        n = X.shape[0]
        h = np.tanh(X @ self.weights_ih + self.bias_h)
        a = 1.0 / (1.0 + np.exp(-(h @ self.weights_ho + self.bias_o)))
        dL_da = -(y / a) - (1 - y) / (1 - a)   # BUG: + (1 - y) / (1 - a)
        dz = dL_da * a * (1 - a) / n
        dh = (dz @ self.weights_ho.T) * (1 - h ** 2)
        grads = {"weights_ho": h.T @ dz, "bias_o": dz.sum(axis=0),
                 "weights_ih": X.T @ dh, "bias_h": dh.sum(axis=0)}
        for k, g in grads.items():
            v = self.velocity[k]
            v = g.copy() if v is None else self.mu * v + g
            self.velocity[k] = v
            setattr(self, k, getattr(self, k) - self.lr * (g + self.mu * v))
        return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
