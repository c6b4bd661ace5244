"""Binary classifier in NumPy written from the logistic function alone: 5 -> 8 tanh -> 1 sigmoid,
with tanh computed through the identity tanh(z) = 2 sigmoid(2z) - 1 and its derivative as
4 sigmoid(2z) (1 - sigmoid(2z)); the mean binary cross-entropy; Adam with an L2 weight decay
added to the gradient (torch.optim.Adam(weight_decay=...)), its moments in defaultdicts that
start as the scalar 0.0 and become arrays on the first update.

    X: (n, 5), y: (n, 1) of 0/1
"""

from collections import defaultdict

import numpy as np

LR, BETAS, EPS, WEIGHT_DECAY = 0.02, (0.9, 0.999), 1e-8, 0.01


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SigmoidTanhAdam:
    def __init__(self, n_in=5, hidden=8, seed=22):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.first = defaultdict(float)
        self.second = defaultdict(float)
        self.steps = 0

    def train_step(self, X, y):
        s = sigmoid(2.0 * (X @ self.W1 + self.b1))
        h = 2.0 * s - 1.0
        out = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))

        dz2 = (out - y) / X.shape[0]
        dz1 = (dz2 @ self.W2.T) * 4.0 * s * (1.0 - s)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": h.T @ dz2, "b2": dz2.sum(0)}

        self.steps += 1
        b1, b2 = BETAS
        for name, g in grads.items():
            theta = getattr(self, name)
            g = g + WEIGHT_DECAY * theta
            self.first[name] = b1 * self.first[name] + (1 - b1) * g
            self.second[name] = b2 * self.second[name] + (1 - b2) * g * g
            m_hat = self.first[name] / (1 - b1 ** self.steps)
            v_hat = self.second[name] / (1 - b2 ** self.steps)
            setattr(self, name, theta - LR * m_hat / (np.sqrt(v_hat) + EPS))
        return float(loss)
