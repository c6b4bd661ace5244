"""A time-dependent neural ODE classifier integrated with explicit Euler, from scratch in NumPy.

    h_0      = X @ A + a                                   lift 2 -> 6
    f(h, t)  = tanh([h, t] @ W1 + b1) @ W2 + b2            the field sees the time as a 7th input
    K = 5 Euler steps, dt = 1/K, t_k = k dt (k = 0..K-1):  h_{k+1} = h_k + dt f(h_k, t_k)
    logits   = h_K @ C + c                                 readout 6 -> 3
    loss     = softmax cross-entropy, mean over the batch

Backward by hand through every Euler step. SGD with momentum 0.9 as torch.optim.SGD
(v = mu v + g; p -= lr v), lr 0.1. Parameters are attributes; self.grads and
self.velocity are dicts keyed by the attribute names.
"""

import math

import numpy as np

PARAMS = ("A", "a", "W1", "b1", "W2", "b2", "C", "c")


class EulerODEClassifier:
    def __init__(self, n_in=2, state=6, width=16, n_cls=3, steps=5, lr=0.1, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)

        def init(fan_in, *shape):
            b = 1.0 / math.sqrt(fan_in)
            return rng.uniform(-b, b, shape)

        self.A, self.a = init(n_in, n_in, state), init(n_in, state)
        self.W1, self.b1 = init(state + 1, state + 1, width), init(state + 1, width)
        self.W2, self.b2 = init(width, width, state), init(width, state)
        self.C, self.c = init(state, state, n_cls), init(state, n_cls)
        self.steps = steps
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        self.grads = {}

    def forward(self, X):
        N = X.shape[0]
        dt = 1.0 / self.steps
        h = X @ self.A + self.a
        self.cache = []
        for k in range(self.steps):
            t = np.full((N, 1), k * dt, dtype=h.dtype)
            u = np.concatenate([h, t], axis=1)
            s = np.tanh(u @ self.W1 + self.b1)
            f = s @ self.W2 + self.b2
            self.cache.append((u, s))
            h = h + dt * f
        self.hK = h
        return h @ self.C + self.c

    def _probs(self, logits):
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        X = np.asarray(X, dtype=self.A.dtype)
        P = self._probs(self.forward(X))
        return float(-np.mean(np.log(P[np.arange(len(y)), y])))

    def train_step(self, X, y):
        X = np.asarray(X, dtype=self.A.dtype)
        N = X.shape[0]
        d = self.A.shape[1]
        dt = 1.0 / self.steps
        logits = self.forward(X)
        P = self._probs(logits)
        loss = -np.mean(np.log(P[np.arange(N), y]))

        g = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        dlogits = P.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g["C"] = self.hK.T @ dlogits
        g["c"] = dlogits.sum(axis=0)
        dh = dlogits @ self.C.T
        for k in reversed(range(self.steps)):
            u, s = self.cache[k]
            df = dt * dh
            g["W2"] += s.T @ df
            g["b2"] += df.sum(axis=0)
            dz = (df @ self.W2.T) * (1.0 - s * s)
            g["W1"] += u.T @ dz
            g["b1"] += dz.sum(axis=0)
            dh = dh + dz @ self.W1[:d].T
        g["A"] = X.T @ dh
        g["a"] = dh.sum(axis=0)
        self.grads = g

        for k in PARAMS:
            self.velocity[k] = self.momentum * self.velocity[k] + (1.0 - self.momentum) * g[k]
            p = getattr(self, k)
            p -= self.lr * self.velocity[k]
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "euler.npz"))
    net = EulerODEClassifier()
    for s in range(300):
        l = net.train_step(d["X"], d["y"])
        if s % 30 == 0:
            print(s, l)
