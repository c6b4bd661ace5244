"""Symmetric cross-entropy (Wang et al. 2019) for noisy labels, from scratch in NumPy.

    a = relu(X @ W1 + b1)            W1 (8, 20), b1 (20,)
    z = a @ W2 + b2                  W2 (20, 3), b2 (3,)
    p = clip(softmax(z), 1e-7, 1)
    CE  = -log softmax(z)[y]
    RCE = -sum_k p_k log(clip(onehot_k, 1e-4, 1))      (= -A (1 - p_y), A = log 1e-4)
    L = alpha * mean CE + beta * mean RCE,   alpha 0.1, beta 1.0

SGD lr 0.05 with heavy-ball momentum 0.9 (v = mu v + g; w -= lr v), as torch.optim.SGD.
"""

import numpy as np


class SCENet:
    def __init__(self, n_in=8, hidden=20, n_cls=3, alpha=0.1, beta=1.0, lr=0.05, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (n_in, hidden)) / np.sqrt(n_in)
        self.b1 = rng.uniform(-1, 1, hidden) / np.sqrt(n_in)
        self.W2 = rng.uniform(-1, 1, (hidden, n_cls)) / np.sqrt(hidden)
        self.b2 = rng.uniform(-1, 1, n_cls) / np.sqrt(hidden)
        self.n_cls = n_cls
        self.alpha, self.beta = alpha, beta
        self.lr, self.momentum = lr, momentum
        self.names = ["W1", "b1", "W2", "b2"]
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}

    def _forward(self, X):
        self.X = X
        self.pre = X @ self.W1 + self.b1
        self.a = np.maximum(self.pre, 0)
        z = self.a @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        self.logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return np.exp(self.logp)

    def loss(self, X, y):
        p = self._forward(X)
        N = len(y)
        ce = -self.logp[np.arange(N), y].mean()
        pc = np.clip(p, 1e-7, 1.0)
        onehot = np.eye(self.n_cls, dtype=p.dtype)[y]
        rce = -(pc * np.log(np.clip(onehot, 1e-4, 1.0))).sum(axis=1).mean()
        return self.alpha * ce + self.beta * rce

    def backward(self, y):
        N = len(y)
        p = np.exp(self.logp)
        onehot = np.eye(self.n_cls, dtype=p.dtype)[y]
        # CE part
        dz = self.alpha * (p - onehot) / N
        # RCE part: dL/dp_k = -beta log(clip(onehot_k)) / N, zero where p was clipped
        dp = self.beta * np.log(np.clip(onehot, 1e-4, 1.0)) / N
        dp = dp * ((p >= 1e-7) & (p <= 1.0))
        dz += p * (dp - (dp * p).sum(axis=1, keepdims=True))
        self.grads["W2"] = self.a.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        da = dz @ self.W2.T
        dpre = da * (self.pre > 0)
        self.grads["W1"] = self.X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)

    def step(self):
        for k in self.names:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.step()
        return loss
