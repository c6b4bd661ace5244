"""Multi-label classification with per-label weighted binary cross-entropy, from scratch in NumPy.

    h = relu(X W1 + b1)                       (N, hidden)
    z = h W2 + b2                             (N, L) one logit per label
    loss = -mean_{n,l} w_l [pw_l y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))]

w (label_weight) weighs each label's term; pw (pos_weight) weighs its positives, as
torch's BCEWithLogitsLoss(weight=..., pos_weight=...) with reduction 'mean' over all
N*L entries. Backward by hand; SGD with momentum 0.9 and L2 weight decay 1e-3 added to
the gradient of every parameter (torch.optim.SGD's form), by hand.

    X: float (N, 8), y: float (N, 5) 0/1 labels.
Parameters (self.params): W1 (8, hidden), b1 (hidden,), W2 (hidden, 5), b2 (5,).
Optimizer state: self.velocity (dict keyed like self.params).
"""

import math

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class MultiLabelNet:
    def __init__(self, n_in=8, hidden=12, n_labels=5, lr=0.2, momentum=0.9, weight_decay=1e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in),
            "b1": np.full(hidden, 0.05),
            "W2": rng.standard_normal((hidden, n_labels)) / math.sqrt(hidden),
            "b2": np.zeros(n_labels),
        }
        self.label_weight = np.array([1.0, 0.5, 2.0, 1.0, 1.5])
        self.pos_weight = np.array([2.0, 1.0, 0.5, 1.5, 4.0])
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def _forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0)
        z = h @ p["W2"] + p["b2"]
        return pre, h, z

    def forward(self, X):
        """Per-label logits, shape (N, L)."""
        return self._forward(X)[2]

    def _bce(self, z, Y):
        log_sig = -np.logaddexp(0.0, -z)            # log sigmoid(z)
        log_one_minus = -np.logaddexp(0.0, z)       # log (1 - sigmoid(z))
        terms = self.pos_weight * Y * log_sig + (1 - Y) * log_one_minus
        return -(self.label_weight * terms).mean()

    def loss(self, X, Y):
        return self._bce(self.forward(X), Y)

    def backward(self, X, Y):
        p = self.params
        N, L = Y.shape
        pre, h, z = self._forward(X)
        loss = self._bce(z, Y)

        sig = sigmoid(z)
        dz = self.label_weight * (sig * (self.pos_weight * Y + 1 - Y) - self.pos_weight * Y) / (N * L)
        self.grads["W2"] = h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dh = dz @ p["W2"].T
        dpre = dh * (pre > 0)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * self.velocity[k]

    def train_step(self, X, Y):
        loss = self.backward(X, Y)
        self.update()
        return float(loss)
