"""NumPy regressor with two ReLU hidden layers (8 and 6), linear output, half mean squared
error and Adam, weights and biases in parallel lists. The author read about the Kingma-Ba
"efficient" form, lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t), and added it on top of the
bias-corrected m_hat / (sqrt(v_hat) + eps) that was already there: the bias correction is
counted twice (the first step is 0.316 of Adam's)."""

import numpy as np


class AdamRegressor:
    def __init__(self, X, y, sizes=(8, 6), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(11)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.W = [rng.normal(0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.mW = [np.zeros_like(w) for w in self.W]
        self.vW = [np.zeros_like(w) for w in self.W]
        self.mb = [np.zeros_like(b) for b in self.b]
        self.vb = [np.zeros_like(b) for b in self.b]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0

    def _adam(self, p, g, m, v, lr_t):
        m[...] = self.beta1 * m + (1 - self.beta1) * g
        v[...] = self.beta2 * v + (1 - self.beta2) * g * g
        m_hat = m / (1 - self.beta1 ** self.t)
        v_hat = v / (1 - self.beta2 ** self.t)
        p -= lr_t * m_hat / (np.sqrt(v_hat) + self.eps)   # BUG: m_hat and v_hat are already corrected: self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def step(self, X, y):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = acts[-1] @ W + b
            acts.append(z if i == len(self.W) - 1 else np.maximum(z, 0))
        out = acts[-1]
        loss = float(0.5 * np.mean((out - y) ** 2))
        delta = (out - y) / out.size
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        for i in reversed(range(len(self.W))):
            gW[i] = acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * (acts[i] > 0)
        self.t += 1
        lr_t = self.lr * np.sqrt(1 - self.beta2 ** self.t) / (1 - self.beta1 ** self.t)
        for i in range(len(self.W)):
            self._adam(self.W[i], gW[i], self.mW[i], self.vW[i], lr_t)
            self._adam(self.b[i], gb[i], self.mb[i], self.vb[i], lr_t)
        return loss
