"""Two sigmoid hidden layers of equal width, trained in a loop over layers. In the backward
loop the sigmoid derivative is taken of the activation one layer up (acts[i + 1]) instead of
the layer's own (acts[i]); the equal widths (and broadcasting of the (n, 1) output) let the
shapes fit."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DeepSigmoid:
    def __init__(self, X, y, sizes=(6, 6), lr=0.5):
        rng = np.random.default_rng(2)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.W = [rng.normal(0, 0.5, (a, b)) for a, b in zip(dims[:-1], dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.lr = lr

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.W, self.b):
            acts.append(sigmoid(acts[-1] @ W + b))
        out = acts[-1]
        delta = 2 * (out - y) * out * (1 - out)
        grads_W, grads_b = [None] * len(self.W), [None] * len(self.b)
        for i in reversed(range(len(self.W))):
            grads_W[i] = acts[i].T @ delta
            grads_b[i] = delta.sum(axis=0)
            if i > 0:
                a = acts[i + 1]     # BUG: off by one: the layer's own activation is acts[i]
                delta = (delta @ self.W[i].T) * a * (1 - a)
        for i in range(len(self.W)):
            self.W[i] -= self.lr * grads_W[i]
            self.b[i] -= self.lr * grads_b[i]
        return float(np.sum((out - y) ** 2))
