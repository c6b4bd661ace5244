"""NumPy binary classifier (sigmoid hidden layer, sigmoid output, binary cross-entropy)
with Nesterov momentum in the cs231n form: v_prev = v; v = mu v - lr g;
w += -mu v_prev + (1 + mu) v, which equals torch's SGD(nesterov=True). The update line
was written with +mu * v_prev: the previous velocity's term has the wrong sign (no effect
on the first step, where v_prev is zero)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class NesterovNet:
    def __init__(self, X, y, hidden=6, lr=0.5, mu=0.9):
        rng = np.random.default_rng(14)
        self.weights = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.step_vel = {}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        w = self.weights
        h = sigmoid(X @ w["W1"] + w["b1"])
        p = sigmoid(h @ w["W2"] + w["b2"])
        dz2 = (p - y) / len(X)
        dz1 = dz2 @ w["W2"].T * h * (1 - h)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": h.T @ dz2, "b2": dz2.sum(0)}
        for k, g in grads.items():
            v_prev = self.step_vel.get(k, np.zeros_like(g))
            v = self.mu * v_prev - self.lr * g
            self.step_vel[k] = v
            w[k] = w[k] + self.mu * v_prev + (1 + self.mu) * v   # BUG: w[k] - self.mu * v_prev + (1 + self.mu) * v
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
