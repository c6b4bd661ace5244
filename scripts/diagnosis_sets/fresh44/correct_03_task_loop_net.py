"""Two-task network in NumPy: the tanh trunk's weights stored (out, in), each task's head a column
of one (hidden, tasks) matrix; the binary cross-entropies from the logit with np.logaddexp; the
backward pass walks the tasks, each adding its share into the trunk's gradient with np.add(out=)."""

import numpy as np


class LoopedTasks:
    def __init__(self, n_in=5, hidden=6, n_tasks=2, lr=0.5, seed=12):
        rng = np.random.default_rng(seed)
        self.Wt = rng.normal(0.0, 0.5, (hidden, n_in))      # (out, in)
        self.bt = np.zeros((1, hidden))
        self.Wh = rng.normal(0.0, 0.5, (hidden, n_tasks))
        self.bh = np.zeros((1, n_tasks))
        self.lr = lr

    def train_step(self, X, y):
        n, T = y.shape
        h = np.tanh(X @ self.Wt.T + self.bt)
        z = h @ self.Wh + self.bh
        loss = np.mean(np.logaddexp(0.0, z) - y * z)
        out = np.exp(-np.logaddexp(0.0, -z))

        grads_h, grads_b = [], []
        d_h = np.zeros_like(h)
        for t in range(T):
            d_t = (out[:, [t]] - y[:, [t]]) / (n * T)
            grads_h.append(h.T @ d_t)
            grads_b.append(d_t.sum(axis=0, keepdims=True))
            np.add(d_h, d_t @ self.Wh[:, [t]].T, out=d_h)
        d_z = d_h * (1.0 - h) * (1.0 + h)
        self.Wh -= self.lr * np.hstack(grads_h)
        self.bh -= self.lr * np.hstack(grads_b)
        self.Wt -= self.lr * (d_z.T @ X)
        self.bt -= self.lr * d_z.sum(axis=0, keepdims=True)
        return float(loss)
