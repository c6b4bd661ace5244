"""Two-moons classifier, 2 inputs -> 12 sigmoid units -> 1 sigmoid output, mean binary
cross-entropy, RMSprop with the running average kept in its incremental form
avg += (1 - rho) * (g^2 - avg). The sigmoid is computed through tanh, 0.5 * (1 + tanh(z / 2)),
which cannot overflow."""

import numpy as np

LR = 0.02
RHO = 0.95
EPS = 1e-8


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class MoonsClassifier:
    def __init__(self, n_hidden=12):
        rng = np.random.default_rng(19)
        self.w1 = rng.normal(0.0, 0.7, (2, n_hidden))
        self.c1 = np.zeros(n_hidden)
        self.w2 = rng.normal(0.0, 0.7, (n_hidden, 1))
        self.c2 = np.zeros(1)
        self.sq_avg = [np.zeros_like(a) for a in (self.w1, self.c1, self.w2, self.c2)]

    def train_step(self, X, y):
        s = sigmoid(X @ self.w1 + self.c1)
        p = sigmoid(s @ self.w2 + self.c2)
        loss = np.mean(np.logaddexp(0.0, -(s @ self.w2 + self.c2)) * y + np.logaddexp(0.0, s @ self.w2 + self.c2) * (1 - y))

        e = (p - y) / X.shape[0]
        f = np.outer(e, self.w2) * s * (1.0 - s)
        grads = (X.T @ f, f.sum(0), s.T @ e, e.sum(0))
        for param, avg, g in zip((self.w1, self.c1, self.w2, self.c2), self.sq_avg, grads):
            avg += (1.0 - RHO) * (g * g - avg)
            param -= LR * g / (np.sqrt(avg) + EPS)
        return loss
