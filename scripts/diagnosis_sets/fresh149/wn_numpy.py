"""A two-layer classifier with weight normalisation (Salimans & Kingma 2016), from scratch in NumPy.

Each layer keeps a direction v (out, in) and a gain g (out,); its weight is

    W = g[:, None] * v / ||v||      (the norm of each row: one per output unit)

    h      = tanh(X @ W1.T + b1)       (N, 12)
    logits = h @ W2.T + b2             (N, 3)
    loss   = mean cross-entropy of softmax(logits) against the integer labels y

The backward pass goes through the reparameterisation by hand:

    u  = v / ||v||,  dg = sum_j dW * u,  dv = (g / ||v||) (dW - dg u)

SGD with momentum as torch.optim.SGD writes it (buf = mu * buf + grad;
p -= lr * buf), lr 0.1, mu 0.9.

Parameters (self.params): v1 (12, 6), g1 (12,), b1 (12,), v2 (3, 12), g2 (3,), b2 (3,).
Optimizer state: self.velocity, keyed like self.params.
"""

import os

import numpy as np


class WeightNormNet:
    def __init__(self, n_in=6, hidden=12, n_out=3, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        v1 = rng.standard_normal((hidden, n_in)) / np.sqrt(n_in)
        v2 = rng.standard_normal((n_out, hidden)) / np.sqrt(hidden)
        self.params = {
            "v1": v1,
            "g1": np.linalg.norm(v1, axis=1) * (1.0 + 0.2 * rng.standard_normal(hidden)),
            "b1": 0.1 * rng.standard_normal(hidden),
            "v2": v2,
            "g2": np.linalg.norm(v2, axis=1) * (1.0 + 0.2 * rng.standard_normal(n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    @staticmethod
    def _weight(v, g):
        norm = np.sqrt((v * v).sum(axis=1, keepdims=True))       # (out, 1)
        u = v / norm
        return g[:, None] * u, u, norm

    @staticmethod
    def _weight_backward(dW, g, u, norm):
        dg = (dW * u).sum(axis=1)
        dv = (g[:, None] / norm) * (dW - dg[:, None] * u)
        return dv, dg

    def _forward(self, X):
        p = self.params
        W1, u1, n1 = self._weight(p["v1"], p["g1"])
        W2, u2, n2 = self._weight(p["v2"], p["g2"])
        h = np.tanh(X @ W1.T + p["b1"])
        logits = h @ W2.T + p["b2"]
        return logits, (h, W1, u1, n1, W2, u2, n2)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (h, W1, u1, n1, W2, u2, n2) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N

        dW2 = dlogits.T @ h                                        # (3, 12)
        self.grads["b2"] = dlogits.sum(axis=0)
        self.grads["v2"], self.grads["g2"] = self._weight_backward(dW2, p["g2"], u2, n2)

        dz1 = (dlogits @ W2) * (1 - h * h)
        dW1 = dz1.T @ X                                            # (12, 6)
        self.grads["b1"] = dz1.sum(axis=0)
        self.grads["v1"], self.grads["g1"] = self._weight_backward(dW1, p["g1"], u1, n1)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wn.npz"))
    net = WeightNormNet()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(step, loss)
