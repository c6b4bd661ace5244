"""Autoencoder in NumPy in a small layer-table style: every layer a dict holding its weight
stored (out, in) as in the paper's notation, its bias and its activation's name; the forward
pass a loop that keeps the activations on a list, the backward pass the same loop reversed,
tanh's derivative taken as 1 / cosh(z)^2 of the kept pre-activations. 8 readings -> 3 tanh
units -> 8 linear outputs, half the mean squared error, gradient descent with momentum as an
exponentially weighted average (v = beta v + (1 - beta) g, from zero).

    X: (n, 8), y = X
"""

import numpy as np


class LayeredAutoencoder:
    def __init__(self, sizes=(8, 3, 8), lr=0.8, beta=0.9, seed=23):
        rng = np.random.default_rng(seed)
        self.layers = [
            {"w": rng.normal(0.0, 1.0 / np.sqrt(a), (b, a)), "b": np.zeros(b), "act": act}
            for a, b, act in zip(sizes[:-1], sizes[1:], ("tanh", "identity"))
        ]
        self.lr, self.beta = lr, beta
        self.avg = [{"w": np.zeros_like(l["w"]), "b": np.zeros_like(l["b"])} for l in self.layers]

    def train_step(self, X, y):
        acts, pres = [X], []
        for layer in self.layers:
            z = acts[-1] @ layer["w"].T + layer["b"]
            pres.append(z)
            acts.append(np.tanh(z) if layer["act"] == "tanh" else z)
        self.output = acts[-1]
        loss = 0.5 * np.mean((self.output - y) ** 2)
        delta = (self.output - y) / y.size
        for i in reversed(range(len(self.layers))):
            layer, avg = self.layers[i], self.avg[i]
            if layer["act"] == "tanh":
                delta = delta / np.cosh(pres[i]) ** 2
            g_w, g_b = delta.T @ acts[i], delta.sum(axis=0)
            delta = delta @ layer["w"]
            for key, g in (("w", g_w), ("b", g_b)):
                avg[key] = self.beta * avg[key] + (1.0 - self.beta) * g
                layer[key] = layer[key] - self.lr * avg[key]
        return float(loss)
