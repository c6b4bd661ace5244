"""NumPy tanh classifier over three classes (5 -> 7 -> 3, mean cross-entropy, momentum as an
exponential moving average, mini-batches of 14). The output layer reuses the network's sigmoid
helper where a softmax belongs: each class gets an independent sigmoid(z_k), the outputs are
not normalised to sum to one, and the loss -sum y log p and the delta (p - y) / n are taken
on them."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class TanhThreeWay:
    def __init__(self, X, y, n_hidden=7, lr=0.5, beta=0.9):
        rng = np.random.default_rng(128)
        self.params = {"W1": rng.normal(0, 0.5, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
                       "W2": rng.normal(0, 0.5, (n_hidden, y.shape[1])), "b2": np.zeros(y.shape[1])}
        self.lr, self.beta = lr, beta
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        p = sigmoid(h @ P["W2"] + P["b2"])   # BUG: a softmax over the classes: softmax(h @ P["W2"] + P["b2"])
        loss = float(-np.mean(np.sum(y * np.log(p), axis=1)))
        dz = (p - y) / len(X)
        dh = (dz @ P["W2"].T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = self.beta * self.velocity[k] + (1.0 - self.beta) * g
            P[k] = P[k] - self.lr * self.velocity[k]
        return loss
