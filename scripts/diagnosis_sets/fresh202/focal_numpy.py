"""Mixup with a class-weighted focal loss: a two-hidden-layer ReLU MLP, from scratch in NumPy.

Each step t takes lam = LAM[t] and perm = PERM[t] from focal_mix.npz:

    Xm   = lam * X + (1 - lam) * X[perm]
    h1   = relu(Xm @ W1 + b1)        (N, 20)
    h2   = relu(h1 @ W2 + b2)        (N, 12)
    z    = h2 @ W3 + b3              (N, 3)
    FL(z, c)[n] = -alpha[c_n] * (1 - p_n)^gamma * log p_n,  p_n = softmax(z)[n, c_n]
    loss = lam * mean_n FL(z, y) + (1 - lam) * mean_n FL(z, y[perm])

gamma = 2, alpha = (0.25, 0.5, 0.75). With q = 1 - p, the focal term's logit gradient is

    dFL/dz_j = alpha_c * (delta_jc - p_j) * (gamma * q^(gamma-1) * p * log p - q^gamma)

Plain (heavy-ball) momentum as torch.optim.SGD(lr=0.05, momentum=0.9):
    v = mu * v + g;  p -= lr * v

Parameters are attributes W1 (8, 20), b1, W2 (20, 12), b2, W3 (12, 3), b3; gradients in
self.grads and momentum buffers in self.vel, dicts keyed by the attribute names.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "focal_mix.npz"))
LAM = _MIX["lam"].tolist()
PERM = _MIX["perm"]

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


class FocalMLP:
    def __init__(self, sizes=(8, 20, 12, 3), gamma=2.0, alpha=(0.25, 0.5, 0.75), lr=0.05,
                 momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        for i in range(3):
            fan_in, fan_out = sizes[i], sizes[i + 1]
            setattr(self, f"W{i + 1}", rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in))
            setattr(self, f"b{i + 1}", 0.01 * rng.standard_normal(fan_out))
        self.alpha = np.array(alpha)
        self.gamma = gamma
        self.lr, self.mu = lr, momentum
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0

    def _mix(self, X):
        lam = LAM[self.t % len(LAM)]
        perm = PERM[self.t % len(PERM)]
        X = np.asarray(X, dtype=self.W1.dtype)
        return lam, perm, lam * X + (1.0 - lam) * X[perm]

    def _forward(self, Xm):
        a1 = Xm @ self.W1 + self.b1
        h1 = np.maximum(a1, 0.0)
        a2 = h1 @ self.W2 + self.b2
        h2 = np.maximum(a2, 0.0)
        z = h2 @ self.W3 + self.b3
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        return (a1, h1, a2, h2), probs

    def _focal(self, probs, c):
        """Mean focal loss against class indices c and its gradient with respect to z."""
        N = len(c)
        rows = np.arange(N)
        p = probs[rows, c]
        q = 1.0 - p
        logp = np.log(p)
        w = self.alpha[c]
        loss = np.mean(-w * q ** self.gamma * logp)
        coef = w * (self.gamma * q ** (self.gamma - 1) * p * logp - q ** self.gamma)
        delta_minus_p = -probs
        delta_minus_p[rows, c] += 1.0
        dz = coef[:, None] * delta_minus_p / N
        return loss, dz

    def loss(self, X, y):
        lam, perm, Xm = self._mix(X)
        _, probs = self._forward(Xm)
        return lam * self._focal(probs, y)[0] + (1.0 - lam) * self._focal(probs, y[perm])[0]

    def train_step(self, X, y):
        lam, perm, Xm = self._mix(X)
        (a1, h1, a2, h2), probs = self._forward(Xm)
        l1, dz1 = self._focal(probs, y)
        l2, dz2 = self._focal(probs, y[perm])
        loss = lam * l1 + (1.0 - lam) * l2
        dz = lam * dz1 + (1.0 - lam) * dz2

        g = self.grads
        g["W3"] = h2.T @ dz
        g["b3"] = dz.sum(axis=0)
        da2 = (dz @ self.W3.T) * (a2 > 0)
        g["W2"] = h1.T @ da2
        g["b2"] = da2.sum(axis=0)
        da1 = (da2 @ self.W2.T) * (a1 > 0)
        g["W1"] = Xm.T @ da1
        g["b1"] = da1.sum(axis=0)

        for k in NAMES:
            self.vel[k] = self.mu * self.vel[k] + g[k]
            setattr(self, k, getattr(self, k) - self.lr * self.vel[k])
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(HERE, "focal.npz"))
    net = FocalMLP()
    for s in range(20):
        print(s, net.train_step(d["X"], d["y"]))
