"""Mixup with label smoothing: a one-hidden-layer tanh MLP classifier, from scratch in NumPy.

Each step t takes its mixing coefficient lam = LAM[t] and row permutation perm = PERM[t]
from mixup_mix.npz (nothing random while training):

    T    = (1 - eps) * onehot(y) + eps / K              label smoothing, eps = 0.1, K = 4
    Xm   = lam * X + (1 - lam) * X[perm]
    Tm   = lam * T + (1 - lam) * T[perm]
    h    = tanh(Xm @ W1 + b1)                           (N, 16)
    z    = h @ W2 + b2                                  (N, 4)
    loss = mean_n( -sum_k Tm[n, k] * log_softmax(z)[n, k] )

SGD with Nesterov momentum and coupled weight decay, as torch.optim.SGD(lr=0.1,
momentum=0.9, nesterov=True, weight_decay=1e-3):

    g = grad + wd * p;  v = mu * v + g;  p -= lr * (g + mu * v)

Parameters self.params: W1 (6, 16), b1 (16,), W2 (16, 4), b2 (4,); gradients self.grads
(of the loss alone, without the decay); momentum buffers self.velocity.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "mixup_mix.npz"))
LAM = _MIX["lam"].tolist()
PERM = _MIX["perm"]


class MixupMLP:
    def __init__(self, n_in=6, hidden=16, n_classes=4, lr=0.1, momentum=0.9, weight_decay=1e-3,
                 smoothing=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_classes)) / np.sqrt(hidden),
            "b2": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.K = n_classes
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.eps = smoothing
        self.t = 0

    def _batch(self, X, y):
        """The mixed inputs and soft targets of the current step."""
        dtype = self.params["W1"].dtype
        lam = LAM[self.t % len(LAM)]
        perm = PERM[self.t % len(PERM)]
        X = np.asarray(X, dtype=dtype)
        T = np.full((len(y), self.K), self.eps / self.K, dtype=dtype)
        T[np.arange(len(y)), y] += 1.0 - self.eps
        Xm = lam * X + (1.0 - lam) * X[perm]
        Tm = lam * T + (1.0 - lam) * T[perm]
        return Xm, Tm

    def _forward(self, Xm):
        p = self.params
        h = np.tanh(Xm @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return h, logp

    def loss(self, X, y):
        Xm, Tm = self._batch(X, y)
        _, logp = self._forward(Xm)
        return -(Tm * logp).sum(axis=1).mean()

    def train_step(self, X, y):
        p = self.params
        Xm, Tm = self._batch(X, y)
        h, logp = self._forward(Xm)
        N = Xm.shape[0]
        loss = -(Tm * logp).sum(axis=1).mean()

        dz = (np.exp(logp) - Tm) / N
        self.grads["W2"] = h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dh = dz @ p["W2"].T
        da = dh * (1.0 - h ** 2)
        self.grads["W1"] = Xm.T @ da
        self.grads["b1"] = da.sum(axis=0)

        for k in p:
            g = self.grads[k] + self.wd * p[k]
            p[k] -= self.lr * (g + self.mu * self.velocity[k])
            self.velocity[k] = self.mu * self.velocity[k] + g
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(HERE, "mixup.npz"))
    net = MixupMLP()
    for s in range(20):
        print(s, net.train_step(d["X"], d["y"]))
