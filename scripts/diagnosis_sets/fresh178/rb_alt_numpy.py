"""A second NumPy REINFORCE-with-running-baseline, written differently from rb_numpy.py but
computing the same: each weight kept (in, out), the forward and backward as explicit layer
objects, log-softmax through a logsumexp, and RMSprop updating cache and weights in place
(np.multiply / np.add with out=).
"""

import numpy as np


class Dense:
    def __init__(self, rng, n_in, n_out, relu):
        bound = 1.0 / np.sqrt(n_in)
        self.W = rng.uniform(-bound, bound, (n_in, n_out))
        self.b = rng.uniform(-bound, bound, n_out)
        self.relu = relu
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)

    def forward(self, x):
        self.x = x
        z = x @ self.W + self.b
        self.mask = z > 0 if self.relu else None
        return np.where(self.mask, z, 0.0).astype(z.dtype) if self.relu else z

    def backward(self, dout):
        if self.relu:
            dout = dout * self.mask
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class ReinforceAlt:
    def __init__(self, sizes=(5, 16, 16, 3), lr=1e-3, rho=0.9, eps=1e-8, beta=0.02, seed=3):
        rng = np.random.default_rng(seed)
        n = len(sizes) - 1
        self.layers = [Dense(rng, sizes[i], sizes[i + 1], relu=i < n - 1) for i in range(n)]
        self.sq = {}
        self.running_return = 0.0
        self.lr, self.rho, self.eps, self.beta = lr, rho, eps, beta

    @property
    def grads(self):
        return [{"W": l.dW, "b": l.db} for l in self.layers]

    def train_step(self, X, y):
        act = y[:, 0].astype(np.int64)
        G = y[:, 1]
        N, out = X.shape[0], X
        for layer in self.layers:
            out = layer.forward(out)
        mx = out.max(axis=1, keepdims=True)
        logp = out - (mx + np.log(np.sum(np.exp(out - mx), axis=1, keepdims=True)))
        pi = np.exp(logp)
        A = G - self.running_return
        ent = -np.sum(pi * logp, axis=1)
        loss = -np.mean(A * logp[np.arange(N), act]) - self.beta * np.mean(ent)

        grad = pi * A[:, None]
        grad[np.arange(N), act] -= A
        grad += self.beta * pi * (logp + ent[:, None])
        grad /= N
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

        for i, layer in enumerate(self.layers):
            for name in ("W", "b"):
                w, g = getattr(layer, name), getattr(layer, "d" + name)
                s = self.sq.setdefault((i, name), np.zeros_like(w))
                np.multiply(s, self.rho, out=s)
                np.add(s, (1 - self.rho) * g * g, out=s)
                np.subtract(w, self.lr * g / (np.sqrt(s) + self.eps), out=w)

        self.running_return = 0.9 * self.running_return + 0.1 * G.mean()
        return float(loss)
