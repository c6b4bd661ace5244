"""The normalised RBF classifier of rbf_cls_numpy.py written another way (correct).

The normalised activations as a softmax over the centres of the log-kernels
z = -0.5 d2 exp(-2 log_s), so the normalisation's backward is the softmax
Jacobian-vector product g * (dg - sum(dg * g)); Adam written with the bias
corrections folded into the step size, lr sqrt(1 - b2^t) / (1 - b1^t), and
eps scaled by sqrt(1 - b2^t) to match m_hat / (sqrt(v_hat) + eps) exactly.

Parameters (self.params): C (12, 2), log_s (12,), W (12, 3), b (3,).
Adam state: self.m, self.v, self.t.
"""

import math
import os

import numpy as np


class RBFClassifierSoftmax:
    def __init__(self, n_in=2, n_centres=12, classes=3, lr=0.02, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "C": rng.standard_normal((n_centres, n_in)),
            "log_s": np.log(0.7 + 0.6 * rng.random(n_centres)),
            "W": rng.standard_normal((n_centres, classes)) * 0.5,
            "b": np.zeros(classes),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr, self.b1, self.b2, self.eps = lr, 0.9, 0.999, 1e-8

    @staticmethod
    def softmax(a):
        e = np.exp(a - a.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def forward(self, X):
        p = self.params
        diff = X[:, None, :] - p["C"]
        d2 = np.einsum("nkd,nkd->nk", diff, diff)
        inv_var = np.exp(-2 * p["log_s"])
        g = self.softmax(-0.5 * d2 * inv_var)
        return g @ p["W"] + p["b"], (diff, d2, inv_var, g)

    def loss(self, X, y):
        probs = self.softmax(self.forward(X)[0])
        return -np.log(probs[np.arange(len(y)), y]).mean()

    def train_step(self, X, y):
        p = self.params
        logits, (diff, d2, inv_var, g) = self.forward(X)
        probs = self.softmax(logits)
        N = len(y)
        loss = -np.log(probs[np.arange(N), y]).mean()
        onehot = np.eye(probs.shape[1], dtype=probs.dtype)[y]
        dlogits = (probs - onehot) / N
        grads = {"W": g.T @ dlogits, "b": dlogits.sum(axis=0)}
        dg = dlogits @ p["W"].T
        dz = g * (dg - (dg * g).sum(axis=1, keepdims=True))
        grads["log_s"] = np.einsum("nk,nk->k", dz, d2) * inv_var
        grads["C"] = np.einsum("nk,nkd->kd", dz, diff) * inv_var[:, None]
        self.grads = grads

        self.t += 1
        bc1 = 1 - self.b1 ** self.t
        bc2 = 1 - self.b2 ** self.t
        step_size = self.lr * math.sqrt(bc2) / bc1
        eps_hat = self.eps * math.sqrt(bc2)
        for k in p:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * grads[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * grads[k] ** 2
            p[k] -= step_size * self.m[k] / (np.sqrt(self.v[k]) + eps_hat)
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_cls.npz"))
    X, y = data["X"], data["y"]
    net = RBFClassifierSoftmax()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
