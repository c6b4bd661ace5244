"""A 3-class MLP classifier (5 -> 20 tanh -> 3, softmax cross-entropy averaged over the batch)
trained with AdaBelief, written by hand in NumPy.

AdaBelief (Zhuang et al., 2020): the second moment is the "belief", the variance of the
gradient around its moving average:
    m = b1 m + (1 - b1) g
    s = b2 s + (1 - b2) (g - m)^2 + eps
    p -= (lr / (1 - b1^t)) * m / (sqrt(s / (1 - b2^t)) + eps)
"""

import math

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


class AdaBeliefClassifier:
    def __init__(self, n_in=5, n_hidden=20, n_classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, n_hidden)) * math.sqrt(1.0 / n_in)
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.standard_normal((n_hidden, n_classes)) * math.sqrt(1.0 / n_hidden)
        self.b2 = np.zeros(n_classes)
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.grads = {}
        self.m = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.s = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.step_count = 0

    def logits(self, X):
        self.a1 = np.tanh(X @ self.W1 + self.b1)
        return self.a1 @ self.W2 + self.b2

    def loss(self, X, y):
        z = self.logits(X)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        N = X.shape[0]
        z = self.logits(X)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dz = probs.copy()
        dz[np.arange(N), y] -= 1.0
        dz /= N
        self.grads["W2"] = self.a1.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        da = dz @ self.W2.T
        dpre = da * (1.0 - self.a1 * self.a1)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)

        self.adabelief_update()
        return float(loss)

    def adabelief_update(self):
        self.step_count += 1
        t = self.step_count
        bias_correction1 = 1.0 - self.beta1 ** t
        bias_correction2 = 1.0 - self.beta2 ** t
        for n in NAMES:
            p, g = getattr(self, n), self.grads[n]
            self.m[n] = self.beta1 * self.m[n] + (1.0 - self.beta1) * g
            residual = g - self.m[n]
            self.s[n] = self.beta2 * self.s[n] + (1.0 - self.beta2) * residual * residual + self.eps
            denom = np.sqrt(self.s[n]) + self.eps
            p -= (self.lr / bias_correction1) * self.m[n] / denom
