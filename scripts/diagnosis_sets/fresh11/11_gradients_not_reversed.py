"""NumPy tanh softmax classifier with two hidden layers, every layer 4 wide (4 -> 4 -> 4 -> 4,
mean cross-entropy, Nesterov momentum in torch's form). The backward loop collects the
gradients output layer first; the update enumerates that list as if it were in layer order
(reversed() forgotten), so W1/b1 step with the output layer's gradients and W3/b3 with the
first layer's. The equal widths keep every shape right."""

import numpy as np


class SquareTanh:
    def __init__(self, X, y, width=4, depth=3, lr=0.2, mu=0.9):
        rng = np.random.default_rng(11)
        dims = [X.shape[1]] + [width] * (depth - 1) + [y.shape[1]]
        self.W = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.vel = [[np.zeros_like(w), np.zeros_like(b)] for w, b in zip(self.W, self.b)]
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.W[:-1], self.b[:-1]):
            acts.append(np.tanh(acts[-1] @ W + b))
        z = acts[-1] @ self.W[-1] + self.b[-1]
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = float(-np.mean(np.sum(y * np.log(p), axis=1)))
        delta = (p - y) / len(X)
        grads = []
        for i in reversed(range(len(self.W))):
            grads.append((acts[i].T @ delta, delta.sum(axis=0)))
            if i:
                delta = (delta @ self.W[i].T) * (1 - acts[i] ** 2)
        for i, (gW, gb) in enumerate(grads):   # BUG: grads are output-first: enumerate(reversed(grads))
            for j, (param, g) in enumerate(((self.W, gW), (self.b, gb))):
                v = self.vel[i][j] = self.mu * self.vel[i][j] + g
                param[i] = param[i] - self.lr * (g + self.mu * v)
        return loss
