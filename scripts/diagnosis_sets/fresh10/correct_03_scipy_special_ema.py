"""Correct NumPy network in an unusual style: two sigmoid hidden layers (6 -> 7 -> 5 -> 3)
through scipy.special.expit, the softmax and the mean cross-entropy through
scipy.special.softmax / log_softmax, parameters in a dict, and momentum as an exponential
moving average of the gradients (v = beta v + (1 - beta) g; W -= lr v); shuffled
mini-batches of 8."""

import numpy as np
from scipy.special import expit, log_softmax, softmax


class ExpitNet:
    def __init__(self, X, y, widths=(7, 5), lr=0.5, beta=0.9):
        rng = np.random.default_rng(193)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.params = {}
        for i, (a, b) in enumerate(zip(dims, dims[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0, 1 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.beta = lr, beta

    def train_step(self, X, y):
        P = self.params
        a1 = expit(X @ P["W1"] + P["b1"])
        a2 = expit(a1 @ P["W2"] + P["b2"])
        z = a2 @ P["W3"] + P["b3"]
        loss = float(-np.mean(np.einsum("ij,ij->i", y, log_softmax(z, axis=1))))
        d3 = (softmax(z, axis=1) - y) / X.shape[0]
        d2 = np.einsum("ik,jk->ij", d3, P["W3"]) * a2 * (1 - a2)
        d1 = np.einsum("ik,jk->ij", d2, P["W2"]) * a1 * (1 - a1)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": a1.T @ d2, "b2": d2.sum(0),
                 "W3": a2.T @ d3, "b3": d3.sum(0)}
        for k, g in grads.items():
            self.velocity[k] = self.beta * self.velocity[k] + (1 - self.beta) * g
            P[k] = P[k] - self.lr * self.velocity[k]
        return loss
