"""NumPy binary classifier, 6 -> 10 -> 10 -> 1: two tanh hidden layers, sigmoid output, mean
binary cross-entropy, Adam on mini-batches. The network is given the whole training set at
construction so that it can keep track of epochs (it logs the loss once per epoch); train_step
does one Adam update on one mini-batch."""

import numpy as np

BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class EpochAdamClassifier:
    def __init__(self, X, y, hidden=(10, 10), lr=0.01, seed=11):
        rng = np.random.default_rng(seed)
        sizes = (X.shape[1], *hidden, y.shape[1])
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, 1.0 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.n_layers = len(sizes) - 1
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.n_rows = len(X)
        self.rows_this_epoch = 0
        self.epoch = 0
        self.updates = 0
        self.epoch_losses = []

    def gradients(self, X, y):
        P, L = self.params, self.n_layers
        acts = [X]
        for i in range(1, L + 1):
            z = acts[-1] @ P[f"W{i}"] + P[f"b{i}"]
            acts.append(1.0 / (1.0 + np.exp(-z)) if i == L else np.tanh(z))
        p = acts[-1]
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        grads = {}
        delta = (p - y) / len(X)
        for i in range(L, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                delta = (delta @ P[f"W{i}"].T) * (1.0 - acts[i - 1] ** 2)
        return loss, grads

    def train_step(self, X, y):
        loss, grads = self.gradients(X, y)
        self.updates += 1
        t = self.epoch + 1   # BUG: t = self.updates
        for k, g in grads.items():
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g * g
            m_hat = self.m[k] / (1 - BETA1 ** t)
            v_hat = self.v[k] / (1 - BETA2 ** t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + EPS)
        self.rows_this_epoch += len(X)
        if self.rows_this_epoch >= self.n_rows:
            self.epoch_losses.append(loss)
            self.epoch += 1
            self.rows_this_epoch = 0
        return float(loss)
