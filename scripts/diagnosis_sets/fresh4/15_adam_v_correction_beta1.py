"""NumPy tanh / sigmoid network with binary cross-entropy and Adam, parameters and moments in
parallel lists. The second moment's bias correction is a copy of the first moment's line:
v_hat = v / (1 - beta1**t) where it should divide by 1 - beta2**t."""

import numpy as np


class AdamTanh:
    def __init__(self, X, y, hidden=6, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(15)
        self.params = [rng.normal(0, 0.5, (X.shape[1], hidden)), np.zeros(hidden),
                       rng.normal(0, 0.5, (hidden, 1)), np.zeros(1)]
        self.ms = self.vs = None   # made at the first step, in the parameters' dtype
        self.lr, self.betas, self.eps = lr, betas, eps
        self.t = 0

    def train_step(self, X, y):
        W1, b1, W2, b2 = self.params
        h = np.tanh(X @ W1 + b1)
        o = 1.0 / (1.0 + np.exp(-(h @ W2 + b2)))
        n = len(X)
        d2 = (o - y) / n
        d1 = (d2 @ W2.T) * (1 - h ** 2)
        grads = [X.T @ d1, d1.sum(axis=0), h.T @ d2, d2.sum(axis=0)]
        if self.ms is None:
            self.ms = [np.zeros_like(q) for q in self.params]
            self.vs = [np.zeros_like(q) for q in self.params]
        beta1, beta2 = self.betas
        self.t += 1
        for i, g in enumerate(grads):
            self.ms[i] = beta1 * self.ms[i] + (1 - beta1) * g
            self.vs[i] = beta2 * self.vs[i] + (1 - beta2) * g ** 2
            m_hat = self.ms[i] / (1 - beta1 ** self.t)
            v_hat = self.vs[i] / (1 - beta1 ** self.t)   # BUG: 1 - beta2 ** self.t
            self.params[i] = self.params[i] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(-np.mean(y * np.log(o) + (1 - y) * np.log(1 - o)))
