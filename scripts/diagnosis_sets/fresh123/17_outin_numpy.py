"""Two-layer GCN in NumPy, another author's way: weights kept (out, in) as torch does.

The same model as gcn_numpy.py (A_hat = D^-1/2 (A + I) D^-1/2, relu, masked
cross-entropy, SGD with momentum 0.9 and weight decay 5e-3 in the gradient),
written with each weight stored (out_features, in_features), the first layer
propagated before its weight ((A_hat X) W1^T), and the momentum buffers
updated in place.

Parameters self.params: W1 (hidden, n_features), b1 (hidden,), W2 (classes, hidden), b2 (classes,).
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class GCN:
    def __init__(self, graph=os.path.join(HERE, "gcn.npz"), hidden=16, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, seed=0):
        data = np.load(graph)
        A = data["A"].astype(np.float32)
        A_tilde = A + np.eye(A.shape[0], dtype=np.float32)
        d = A_tilde.sum(axis=0) ** -0.5
        self.A_hat = A_tilde * np.outer(d, d)
        self.train_mask = data["train_mask"].astype(bool)
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1

        rng = np.random.default_rng(seed)

        def glorot(fan_out, fan_in):
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            return rng.uniform(-limit, limit, size=(fan_out, fan_in)).astype(np.float32)

        self.params = {
            "W1": glorot(hidden, n_features),
            "b1": np.zeros(hidden, dtype=np.float32),
            "W2": glorot(n_classes, hidden),
            "b2": np.zeros(n_classes, dtype=np.float32),
        }
        self.grads = {}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay

    def forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        AX = self.A_hat @ X
        Z1 = AX @ W1.T + b1
        H1 = np.maximum(Z1, 0)
        AH1 = self.A_hat @ H1
        logits = AH1 @ W2.T + b2
        self.cache = (AX, Z1, AH1)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)[self.train_mask]
        labels = y[self.train_mask]
        logits = logits - logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(labels)), labels].mean()

    def backward(self, X, y):
        logits = self.forward(X)
        AX, Z1, AH1 = self.cache
        idx = np.flatnonzero(self.train_mask)
        z = logits[idx]
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(len(idx)), y[idx]]).mean()

        dlogits = np.zeros_like(logits)
        dlogits[idx] = probs
        dlogits[idx, y[idx]] -= 1
        dlogits /= len(idx)

        self.grads["W2"] = dlogits.T @ AH1
        self.grads["b2"] = dlogits.sum(axis=0)
        dZ1 = (self.A_hat.T @ (dlogits @ self.params["W2"])) * (Z1 > 0)
        self.grads["W1"] = dZ1.T @ AX
        self.grads["b1"] = dZ1.sum(axis=0)
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k, p in self.params.items():
            v = self.velocity[k]
            v *= self.momentum
            v += self.grads[k] + self.weight_decay * p
            p -= self.lr * v
        return float(loss)
