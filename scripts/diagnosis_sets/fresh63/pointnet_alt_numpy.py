"""PointNetClassifier written another way in NumPy: the weights and biases in two lists, the weights
kept (out, in) as torch keeps them, the shared per-point layers applied to the flattened (n * P, 3)
points, the max pooling's backward written with np.take_along_axis / np.put_along_axis on the
argmax, the cross-entropy through a log-sum-exp, and the SGD update a loop over the two lists.

    X: float (n, P, 3)    y: float (n, K) one-hot
"""

import numpy as np

P, C, H, K, LR = 6, 3, 8, 3, 0.5


def linear(a, w, b):
    return a @ w.T + b


class PointNetClassifier:
    def __init__(self, sizes=(C, H, H, K), seed=7):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 0.5, (o, i)) for i, o in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(o) for o in sizes[1:]]

    def train_step(self, X, y):
        n = X.shape[0]
        pts = (X - X.mean(axis=1, keepdims=True)).reshape(n * P, C)
        (w1, w2, w3), (b1, b2, b3) = self.weights, self.biases
        z1 = linear(pts, w1, b1)
        a1 = z1 * (z1 > 0)
        z2 = linear(a1, w2, b2)
        a2 = (z2 * (z2 > 0)).reshape(n, P, H)
        arg = np.argmax(a2, axis=1)[:, None, :]
        pooled = np.take_along_axis(a2, arg, axis=1)[:, 0, :]
        logits = linear(pooled, w3, b3)
        top = logits.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
        loss = float(np.mean(np.sum(y * (lse - logits), axis=1)))

        d3 = (np.exp(logits - lse) - y) / n
        dw = [None, None, d3.T @ pooled]
        db = [None, None, d3.sum(axis=0)]
        dpool = d3 @ w3
        da2 = np.zeros_like(a2)
        np.put_along_axis(da2, arg, dpool[:, None, :], axis=1)
        d2 = da2.reshape(n * P, H) * (z2 > 0)
        dw[1], db[1] = d2.T @ a1, d2.sum(axis=0)
        d1 = (d2 @ w2) * (z1 > 0)
        dw[0], db[0] = d1.T @ pts, d1.sum(axis=0)
        for i in range(len(self.weights)):
            self.weights[i] -= LR * dw[i]
            self.biases[i] -= LR * db[i]
        return loss
