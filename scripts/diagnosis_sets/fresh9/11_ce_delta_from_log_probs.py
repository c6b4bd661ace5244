"""NumPy tanh / softmax classifier (6 -> 10 -> 3, summed cross-entropy, Adam) that computes the
loss stably through log-probabilities, log_p = z - logsumexp(z). The output delta reuses that
variable, delta = log_p - y, where the probabilities exp(log_p) - y were meant: the exp is
missing."""

import numpy as np


class LogSoftmaxNet:
    def __init__(self, X, y, n_hidden=10, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(110)
        self.params = {
            "W1": rng.normal(0, 0.4, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 0.4, (n_hidden, y.shape[1])), "b2": np.zeros(y.shape[1]),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        zmax = z.max(axis=1, keepdims=True)
        log_p = z - zmax - np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        loss = float(-np.sum(y * log_p))
        delta = log_p - y   # BUG: the probabilities: np.exp(log_p) - y
        dh = (delta @ p["W2"].T) * (1 - h ** 2)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ delta, "b2": delta.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
