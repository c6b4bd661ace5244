"""Residual MLP classifier in NumPy, helpers in the style of the deeplearning.ai course:

    h1 = relu(X W1 + b1)              5 -> 10
    h2 = h1 + relu(h1 W2 + b2)        a residual block, 10 -> 10
    p  = softmax(h2 W3 + b3)          10 -> 3

mean cross-entropy, heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: (n, 5), y: one-hot (n, 3)
"""

import numpy as np


def relu(Z):
    return np.maximum(0, Z)


def relu_backward(dA, Z):
    dZ = dA   # BUG: dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


class ResidualClassifier:
    def __init__(self, n_in=5, width=10, n_classes=3, lr=0.1, mu=0.9, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, width)),
            "b1": np.zeros(width),
            "W2": rng.normal(0.0, np.sqrt(1.0 / width), (width, width)),
            "b2": np.zeros(width),
            "W3": rng.normal(0.0, np.sqrt(1.0 / width), (width, n_classes)),
            "b3": np.zeros(n_classes),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        Z1 = X @ p["W1"] + p["b1"]
        H1 = relu(Z1)
        Z2 = H1 @ p["W2"] + p["b2"]
        H2 = H1 + relu(Z2)
        Z3 = H2 @ p["W3"] + p["b3"]
        E = np.exp(Z3 - Z3.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(P), axis=1))

        dZ3 = (P - y) / len(X)
        dH2 = dZ3 @ p["W3"].T
        dZ2 = relu_backward(dH2, Z2)
        dH1 = dH2 + dZ2 @ p["W2"].T
        dZ1 = relu_backward(dH1, Z1)
        grads = {
            "W3": H2.T @ dZ3, "b3": dZ3.sum(axis=0),
            "W2": H1.T @ dZ2, "b2": dZ2.sum(axis=0),
            "W1": X.T @ dZ1, "b1": dZ1.sum(axis=0),
        }
        self.grads = grads
        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
