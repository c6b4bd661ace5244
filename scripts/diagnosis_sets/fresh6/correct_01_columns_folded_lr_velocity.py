"""Correct NumPy network in an unusual style: samples as columns, weights stored (out, in)
and biases (h, 1) in two lists, two ReLU hidden layers (6 and 4 wide), the output kept as a
logit and binary cross-entropy written stably with np.logaddexp, and heavy-ball momentum with
the learning rate folded into the velocity, v = mu v + lr g; W -= v, which for a constant
learning rate is torch's SGD(momentum=mu) (v = lr * momentum_buffer)."""

import numpy as np


class ColumnNet:
    def __init__(self, X, Y, hidden=(6, 4), lr=0.1, mu=0.9):
        rng = np.random.default_rng(17)
        dims = [X.shape[0], *hidden, Y.shape[0]]
        self.W = [rng.normal(0, np.sqrt(2 / a), (b, a)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros((b, 1)) for b in dims[1:]]
        self.lr, self.mu = lr, mu
        self.velocity = None

    def epoch(self, X, Y):
        m = X.shape[1]
        A, Z = [X], []
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            Z.append(W @ A[-1] + b)
            if i < len(self.W) - 1:
                A.append(np.maximum(Z[-1], 0))
        logit = Z[-1]
        loss = float(np.mean(np.logaddexp(0, logit) - Y * logit))
        dZ = (0.5 * (1 + np.tanh(0.5 * logit)) - Y) / m      # sigmoid(logit) - Y, over the batch
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        for i in reversed(range(len(self.W))):
            gW[i] = dZ @ A[i].T
            gb[i] = dZ.sum(axis=1, keepdims=True)
            if i:
                dZ = (self.W[i].T @ dZ) * (Z[i - 1] > 0)
        if self.velocity is None:
            self.velocity = [[np.zeros_like(W), np.zeros_like(b)] for W, b in zip(self.W, self.b)]
        for i, vel in enumerate(self.velocity):
            vel[0] = self.mu * vel[0] + self.lr * gW[i]
            vel[1] = self.mu * vel[1] + self.lr * gb[i]
            self.W[i] = self.W[i] - vel[0]
            self.b[i] = self.b[i] - vel[1]
        return loss
