"""Three-class classifier in NumPy: 5 -> 12 tanh -> 3 softmax, cross-entropy summed over the
batch, plain gradient descent. Summed losses give large gradients early on, so every step
rescales all the gradients together to a global L2 norm of at most MAX_NORM (clip by global
norm, as in Pascanu et al.) before the update.

    X: (n, 5), y: one-hot (n, 3)
"""

import numpy as np

MAX_NORM = 2.0


class ClusterClassifier:
    def __init__(self, n_in=5, hidden=12, n_classes=3, lr=0.05, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.sum(y * log_p)

        d_z = np.exp(log_p) - y
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}

        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for name, g in grads.items():
            g *= scale
            setattr(self, name, getattr(self, name) - self.lr * g)
        self.grads = grads
        return float(loss)
