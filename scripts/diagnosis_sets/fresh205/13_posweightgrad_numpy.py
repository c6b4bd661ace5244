"""Multi-label classifier, from scratch in NumPy.

x (8) -> dense 20 + ReLU -> dense 5 logits, one independent sigmoid per label.
Binary cross-entropy on the logits with a positive weight per label (rare labels weigh more),
mean over rows and labels, as nn.BCEWithLogitsLoss(pos_weight=POS_WEIGHT):
    l = -[ pw * y * log s(z) + (1 - y) * log(1 - s(z)) ]
    dl/dz = s(z) * (pw * y + 1 - y) - pw * y
Adagrad written by hand with coupled L2 weight decay, as
torch.optim.Adagrad(lr=0.1, weight_decay=1e-3, eps=1e-10):
    g = grad + wd p;   G += g^2;   p -= lr g / (sqrt(G) + eps)

    X: (N, 8) float, y: (N, 5) in {0, 1}.
Parameters (attributes): W1 (8, 20), b1 (20,), W2 (20, 5), b2 (5,); gradients self.grads,
accumulators self.G (dicts keyed by the attribute names).
"""

import numpy as np

POS_WEIGHT = (1.1, 2.6, 2.6, 0.55, 5.7)     # negatives / positives of each label in the data


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


def sigmoid(z):
    return np.exp(log_sigmoid(z))


class MultiLabelNet:
    names = ("W1", "b1", "W2", "b2")

    def __init__(self, n_in=8, hidden=20, n_labels=5, lr=0.1, weight_decay=1e-3, eps=1e-10,
                 seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = (rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in)).astype(np.float32)
        self.b1 = np.full(hidden, 0.05, dtype=np.float32)
        self.W2 = (rng.standard_normal((hidden, n_labels)) / np.sqrt(hidden)).astype(np.float32)
        self.b2 = np.zeros(n_labels, dtype=np.float32)
        self.pos_weight = np.array(POS_WEIGHT, dtype=np.float32)
        self.lr, self.weight_decay, self.eps = lr, weight_decay, eps
        self.G = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.maximum(self.z1, 0)
        self.logits = self.h @ self.W2 + self.b2
        return self.logits

    def bce(self, logits, y):
        per = -(self.pos_weight * y * log_sigmoid(logits) + (1 - y) * log_sigmoid(-logits))
        return per.mean()

    def loss(self, X, y):
        return self.bce(self.forward(X), y)

    def backward(self, X, y):
        logits = self.forward(X)
        loss = self.bce(logits, y)
        s = sigmoid(logits)
        dlogits = (s - y) / logits.size
        self.grads["W2"] = self.h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ self.W2.T
        dz1 = dh * (self.z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def adagrad(self):
        for k in self.names:
            p = getattr(self, k)
            g = self.grads[k] + self.weight_decay * p
            self.G[k] += g * g
            p -= self.lr * g / (np.sqrt(self.G[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adagrad()
        return float(loss)
