"""NumPy sigmoid / softmax classifier (4 -> 6 -> 3, mean cross-entropy, plain gradient descent,
mini-batches of 12), layers a list of [W, b] pairs. The backward loop was vectorised from a
per-sample version in which delta had one row, and it still takes the bias gradient as
delta[0]: each bias gets the first row's delta only, instead of the sum over the batch's
rows, in both layers."""

import numpy as np


class SigmoidSoftmax:
    def __init__(self, X, y, n_hidden=6, lr=0.5):
        rng = np.random.default_rng(140)
        sizes = [X.shape[1], n_hidden, y.shape[1]]
        self.layers = [[rng.normal(0, 0.5, (a, b)), np.zeros(b)] for a, b in zip(sizes, sizes[1:])]
        self.lr = lr

    def train_batch(self, X, y):
        (W1, b1), (W2, b2) = self.layers
        a1 = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
        z2 = a1 @ W2 + b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = float(-np.mean(np.sum(y * np.log(p), axis=1)))
        acts = [X, a1]
        delta = (p - y) / len(X)
        grads = [None, None]
        for i in (1, 0):
            grads[i] = (acts[i].T @ delta, delta[0])   # BUG: sum over the batch's rows: delta.sum(axis=0)
            if i:
                delta = (delta @ self.layers[i][0].T) * acts[i] * (1 - acts[i])
        for layer, (gW, gb) in zip(self.layers, grads):
            layer[0] -= self.lr * gW
            layer[1] -= self.lr * gb
        return loss
