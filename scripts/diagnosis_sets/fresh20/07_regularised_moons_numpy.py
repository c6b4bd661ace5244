"""Two-moons network with L2 regularisation, as in the deep-learning course assignment:
2 -> 10 ReLU -> 1 sigmoid, cost = cross-entropy + LAMBD / (2 m) * (||W1||^2 + ||W2||^2), the
biases not regularised, batch gradient descent at 0.3."""

import numpy as np

LAMBD = 0.7


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class RegularisedMoons:
    def __init__(self, X, y, hidden=10, lr=0.3, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(2.0 / hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.lr = lr

    def train_step(self, X, y):
        P = self.params
        m = X.shape[0]
        Z1 = X @ P["W1"] + P["b1"]
        A1 = np.maximum(Z1, 0.0)
        A2 = sigmoid(A1 @ P["W2"] + P["b2"])
        cross_entropy = -np.mean(y * np.log(A2) + (1.0 - y) * np.log(1.0 - A2))
        l2 = LAMBD / (2 * m) * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        dZ2 = (A2 - y) / m
        dZ1 = (dZ2 @ P["W2"].T) * (Z1 > 0)
        grads = {
            "W2": A1.T @ dZ2 + LAMBD / m * P["W2"],
            "b2": dZ2.sum(axis=0),
            "W1": X.T @ dZ1 + LAMBD / m * P["W1"],
            "b1": dZ1.sum(axis=0),
        }
        for key in P:
            P[key] -= self.lr * grads[key]
        return float(cross_entropy + l2)
