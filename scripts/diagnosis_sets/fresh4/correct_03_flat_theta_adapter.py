"""Correct NumPy network in an unusual style, driven through the adapter protocol: every
parameter is a view into one flat vector theta (the gradient is a flat vector too, with the
same views), ReLU hidden layer, the output kept as a logit and binary cross-entropy written
stably with np.logaddexp, Nesterov momentum in torch's form on the flat vectors."""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


class FlatTheta:
    def __init__(self, X, y, hidden=6, lr=0.1, mu=0.9):
        self.shapes = {"W1": (X.shape[1], hidden), "b1": (hidden,), "W2": (hidden, 1), "b2": (1,)}
        rng = np.random.default_rng(19)
        self._build(rng.normal(0, 0.5, sum(int(np.prod(s)) for s in self.shapes.values())))
        self.lr, self.mu = lr, mu

    def _build(self, theta):
        self.theta = theta
        old = getattr(self, "velocity", None)
        if old is None or old.shape != theta.shape or old.dtype != theta.dtype:
            self.velocity = np.zeros_like(theta)
        self.view = self._views(self.theta)

    def _views(self, flat):
        out, at = {}, 0
        for k in NAMES:
            size = int(np.prod(self.shapes[k]))
            out[k] = flat[at:at + size].reshape(self.shapes[k])
            at += size
        return out

    def get_params(self):
        return {k: v.copy() for k, v in self.view.items()}

    def set_params(self, params):
        self._build(np.concatenate([np.asarray(params[k]).ravel() for k in NAMES]))

    def step(self, X, y):
        P = self.view
        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0)
        z2 = h @ P["W2"] + P["b2"]
        loss = float(np.mean(np.logaddexp(0, z2) - y * z2))
        n = X.shape[0]
        grad = np.zeros_like(self.theta)
        G = self._views(grad)
        d2 = (1.0 / (1.0 + np.exp(-z2)) - y) / n
        d1 = (d2 @ P["W2"].T) * (z1 > 0)
        G["W2"][...] = h.T @ d2
        G["b2"][...] = d2.sum(axis=0)
        G["W1"][...] = X.T @ d1
        G["b1"][...] = d1.sum(axis=0)
        self.velocity = self.mu * self.velocity + grad
        self.theta -= self.lr * (grad + self.mu * self.velocity)
        return loss
