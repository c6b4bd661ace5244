"""Three-class classifier in NumPy: 4 -> 10 tanh -> 3, log-softmax through a log-sum-exp with
the row max subtracted and added back, mean cross-entropy, plain gradient descent at 0.1.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.1


class BlobSoftmax:
    def __init__(self, n_in=4, hidden=10, n_classes=3, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        m = z.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        log_p = z - lse
        loss = -np.mean(np.sum(y * log_p, axis=1))

        d_z = (np.exp(log_p) - y) / len(X)
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_z)
        self.b2 -= LR * d_z.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        return float(loss)
