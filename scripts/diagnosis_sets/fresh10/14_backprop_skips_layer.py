"""NumPy regressor with two equal-width tanh hidden layers (5 -> 6 -> 6 -> 1, linear output,
mean squared error, Adam). The network grew from a one-hidden-layer version and the first
hidden layer's delta is still computed from the output delta through W3,
(d3 @ W3.T) * (1 - h1^2), instead of from the second hidden layer's delta through W2: the
backward pass skips layer 2 on its way down (the equal widths hide it)."""

import numpy as np


class TwoTanh:
    def __init__(self, X, y, width=6, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(14)
        self.W1 = rng.normal(0, 0.4, (X.shape[1], width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0, 0.4, (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0, 0.4, (width, 1))
        self.b3 = np.zeros(1)
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m, self.v, self.t = {}, {}, 0

    def train_step(self, X, y):
        h1 = np.tanh(X @ self.W1 + self.b1)
        h2 = np.tanh(h1 @ self.W2 + self.b2)
        out = h2 @ self.W3 + self.b3
        loss = float(np.mean((out - y) ** 2))
        d3 = 2.0 * (out - y) / y.size
        d2 = (d3 @ self.W3.T) * (1 - h2 ** 2)
        d1 = (d3 @ self.W3.T) * (1 - h1 ** 2)   # BUG: from the layer above: (d2 @ self.W2.T) * (1 - h1 ** 2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h1.T @ d2, "b2": d2.sum(0),
                 "W3": h2.T @ d3, "b3": d3.sum(0)}
        self.t += 1
        for k, g in grads.items():
            m = self.m[k] = self.beta1 * self.m.get(k, 0.0) + (1 - self.beta1) * g
            v = self.v[k] = self.beta2 * self.v.get(k, 0.0) + (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return loss
