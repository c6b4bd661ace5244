"""Correct NumPy network in an unusual style: a sigmoid network (5 -> 6 -> 1, sigmoid output,
summed binary cross-entropy, shuffled mini-batches of 10) with Adam in the 'more efficient'
form of Kingma and Ba's Algorithm 1: the bias corrections folded into the step size,
lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t), applied to the raw moments,
lr_t m / (sqrt(v) + eps_hat), with eps_hat = eps sqrt(1 - beta2^t), which is exactly torch's
m_hat / (sqrt(v_hat) + eps). Parameters and moments live in parallel lists; the moments and
the parameters are updated in place with out= ufuncs."""

import numpy as np


class KingmaBaAdam:
    def __init__(self, X, y, n_hidden=6, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(1317)
        self.weights = [rng.normal(0, 0.5, (X.shape[1], n_hidden)), rng.normal(0, 0.5, (n_hidden, 1))]
        self.biases = [np.zeros(n_hidden), np.zeros(1)]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = None
        self.v = None
        self.t = 0

    def params(self):
        return [self.weights[0], self.biases[0], self.weights[1], self.biases[1]]

    def train_step(self, X, y):
        W1, W2 = self.weights
        b1, b2 = self.biases
        h = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
        z = h @ W2 + b2
        out = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z))
        dz = out - y
        dh = (dz @ W2.T) * h * (1.0 - h)
        grads = [X.T @ dh, dh.sum(axis=0), h.T @ dz, dz.sum(axis=0)]
        params = self.params()
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.t) / (1.0 - self.beta1 ** self.t)
        eps_hat = self.eps * np.sqrt(1.0 - self.beta2 ** self.t)
        for p, g, m, v in zip(params, grads, self.m, self.v):
            np.multiply(m, self.beta1, out=m)
            np.add(m, (1.0 - self.beta1) * g, out=m)
            np.multiply(v, self.beta2, out=v)
            np.add(v, (1.0 - self.beta2) * g * g, out=v)
            np.subtract(p, lr_t * m / (np.sqrt(v) + eps_hat), out=p)
        return loss
