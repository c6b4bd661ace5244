"""A binary classifier (8 -> 16 tanh -> 1 logit, binary cross-entropy on the logit, mean over
the batch) trained with Lion (Chen et al., 2023), written by hand in NumPy.

Lion, per parameter p with gradient g and momentum m:
    c = b1 m + (1 - b1) g              (interpolation, used only for the sign)
    p = p * (1 - lr * wd)              (decoupled weight decay)
    p = p - lr * sign(c)
    m = b2 m + (1 - b2) g
The layers are a list of dicts {"W": (in, out), "b": (out,)}; momentum and gradients mirror it.
"""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class LionNet:
    def __init__(self, sizes=(8, 16, 1), lr=2e-3, betas=(0.9, 0.99), weight_decay=0.5, seed=2):
        rng = np.random.default_rng(seed)
        self.layers = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            self.layers.append({"W": rng.uniform(-1, 1, (n_in, n_out)) / np.sqrt(n_in),
                                "b": rng.uniform(-0.1, 0.1, n_out)})
        self.momentum = [{k: np.zeros_like(v) for k, v in layer.items()} for layer in self.layers]
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.wd = weight_decay

    def forward(self, X):
        self.acts = [X]
        a = X
        for i, layer in enumerate(self.layers):
            z = a @ layer["W"] + layer["b"]
            a = np.tanh(z) if i < len(self.layers) - 1 else z
            self.acts.append(a)
        return a

    @staticmethod
    def bce_with_logits(z, y):
        return np.mean(np.logaddexp(0.0, z) - y * z)

    def loss(self, X, y):
        return self.bce_with_logits(self.forward(X), y)

    def backward(self, y):
        z = self.acts[-1]
        delta = (sigmoid(z) - y) / z.shape[0]
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            a_prev = self.acts[i]
            grads[i] = {"W": a_prev.T @ delta, "b": delta.sum(axis=0)}
            if i > 0:
                delta = (delta @ self.layers[i]["W"].T) * (1.0 - a_prev ** 2)
        return grads

    def lion_step(self, grads):
        for layer, mom, grad in zip(self.layers, self.momentum, grads):
            for k in layer:
                p, m, g = layer[k], mom[k], grad[k]
                c = self.beta2 * m + (1.0 - self.beta2) * g
                p *= 1.0 - self.lr * self.wd
                p -= self.lr * np.sign(c)
                mom[k] = self.beta1 * m + (1.0 - self.beta1) * g

    def train_step(self, X, y):
        out = self.forward(X)
        loss = self.bce_with_logits(out, y)
        grads = self.backward(y)
        self.lion_step(grads)
        return float(loss)
