"""ReLU / softmax classifier in NumPy working from integer class labels: 6 -> 10 ReLU -> 10 ReLU
-> 3 softmax, mean cross-entropy, Adam. The labels come from the one-hot targets with argmax;
the log-probability of each row's label is read with np.take_along_axis and the -1 of the
gradient written back with np.put_along_axis. Layers are dicts in a list, and every update is
made in place on the arrays (np.multiply / np.subtract with out=).
"""

import numpy as np


class IndexedSoftmaxNet:
    def __init__(self, sizes=(6, 10, 10, 3), lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=17):
        rng = np.random.default_rng(seed)
        self.layers = [{"W": rng.normal(0.0, np.sqrt(2.0 / a), (a, b)), "b": np.zeros((1, b))}
                       for a, b in zip(sizes[:-1], sizes[1:])]
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.moments = [{k: (np.zeros_like(v), np.zeros_like(v)) for k, v in layer.items()} for layer in self.layers]
        self.t = 0

    def train_step(self, X, y):
        n = X.shape[0]
        labels = np.argmax(y, axis=1)[:, None]          # (n, 1) int64
        inputs, pre = [], []
        a = X
        for i, layer in enumerate(self.layers):
            inputs.append(a)
            z = a @ layer["W"] + layer["b"]
            pre.append(z)
            a = np.maximum(z, 0.0) if i < len(self.layers) - 1 else z
        log_p = a - np.logaddexp.reduce(a, axis=1, keepdims=True)
        loss = -np.mean(np.take_along_axis(log_p, labels, axis=1))

        d = np.exp(log_p)
        np.put_along_axis(d, labels, np.take_along_axis(d, labels, axis=1) - 1.0, axis=1)
        d /= n
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            grads[i] = {"W": inputs[i].T @ d, "b": np.add.reduce(d, axis=0, keepdims=True)}
            if i > 0:
                d = (d @ self.layers[i]["W"].T) * (pre[i - 1] > 0)

        self.t += 1
        c1, c2 = 1 - self.beta1 ** self.t, 1 - self.beta2 ** self.t
        for layer, moments, g in zip(self.layers, self.moments, grads):
            for k, param in layer.items():
                m, v = moments[k]
                np.multiply(m, self.beta1, out=m)
                m += (1 - self.beta1) * g[k]
                np.multiply(v, self.beta2, out=v)
                v += (1 - self.beta2) * g[k] ** 2
                np.subtract(param, self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps), out=param)
        return float(loss)
