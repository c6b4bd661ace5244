"""A classifier with a weight-standardised hidden layer and positive output weights, in NumPy.

    W1   = (V1 - mean(V1)) / sqrt(var(V1) + eps)     per row (each hidden unit's incoming
                                                    weights), biased variance, eps 1e-5
    h    = tanh(X @ W1.T + b1)                      (N, 10)
    W2   = softplus(theta2)                         (1, 10), every output weight positive
    s    = exp(log_s)                               a positive gain, a 0-d parameter
    z    = s * (h @ W2.T) + b2                      (N, 1) logits
    loss = mean binary cross-entropy of sigmoid(z) against y in {0, 1}

Backward by hand through the standardisation (per row, n inputs,
W1 = (V1 - mu) / sigma):

    dV1 = (dW1 - mean(dW1) - W1 * mean(dW1 * W1)) / sigma

softplus'(theta) = sigmoid(theta), d exp(log_s) / d log_s = exp(log_s).
Plain SGD, lr 0.5.

Parameters (self.params): V1 (10, 5), b1 (10,), theta2 (1, 10), log_s (), b2 (1,).
"""

import os

import numpy as np


def softplus(x):
    return np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class StandardisedNet:
    def __init__(self, n_in=5, hidden=10, lr=0.5, eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "V1": rng.standard_normal((hidden, n_in)),
            "b1": 0.1 * rng.standard_normal(hidden),
            "theta2": rng.standard_normal((1, hidden)) - 1.0,
            "log_s": np.array(-0.5),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.eps = eps

    def _standardise(self, V):
        mu = V.mean(axis=1, keepdims=True)
        var = ((V - mu) ** 2).mean(axis=1, keepdims=True)
        sigma = np.sqrt(var + self.eps)
        return (V - mu) / sigma, sigma

    def _forward(self, X):
        p = self.params
        W1, sigma = self._standardise(p["V1"])
        h = np.tanh(X @ W1.T + p["b1"])
        W2 = softplus(p["theta2"])
        s = np.exp(p["log_s"])
        a = h @ W2.T                                   # (N, 1)
        z = s * a + p["b2"]
        return z, (W1, sigma, h, W2, s, a)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _bce_with_logits(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce_with_logits(self.forward(X), y)

    def backward(self, X, y):
        p = self.params
        z, (W1, sigma, h, W2, s, a) = self._forward(X)
        loss = self._bce_with_logits(z, y)
        dz = (sigmoid(z) - y) / z.size                 # (N, 1)
        self.grads["b2"] = dz.sum(axis=0)
        self.grads["log_s"] = np.sum(dz * a) * s
        da = dz * s
        dW2 = da.T @ h                                 # (1, 10)
        self.grads["theta2"] = dW2 * sigmoid(W2)  # fix: self.grads["theta2"] = dW2 * sigmoid(p["theta2"])
        dpre = (da @ W2) * (1 - h * h)                 # (N, 10)
        self.grads["b1"] = dpre.sum(axis=0)
        dW1 = dpre.T @ X                               # (10, 5)
        self.grads["V1"] = (dW1 - dW1.mean(axis=1, keepdims=True)
                            - W1 * (dW1 * W1).mean(axis=1, keepdims=True)) / sigma
        return loss

    def update(self):
        for k in self.params:
            self.params[k] -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ws.npz"))
    net = StandardisedNet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, loss, float(net.params["log_s"]))
