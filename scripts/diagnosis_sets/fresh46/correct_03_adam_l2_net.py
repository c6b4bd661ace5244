"""Regression network from scratch with Adam and an L2 term in the gradient (g + WD * p, the
coupled weight decay of torch.optim.Adam), in a functional style: a parameter tuple, a pure
gradient function, Adam's moments in dicts, the bias corrections folded into the step size
(lr * sqrt(1 - b2^t) / (1 - b1^t)) with eps scaled to match. 5 -> 8 tanh -> 1, mean squared error.
"""

import numpy as np

WD = 0.05
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def gradients(params, X, y):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    h = np.tanh(X @ W1 + b1)
    out = h @ W2 + b2
    d_out = 2 * (out - y) / out.size
    d_z1 = (d_out @ W2.T) * (1 - h ** 2)
    return np.mean((out - y) ** 2), {"W1": X.T @ d_z1, "b1": d_z1.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}


class AdamL2Net:
    def __init__(self, n_in=5, hidden=8, lr=0.01, seed=23):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0, 0.4, (n_in, hidden)), "b1": np.zeros(hidden),
                       "W2": rng.normal(0, 0.4, (hidden, 1)), "b2": np.zeros(1)}
        self.lr = lr
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        loss, grads = gradients(self.params, X, y)
        self.t += 1
        c1, c2 = 1 - BETA1 ** self.t, 1 - BETA2 ** self.t
        for k, p in self.params.items():
            g = grads[k] + WD * p
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g * g
            p -= self.lr / c1 * self.m[k] / (np.sqrt(self.v[k]) / np.sqrt(c2) + EPS)
        self.grads = grads
        return float(loss)
