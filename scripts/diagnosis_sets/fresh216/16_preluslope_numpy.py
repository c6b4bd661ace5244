"""SphereFace (A-Softmax, multiplicative angular margin m = 4) with normalised features and
weights and a scale s, from scratch in NumPy.

    x (N, 8) -> z = x @ W1.T + b1 (N, 20) -> PReLU (one shared slope a) -> e = h @ W2.T + b2 (N, 6)
    cos = normalize(e) @ normalize(Wc).T           Wc (classes, 6)
    theta = arccos(cos), k = floor(m theta / pi)   (no gradient through k)
    psi = (-1)^k cos(m theta) - 2k,  cos(4 theta) = 8 c^4 - 8 c^2 + 1 (Chebyshev)
    target logit s * (lam * cos + psi) / (1 + lam), the others s * cos,
    lam = max(lam_min, lam_max / (1 + gamma * it)), it counting training forwards from 1
    (the annealing of the original AngleLoss). Softmax cross-entropy, mean over the batch.

Layers kept in torch layout (out, in) in a list of dicts. SGD momentum 0.9, lr 0.05, halved
every 8 updates (torch's StepLR(step_size=8, gamma=0.5) stepped after each update).
"""

import math

import numpy as np


class SphereFaceNet:
    def __init__(self, n_in=8, hidden=20, embed=6, classes=6, s=6.0, m=4,
                 lam_max=20.0, lam_min=2.0, gamma=0.1, lr=0.05, momentum=0.9,
                 step_size=8, lr_gamma=0.5, seed=2):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"W": rng.normal(0, 1 / math.sqrt(n_in), (hidden, n_in)), "b": np.full(hidden, 0.01)},
            {"W": rng.normal(0, 1 / math.sqrt(hidden), (embed, hidden)), "b": np.zeros(embed)},
        ]
        self.a = np.array([0.25])
        self.Wc = rng.normal(0, 1, (classes, embed))
        self.s, self.m = s, m
        self.lam_max, self.lam_min, self.gamma = lam_max, lam_min, gamma
        self.it = 0
        self.base_lr, self.mu, self.step_size, self.lr_gamma = lr, momentum, step_size, lr_gamma
        self.updates = 0
        self.velocity = [np.zeros_like(p) for p in self.parameters()]

    def parameters(self):
        l1, l2 = self.layers
        return [l1["W"], l1["b"], self.a, l2["W"], l2["b"], self.Wc]

    @staticmethod
    def _normalize(v):
        n = np.sqrt((v ** 2).sum(axis=1, keepdims=True))
        return v / n, n

    def _forward(self, X, y, lam):
        l1, l2 = self.layers
        z = X @ l1["W"].T + l1["b"]
        h = np.where(z > 0, z, self.a * z)
        e = h @ l2["W"].T + l2["b"]
        en, e_len = self._normalize(e)
        wn, w_len = self._normalize(self.Wc)
        c = en @ wn.T
        theta = np.arccos(np.clip(c, -1.0, 1.0))
        k = np.floor(self.m * theta / math.pi)
        sign = 1.0 - 2.0 * (k % 2)                       # (-1)^k
        cos_mt = 8 * c ** 4 - 8 * c ** 2 + 1
        psi = sign * cos_mt - 2 * k
        onehot = np.zeros_like(c)
        onehot[np.arange(len(y)), y] = 1.0
        target = (lam * c + psi) / (1 + lam)
        logits = self.s * np.where(onehot > 0, target, c)
        return logits, (z, h, en, e_len, wn, w_len, c, sign, onehot)

    def _lambda(self):
        return max(self.lam_min, self.lam_max / (1 + self.gamma * self.it))

    @staticmethod
    def _xent(logits, onehot):
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return -np.mean(np.log((p * onehot).sum(axis=1))), p

    def loss(self, X, y):
        """The loss at the lambda the next training step will use."""
        logits, cache = self._forward(X, y, max(self.lam_min, self.lam_max / (1 + self.gamma * (self.it + 1))))
        return self._xent(logits, cache[-1])[0]

    def train_step(self, X, y):
        self.it += 1
        lam = self._lambda()
        logits, (z, h, en, e_len, wn, w_len, c, sign, onehot) = self._forward(X, y, lam)
        loss, p = self._xent(logits, onehot)
        N = X.shape[0]
        l1, l2 = self.layers

        dlogits = (p - onehot) / N
        dpsi = sign * (32 * c ** 3 - 16 * c)
        dc = self.s * dlogits * np.where(onehot > 0, (lam + dpsi) / (1 + lam), 1.0)
        den = dc @ wn
        dwn = dc.T @ en
        de = (den - en * (den * en).sum(axis=1, keepdims=True)) / e_len
        dWc = (dwn - wn * (dwn * wn).sum(axis=1, keepdims=True)) / w_len
        dW2 = de.T @ h
        db2 = de.sum(axis=0)
        dh = de @ l2["W"]
        da = np.array([(dh * z).sum()])
        dz = dh * np.where(z > 0, 1.0, self.a)
        dW1 = dz.T @ X
        db1 = dz.sum(axis=0)

        lr = self.base_lr * self.lr_gamma ** (self.updates // self.step_size)
        grads = [dW1, db1, da, dW2, db2, dWc]
        for i, (param, g) in enumerate(zip(self.parameters(), grads)):
            self.velocity[i] = self.mu * self.velocity[i] + g
            param -= lr * self.velocity[i]
        self.updates += 1
        return float(loss)
