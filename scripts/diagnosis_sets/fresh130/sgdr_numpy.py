"""A ReLU regression net trained with Nesterov SGD, a linear warm-up and SGDR, in NumPy.

X (N, 5) -> relu(X @ W1 + b1) -> out = h @ W2 + b2 (N, 1); loss = mean((out - y)^2).
Mini-batches of 16 rows (the kit cuts them: --batch-size 16).

The update is torch.optim.SGD(momentum=0.9, nesterov=True, weight_decay=1e-3):
    g = grad + wd * p;   v = mu * v + g   (v = g on the first step);   p -= lr * (g + mu * v)
The learning rate of the t-th update (t = 0, 1, ...): a linear warm-up over the first
`warmup` updates, lr_max * (t + 1) / warmup, then cosine annealing with warm restarts
(SGDR, Loshchilov & Hutter): the first cycle lasts T_0 updates, each next one T_mult
times longer, lr = eta_min + (lr_max - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2.

Parameters: W1 (5, 16), b1 (16,), W2 (16, 1), b2 (1,) as attributes.
Optimizer state: self.velocity (dict keyed by parameter name), self.t.
"""

import math
import os

import numpy as np


class WarmRestartNet:
    def __init__(self, n_in=5, hidden=16, lr=0.1, momentum=0.9, weight_decay=1e-3,
                 warmup=3, T_0=4, T_mult=2, eta_min=0.005, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in)
        self.b1 = np.full(hidden, 0.01)
        self.W2 = rng.standard_normal((hidden, 1)) / math.sqrt(hidden)
        self.b2 = np.zeros(1)
        self.names = ("W1", "b1", "W2", "b2")
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr_max, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.warmup, self.T_0, self.T_mult, self.eta_min = warmup, T_0, T_mult, eta_min
        self.t = 0

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.maximum(self.z1, 0)
        return self.h @ self.W2 + self.b2

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        out = self.forward(X)
        N = X.shape[0]
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / N
        self.grads["W2"] = self.h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dz1 = (dout @ self.W2.T) * (self.z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def learning_rate(self, t):
        if t < self.warmup:
            return self.lr_max * (t + 1) / self.warmup
        T_cur, T_i = t - self.warmup, self.T_0
        while T_cur >= T_i:
            T_cur -= T_i
            T_i *= self.T_mult
        return self.eta_min + (self.lr_max - self.eta_min) * (1 + math.cos(math.pi * T_cur / T_i)) / 2

    def update(self):
        lr = self.learning_rate(self.t)
        mu = self.momentum
        for k in self.names:
            p = getattr(self, k)
            g = self.grads[k] + self.weight_decay * p
            self.velocity[k] = mu * self.velocity[k] + g
            p -= lr * (g + mu * self.velocity[k])
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sgdr.npz"))
    X, y = data["X"], data["y"]
    net = WarmRestartNet()
    for step in range(40):
        i = (step % 4) * 16
        loss = net.train_step(X[i:i + 16], y[i:i + 16])
        if step % 8 == 0:
            print(step, round(net.learning_rate(step), 4), loss)
