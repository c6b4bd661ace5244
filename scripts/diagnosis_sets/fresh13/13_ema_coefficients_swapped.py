"""NumPy tanh / softmax classifier (4 -> 7 -> 4, mean cross-entropy, mini-batches of 10)
trained with momentum as an exponential moving average, v = beta v + (1 - beta) g with
beta = 0.9; W -= lr v. The two coefficients were swapped in the velocity line,
v = (1 - beta) v + beta g: the new gradient gets weight 0.9 and the old velocity 0.1, so the
first step is 9 times the EMA's (0.9 g against 0.1 g) and the velocity forgets almost at once."""

import numpy as np


class EmaSoftmax:
    def __init__(self, X, y, n_hidden=7, lr=0.5, beta=0.9):
        rng = np.random.default_rng(1313)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.beta = lr, beta
        self.velocity = {}

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = float(-np.sum(y * np.log(p)) / n)
        dz = (p - y) / n
        dh = (dz @ self.W2.T) * (1.0 - h * h)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        beta = self.beta
        for k, g in grads.items():
            v = self.velocity.get(k, np.zeros_like(g))
            v = (1.0 - beta) * v + beta * g   # BUG: the moving average: beta * v + (1.0 - beta) * g
            self.velocity[k] = v
            setattr(self, k, getattr(self, k) - self.lr * v)
        return loss
