"""The multi-label classifier of multilabel_numpy.py written another way: the layers as a list of
(weight, bias) pairs, a numerically stable BCE written with np.log1p/np.exp branches, the logit
gradient as (1 + (pw - 1) y) s - pw y, and Adagrad accumulated in place with np.add(out=).

Parameters: self.layers[i][0] (weights, (in, out)), self.layers[i][1] (biases);
accumulators self.acc (keyed W1, b1, W2, b2), gradients self.grads (same keys).
"""

import numpy as np


def softplus(z):
    # log(1 + exp(z)) without overflow
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


class MultiLabelLayers:
    def __init__(self, sizes=(8, 20, 5), pos_weight=(1.1, 2.6, 2.6, 0.55, 5.7), lr=0.1,
                 weight_decay=1e-3, eps=1e-10, seed=7):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            W = (rng.standard_normal((fan_in, fan_out)) * np.sqrt(1.0 / fan_in)).astype(np.float32)
            b = (0.01 * rng.standard_normal(fan_out)).astype(np.float32)
            self.layers.append([W, b])
        self.pw = np.asarray(pos_weight, dtype=np.float32)
        self.lr, self.wd, self.eps = lr, weight_decay, eps
        self.acc = {f"{n}{i + 1}": np.zeros_like(a)
                    for i, layer in enumerate(self.layers) for n, a in zip("Wb", layer)}
        self.grads = {}

    def _forward(self, X):
        acts = [X]
        a = X
        for i, (W, b) in enumerate(self.layers):
            z = a @ W + b
            a = np.maximum(z, 0) if i < len(self.layers) - 1 else z
            acts.append(a)
        return acts

    def _bce(self, z, y):
        # -log s(z) = softplus(-z), -log(1 - s(z)) = softplus(z)
        return (self.pw * y * softplus(-z) + (1 - y) * softplus(z)).mean()

    def loss(self, X, y):
        return self._bce(self._forward(X)[-1], y)

    def train_step(self, X, y):
        acts = self._forward(X)
        z = acts[-1]
        loss = self._bce(z, y)
        s = 0.5 * (1 + np.tanh(0.5 * z))                  # sigmoid
        delta = ((1 + (self.pw - 1) * y) * s - self.pw * y) / z.size
        for i in reversed(range(len(self.layers))):
            W, b = self.layers[i]
            self.grads[f"W{i + 1}"] = acts[i].T @ delta
            self.grads[f"b{i + 1}"] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ W.T) * (acts[i] > 0)
        for i, layer in enumerate(self.layers):
            for j, n in enumerate("Wb"):
                key = f"{n}{i + 1}"
                p = layer[j]
                g = self.grads[key] + self.wd * p
                np.add(self.acc[key], g * g, out=self.acc[key])
                p -= self.lr * g / (np.sqrt(self.acc[key]) + self.eps)
        return float(loss)
