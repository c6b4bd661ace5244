"""A bilinear interaction classifier with inverted dropout, from scratch in NumPy.

Each row of X holds a first input (5), a second input v (4) and a dropout
keep-mask (6, zeros and ones drawn once by make_data.py, keep probability 0.75),
so that the NumPy program and its port drop the same units.

    u      = tanh(x @ A + a)                          (N, 6)    encoder of the first input
    z[n,k] = u[n] @ W[k] @ v[n] + b[k]                (N, 6)    bilinear layer, W (6, 6, 4)
                                                                 laid out as nn.Bilinear's weight
    h      = relu(z) * mask / keep                    (N, 6)    inverted dropout
    logit  = h @ V + c                                (N, 1)
    loss   = mean binary cross-entropy of sigmoid(logit) against y

SGD with an L2 penalty folded into the gradient on every parameter, as
torch.optim.SGD(weight_decay=wd) does: p -= lr * (g + wd * p).

Parameters (self.params): A (5, 6), a (6,), W (6, 6, 4), b (6,), V (6, 1), c (1,).
"""

import os

import numpy as np


class BilinearNet:
    def __init__(self, n_x=5, n_v=4, n_u=6, n_out=6, keep=0.75, lr=0.5, weight_decay=0.01,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.n_x, self.n_v = n_x, n_v
        self.keep = keep
        self.params = {
            "A": rng.standard_normal((n_x, n_u)) / np.sqrt(n_x),
            "a": np.zeros(n_u),
            "W": rng.standard_normal((n_out, n_u, n_v)) / np.sqrt(n_u * n_v),
            "b": 0.1 * rng.standard_normal(n_out),
            "V": rng.standard_normal((n_out, 1)) / np.sqrt(n_out),
            "c": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.weight_decay = weight_decay

    def _split(self, X):
        x = X[:, :self.n_x]
        v = X[:, self.n_x:self.n_x + self.n_v]
        mask = X[:, self.n_x + self.n_v:]
        return x, v, mask

    def _forward(self, X):
        p = self.params
        x, v, mask = self._split(X)
        u = np.tanh(x @ p["A"] + p["a"])
        z = np.einsum("ni,kij,nj->nk", u, p["W"], v) + p["b"]
        drop = mask / self.keep
        h = np.maximum(z, 0) * drop
        logit = h @ p["V"] + p["c"]
        return logit, (x, v, drop, u, z, h)

    @staticmethod
    def _bce_with_logits(logit, y):
        # log(1 + exp(-|s|)) + max(s, 0) - s * y, the stable form
        return np.mean(np.logaddexp(0, logit) - logit * y)

    def loss(self, X, y):
        return self._bce_with_logits(self._forward(X)[0], y)

    def backward(self, X, y):
        p, g = self.params, self.grads
        logit, (x, v, drop, u, z, h) = self._forward(X)
        loss = self._bce_with_logits(logit, y)
        N = X.shape[0]

        prob = 1.0 / (1.0 + np.exp(-logit))
        dlogit = (prob - y) / (N * y.shape[1])
        g["V"] = h.T @ dlogit
        g["c"] = dlogit.sum(axis=0)
        dh = dlogit @ p["V"].T
        dz = dh * drop * (z > 0)
        # z[n, k] = sum_ij u[n, i] W[k, i, j] v[n, j]
        g["W"] = np.einsum("ni,nk,nj->kij", dz, u, v)  # fix: g["W"] = np.einsum("nk,ni,nj->kij", dz, u, v)
        g["b"] = dz.sum(axis=0)
        du = np.einsum("nk,kij,nj->ni", dz, p["W"], v)
        dpre = du * (1 - u ** 2)
        g["A"] = x.T @ dpre
        g["a"] = dpre.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * (self.grads[k] + self.weight_decay * p)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bilinear.npz"))
    X, y = data["X"], data["y"]
    net = BilinearNet()
    for epoch in range(100):
        for start in range(0, len(X), 32):
            loss = net.train_step(X[start:start + 32], y[start:start + 32])
        if epoch % 10 == 0 or epoch == 99:
            print(f"epoch {epoch:4d}  loss {loss:.4f}")
