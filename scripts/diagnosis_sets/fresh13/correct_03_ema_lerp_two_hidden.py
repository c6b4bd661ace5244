"""Correct NumPy network in an unusual style: a two-hidden-layer tanh regressor (4 -> 6 -> 5
-> 1, linear output, half summed squared error) trained with momentum as an exponential
moving average, written in its interpolation form v += (1 - beta) (g - v), which is
v = beta v + (1 - beta) g; W -= lr v. The layers are a list of dicts, the backward pass a loop
over reversed(range(3)) with the tanh derivative taken from the cached activations."""

import numpy as np


class EmaLerpNet:
    def __init__(self, X, y, sizes=(6, 5), lr=0.01, beta=0.9):
        rng = np.random.default_rng(1318)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.layers = [{"W": rng.normal(0, 0.5, (a, b)), "b": np.zeros(b)} for a, b in zip(dims[:-1], dims[1:])]
        self.lr, self.beta = lr, beta
        self.velocity = [{"W": np.zeros((a, b)), "b": np.zeros(b)} for a, b in zip(dims[:-1], dims[1:])]

    def train_step(self, X, y):
        acts = [X]
        for i, layer in enumerate(self.layers):
            z = acts[-1] @ layer["W"] + layer["b"]
            acts.append(np.tanh(z) if i < len(self.layers) - 1 else z)
        out = acts[-1]
        loss = float(0.5 * np.sum((out - y) ** 2))
        delta = out - y
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            grads[i] = {"W": acts[i].T @ delta, "b": delta.sum(axis=0)}
            if i > 0:
                delta = (delta @ self.layers[i]["W"].T) * (1.0 - acts[i] ** 2)
        for layer, vel, grad in zip(self.layers, self.velocity, grads):
            for key in ("W", "b"):
                vel[key] += (1.0 - self.beta) * (grad[key] - vel[key])
                layer[key] = layer[key] - self.lr * vel[key]
        return loss
