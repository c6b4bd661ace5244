"""Three-class MLP classifier in NumPy trained with LARS (layer-wise adaptive rate scaling).

6 inputs, one ReLU hidden layer of 16 units, 3 logits, softmax cross entropy averaged over the
rows. The optimizer is LARS with heavy-ball momentum as torch.optim.SGD writes it: for a weight
matrix the direction d = g + WD * w is scaled by the trust ratio
ETA * |w| / (|g| + WD * |w|) (1 where a norm is zero); the biases are left out of both the weight
decay and the trust ratio (d = g). velocity = MOMENTUM * velocity + d, param -= lr * velocity. The
learning rate warms up linearly over WARMUP updates, then follows a half cosine to 0 at update
TOTAL: the t-th update (t = 1, 2, ...) uses lr_at(t).

    X: float (n, 6), y: int (n,) class labels 0..2
"""

import math

import numpy as np

D, HIDDEN, K = 6, 16, 3
LR, MOMENTUM, WD, ETA = 0.2, 0.9, 5e-4, 0.05
WARMUP, TOTAL = 3, 30


def lr_at(t):
    if t <= WARMUP:
        return LR * t / WARMUP
    progress = (t - WARMUP) / (TOTAL - WARMUP)
    return 0.5 * LR * (1.0 + math.cos(math.pi * progress))


class LarsMLP:
    def __init__(self, seed=112):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, np.sqrt(1.0 / HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.maximum(X @ p["W1"] + p["b1"], 0.0)
        logits = h @ p["W2"] + p["b2"]
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        return h, probs

    def loss(self, X, y):
        _, probs = self.forward(X)
        return float(-np.mean(np.log(probs[np.arange(len(y)), y])))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h, probs = self.forward(X)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        g = {}
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g["W2"] = h.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dh = (dlogits @ p["W2"].T) * (h > 0)
        g["W1"] = X.T @ dh
        g["b1"] = dh.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = lr_at(self.t)
        for k in p:
            if k.startswith("W"):
                w_norm = np.linalg.norm(p[k])
                g_norm = np.linalg.norm(g[k])
                d = g[k] + WD * p[k]
                if w_norm > 0 and g_norm > 0:
                    d = d * (ETA * w_norm / (g_norm + WD * w_norm))
            else:
                d = g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
