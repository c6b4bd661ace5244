"""concrete_numpy.py written differently: the momentum step kept as a displacement,
delta = mu * delta - lr * grad; theta += delta (the same steps as torch.optim.SGD's momentum for a
constant learning rate), the selection matrix and its backward written with einsum, the
temperature schedule precomputed.

Parameters: self.params = {alpha (k, D), W1 (k, H), b1 (H,), W2 (H, D), b2 (D,)}.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class ConcreteAE:
    def __init__(self, D=10, k=4, H=12, tau0=2.0, tau_end=0.2, total_steps=20,
                 lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "alpha": rng.normal(0, 0.5, (k, D)),
            "W1": rng.normal(0, 1 / math.sqrt(k), (k, H)),
            "b1": np.full(H, 0.1),
            "W2": rng.normal(0, 1 / math.sqrt(H), (H, D)),
            "b2": np.zeros(D),
        }
        self.grads = {}
        self.delta = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.noise = np.load(os.path.join(HERE, "concrete.npz"))["gumbel"]
        self.schedule = [tau0 * math.pow(tau_end / tau0, t / total_steps) for t in range(10000)]
        self.lr, self.mu = lr, momentum
        self.it = 0

    def loss_and_grads(self, X, y):
        a, W1, b1, W2, b2 = (self.params[n] for n in ("alpha", "W1", "b1", "W2", "b2"))
        tau = self.schedule[self.it]
        logits = (a + self.noise[self.it % self.noise.shape[0]].astype(a.dtype)) / tau
        logits = logits - logits.max(axis=1, keepdims=True)
        M = np.exp(logits)
        M /= M.sum(axis=1, keepdims=True)
        S = np.einsum("nd,kd->nk", X, M)
        pre = S @ W1 + b1
        mask = (pre > 0).astype(pre.dtype)
        h = pre * mask
        r = h @ W2 + b2 - y
        loss = (r * r).mean()
        dr = (2.0 / r.size) * r
        dpre = (dr @ W2.T) * mask
        dM = np.einsum("nk,nd->kd", dpre @ W1.T, X)
        dlog = M * dM - M * np.einsum("kd,kd->k", M, dM)[:, None]
        self.grads = {"alpha": dlog / tau, "W1": S.T @ dpre, "b1": dpre.sum(0),
                      "W2": h.T @ dr, "b2": dr.sum(0)}
        return loss

    def loss(self, X, y):
        saved = self.grads
        value = self.loss_and_grads(X, y)
        self.grads = saved
        return value

    def train_step(self, X, y):
        loss = self.loss_and_grads(X, y)
        for n in self.params:
            self.delta[n] = self.mu * self.delta[n] - self.lr * self.grads[n]
            self.params[n] += self.delta[n]
        self.it += 1
        return float(loss)
