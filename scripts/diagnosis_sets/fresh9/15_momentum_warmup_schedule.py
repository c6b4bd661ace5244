"""NumPy ReLU regressor with two hidden layers (5 -> 8 -> 8 -> 1, linear output, half the mean
squared error, heavy-ball momentum), weights and biases in parallel lists. The momentum
follows an old recipe: 0.5 for the first 5 steps, then 0.9, where the network it should
match uses a constant 0.9. Equal on step 1, where the velocity is the gradient."""

import numpy as np


class DeepRegressor:
    def __init__(self, X, y, widths=(8, 8), lr=0.05, mu=0.9):
        rng = np.random.default_rng(150)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.Ws = [rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.bs = [np.zeros(b) for b in dims[1:]]
        self.lr, self.mu = lr, mu
        self.vel = [[np.zeros_like(W), np.zeros_like(b)] for W, b in zip(self.Ws, self.bs)]
        self.steps = 0

    def train_step(self, X, y):
        acts, pre = [X], []
        for i, (W, b) in enumerate(zip(self.Ws, self.bs)):
            z = acts[-1] @ W + b
            pre.append(z)
            acts.append(np.maximum(z, 0) if i < len(self.Ws) - 1 else z)
        out = acts[-1]
        loss = float(0.5 * np.mean((out - y) ** 2))
        delta = (out - y) / y.size
        grads = []
        for i in reversed(range(len(self.Ws))):
            grads.insert(0, (acts[i].T @ delta, delta.sum(axis=0)))
            if i:
                delta = (delta @ self.Ws[i].T) * (pre[i - 1] > 0)
        self.steps += 1
        mu = 0.5 if self.steps <= 5 else self.mu   # BUG: a constant momentum: mu = self.mu
        for i, (gW, gb) in enumerate(grads):
            vW, vb = self.vel[i]
            vW *= mu
            vW += gW
            vb *= mu
            vb += gb
            self.Ws[i] = self.Ws[i] - self.lr * vW
            self.bs[i] = self.bs[i] - self.lr * vb
        return loss
