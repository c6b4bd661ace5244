"""The BitFit regressor of bitfit_numpy.py written another way: the frozen weights and the three
trainable biases kept in per-layer lists (weights[i], biases[i]), a loop over the layers for the
forward and the backward, the gradients joined into one flat vector (np.concatenate) that is
clipped to global norm MAX_NORM with np.linalg.norm and split back with np.split, and the Huber
loss written with np.minimum: q = min(|r|, DELTA), loss = mean(0.5 q^2 + DELTA (|r| - q)). RMSprop
keeps one mean square per bias, updated in place. The frozen weights are rebuilt from the same
seed.

    X: float (n, 8), y: float (n,) targets
"""

import numpy as np

SIZES = (8, 32, 32, 1)
SEED = 2024
LR, ALPHA, EPS, MAX_NORM, DELTA = 0.02, 0.9, 1e-8, 0.03, 0.5


class BitFitList:
    def __init__(self):
        rng = np.random.default_rng(SEED)
        self.weights, self.biases = [], []
        for d_in, d_out in zip(SIZES[:-1], SIZES[1:]):
            self.weights.append(rng.normal(0.0, 1.0 / np.sqrt(d_in), (d_in, d_out)))
            self.biases.append(rng.normal(0.0, 0.1, d_out))
        self.mean_square = [np.zeros_like(b) for b in self.biases]

    def predict(self, X):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            acts.append(np.tanh(z) if i < len(self.weights) - 1 else z)
        return acts

    def loss(self, X, y):
        r = self.predict(X)[-1][:, 0] - y
        q = np.minimum(np.abs(r), DELTA)
        return float(np.mean(0.5 * q * q + DELTA * (np.abs(r) - q)))

    def train_step(self, X, y):
        acts = self.predict(X)
        loss = self.loss(X, y)
        r = acts[-1][:, 0] - y
        delta = (np.sign(r) * np.minimum(np.abs(r), DELTA) / len(y))[:, None]
        per_layer = [None] * len(self.biases)
        for i in reversed(range(len(self.biases))):
            per_layer[i] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * (1.0 - acts[i] ** 2)

        flat = np.concatenate(per_layer)
        total = np.linalg.norm(flat)
        flat = flat * min(1.0, MAX_NORM / (total + 1e-6))
        grads = np.split(flat, np.cumsum([b.size for b in self.biases])[:-1])
        self.grad_list = grads

        for b, ms, g in zip(self.biases, self.mean_square, grads):
            ms *= ALPHA
            ms += (1.0 - ALPHA) * g * g
            b -= LR * g / (np.sqrt(ms) + EPS)
        return loss
