"""Soft bootstrapping of noisy targets (Reed et al. 2015), from scratch in NumPy.

    h = tanh(W1 x + b1)              W1 (12, 5), b1 (12,)   (torch layout, (out, in))
    z = W2 h + b2                    W2 (3, 12), b2 (3,)
    p = softmax(z)
    L = mean_n -sum_k (beta t_k + (1 - beta) p_k) log p_k,   beta 0.95

The prediction inside the target is NOT held constant: the (1 - beta) term is the entropy H(p),
whose gradient is -p (log p + H). So dL/dz = beta (p - t) - (1 - beta) p (log p + H), over N.
RMSprop: lr 0.01, alpha (smoothing) 0.9, eps 1e-8 added outside the square root, as torch.optim.RMSprop.
"""

import numpy as np


class BootNet:
    def __init__(self, sizes=(5, 12, 3), beta=0.95, lr=0.01, alpha=0.9, eps=1e-8, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            bound = 1 / np.sqrt(fan_in)
            self.params[f"W{i}"] = rng.uniform(-bound, bound, (fan_out, fan_in))
            self.params[f"b{i}"] = rng.uniform(-bound, bound, fan_out)
        self.beta = beta
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.grads = {}

    def forward(self, X):
        P = self.params
        self.X = X
        self.h = np.tanh(X @ P["W1"].T + P["b1"])
        z = self.h @ P["W2"].T + P["b2"]
        z = z - z.max(axis=1, keepdims=True)
        self.logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.p = np.exp(self.logp)
        return self.p

    def loss(self, X, y):
        p = self.forward(X)
        t = np.zeros_like(p)
        t[np.arange(len(y)), y] = 1
        target = self.beta * t + (1 - self.beta) * p
        return -(target * self.logp).sum(axis=1).mean()

    def backward(self, y):
        P = self.params
        p, logp, N = self.p, self.logp, len(y)
        t = np.zeros_like(p)
        t[np.arange(N), y] = 1
        H = -(p * logp).sum(axis=1, keepdims=True)
        dz = (self.beta * (p - t) - (1 - self.beta) * p * (logp + H)) / N
        self.grads["W2"] = dz.T @ self.h
        self.grads["b2"] = dz.sum(axis=0)
        dpre = (dz @ P["W2"]) * (1 - self.h ** 2)
        self.grads["W1"] = dpre.T @ self.X
        self.grads["b1"] = dpre.sum(axis=0)

    def rmsprop(self):
        for k in self.params:
            g = self.grads[k]
            self.square_avg[k] = self.alpha * self.square_avg[k] + (1 - self.alpha) * g ** 2
            self.params[k] = self.params[k] - self.lr * g / (np.sqrt(self.square_avg[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.rmsprop()
        return loss
