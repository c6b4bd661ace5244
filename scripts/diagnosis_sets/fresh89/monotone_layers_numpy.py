"""The monotone classifier of monotone_numpy.py written another way: the layers as a list of
dicts {"V": raw weight, "b": bias}, softplus written out as max(v, 0) + log1p(exp(-|v|)),
sigmoid as 0.5 (1 + tanh(v / 2)), the cross-entropy as -(y log p + (1 - y) log(1 - p)) on the
probability, a loop over the layers for the backward, the gradients flattened into one vector
with np.concatenate for the global-norm clipping, the momentum buffers as a list of dicts, and
the exponential schedule kept as a running learning rate multiplied by GAMMA after each update.
No gradient dict is kept.

    X: float (n, 4) features on [0, 1], y: float (n,) 0/1 outcomes
"""

import numpy as np

D, H = 4, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3
MAX_NORM, GAMMA = 0.25, 0.9


def softplus(v):
    return np.maximum(v, 0.0) + np.log1p(np.exp(-np.abs(v)))


def sigmoid(v):
    return 0.5 * (1.0 + np.tanh(0.5 * v))


class LayeredMonotoneNet:
    def __init__(self, seed=89):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"V": rng.normal(-1.0, 0.5, (D, H)), "b": rng.normal(0.0, 0.3, H)},
            {"V": rng.normal(-1.0, 0.5, (H, 1)), "b": np.zeros(1)},
        ]
        self.buf = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.lr = LR

    def train_step(self, X, y):
        acts, a = [X], X
        for i, layer in enumerate(self.layers):
            a = a @ softplus(layer["V"]) + layer["b"]
            if i == 0:
                a = np.tanh(a)
            acts.append(a)
        prob = sigmoid(a[:, 0])
        loss = -np.mean(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob))

        delta = ((prob - y) / len(y))[:, None]
        grads = [None, None]
        for i in (1, 0):
            W = softplus(self.layers[i]["V"])
            grads[i] = {"V": (acts[i].T @ delta) * sigmoid(self.layers[i]["V"]), "b": delta.sum(axis=0)}
            if i > 0:
                delta = (delta @ W.T) * (1.0 - acts[i] ** 2)

        flat = np.concatenate([g[k].ravel() for g in grads for k in ("V", "b")])
        scale = min(1.0, MAX_NORM / (np.linalg.norm(flat) + 1e-6))

        for layer, g, buf in zip(self.layers, grads, self.buf):
            for k in layer:
                buf[k] = MOMENTUM * buf[k] + scale * g[k] + WD * layer[k]
                layer[k] = layer[k] - self.lr * buf[k]
        self.lr *= GAMMA
        return float(loss)
