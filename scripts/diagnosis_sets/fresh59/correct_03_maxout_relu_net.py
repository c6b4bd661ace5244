"""Two-hidden-layer ReLU network in NumPy, each ReLU written as np.maximum.reduce over the pieces
(0, z) of a K = 2 maxout and back-propagated through the winner mask z > 0 of the stacked pieces;
layers as a list of (W, b) pairs, 5 -> 9 -> 6 -> 1 sigmoid, summed binary cross-entropy, heavy-ball
momentum (v = mu v + g; p -= lr v) with the velocities in a list.
"""

import numpy as np


class MaxoutReluDeep:
    def __init__(self, sizes=(5, 9, 6, 1), lr=0.05, mu=0.9, seed=33):
        rng = np.random.default_rng(seed)
        self.layers = [[rng.normal(0.0, np.sqrt(2.0 / i), (i, o)), np.zeros(o)] for i, o in zip(sizes, sizes[1:])]
        self.velocity = [[np.zeros_like(W), np.zeros_like(b)] for W, b in self.layers]
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        acts, masks = [X], []
        for W, b in self.layers[:-1]:
            z = acts[-1] @ W + b
            pieces = np.stack([np.zeros_like(z), z])
            masks.append(pieces.argmax(axis=0) == 1)
            acts.append(np.maximum.reduce(pieces))
        W, b = self.layers[-1]
        out = 1.0 / (1.0 + np.exp(-(acts[-1] @ W + b)))
        loss = -np.sum(y * np.log(out) + (1.0 - y) * np.log(1.0 - out))

        delta = out - y
        grads = []
        for i in reversed(range(len(self.layers))):
            W, b = self.layers[i]
            grads.append((acts[i].T @ delta, delta.sum(axis=0)))
            if i:
                delta = (delta @ W.T) * masks[i - 1]
        for (W, b), (v_W, v_b), (g_W, g_b) in zip(self.layers, self.velocity, reversed(grads)):
            v_W *= self.mu
            v_W += g_W
            v_b *= self.mu
            v_b += g_b
            W -= self.lr * v_W
            b -= self.lr * v_b
        return float(loss)
