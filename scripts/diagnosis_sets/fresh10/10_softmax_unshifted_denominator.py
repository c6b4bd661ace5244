"""NumPy ReLU classifier with two hidden layers (6 -> 10 -> 8 -> 4, softmax output, mean
cross-entropy, Nesterov momentum in torch's form, mini-batches of 16). The softmax was
half-converted to the stable form: the numerator is exp(z - max) but the denominator still
sums the unshifted exp(z), so every row's 'probabilities' are scaled by exp(-max) and do not
sum to one; the delta p - y is built from them."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / np.exp(z).sum(axis=1, keepdims=True)   # BUG: normalise by the shifted sum: e / e.sum(axis=1, keepdims=True)


class DeepSoftmax:
    def __init__(self, X, y, widths=(10, 8), lr=0.05, mu=0.9):
        rng = np.random.default_rng(10)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.W1, self.W2, self.W3 = (rng.normal(0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(dims, dims[1:]))
        self.b1, self.b2, self.b3 = (np.zeros(b) for b in dims[1:])
        self.lr, self.mu = lr, mu
        self.buf = {}

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h1 = np.maximum(z1, 0)
        z2 = h1 @ self.W2 + self.b2
        h2 = np.maximum(z2, 0)
        p = softmax(h2 @ self.W3 + self.b3)
        loss = float(-np.mean(np.sum(y * np.log(p), axis=1)))
        d3 = (p - y) / len(X)
        d2 = (d3 @ self.W3.T) * (z2 > 0)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        grads = {"W3": h2.T @ d3, "b3": d3.sum(0), "W2": h1.T @ d2, "b2": d2.sum(0),
                 "W1": X.T @ d1, "b1": d1.sum(0)}
        for name, g in grads.items():
            b = self.buf.setdefault(name, np.zeros_like(g))
            b *= self.mu
            b += g
            setattr(self, name, getattr(self, name) - self.lr * (g + self.mu * b))
        return loss
