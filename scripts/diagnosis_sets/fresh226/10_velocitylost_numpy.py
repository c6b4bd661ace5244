"""Embedding MLP with softmax cross-entropy and center loss (Wen et al. 2016), NumPy.

5 -> 8 (ReLU) -> 2 (embedding) -> 3 logits. Loss: mean cross-entropy +
lam/2 * sum_i ||x_i - c_{y_i}||^2. Weights: SGD with momentum (torch's form:
v = mu v + g; W -= lr v). Centres: their own rule,
c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j).
"""
import numpy as np


class CenterLossNet:
    def __init__(self, n_in=5, n_hidden=8, n_emb=2, n_classes=3,
                 lr=0.1, momentum=0.9, lam=0.01, alpha=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden)),
            "b1": rng.normal(0.0, 0.1, n_hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_emb)),
            "b2": rng.normal(0.0, 0.1, n_emb),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(n_emb), (n_emb, n_classes)),
            "b3": np.zeros(n_classes),
        }
        self.centers = np.zeros((n_classes, n_emb))
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}
        self.n_classes = n_classes
        self.lr, self.momentum, self.lam, self.alpha = lr, momentum, lam, alpha

    def forward(self, X):
        p = self.params
        self.X = X
        self.z1 = X @ p["W1"] + p["b1"]
        self.h1 = np.maximum(self.z1, 0)
        self.emb = self.h1 @ p["W2"] + p["b2"]
        self.logits = self.emb @ p["W3"] + p["b3"]
        return self.logits

    def loss(self, X, y):
        logits = self.forward(X)
        N = X.shape[0]
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        self.probs = e / e.sum(axis=1, keepdims=True)
        ce = -np.mean(np.log(self.probs[np.arange(N), y]))
        self.diff = self.emb - self.centers[y]
        center = self.lam / 2 * np.sum(self.diff ** 2)
        return ce + center

    def backward(self, y):
        p = self.params
        N = self.X.shape[0]
        onehot = np.eye(self.n_classes, dtype=self.logits.dtype)[y]
        dlogits = (self.probs - onehot) / N
        g = {}
        g["W3"] = self.emb.T @ dlogits
        g["b3"] = dlogits.sum(axis=0)
        demb = dlogits @ p["W3"].T + self.lam * self.diff
        g["W2"] = self.h1.T @ demb
        g["b2"] = demb.sum(axis=0)
        dh1 = demb @ p["W2"].T
        dz1 = dh1 * (self.z1 > 0)
        g["W1"] = self.X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        # the centres' own move, from this step's embeddings
        counts = onehot.sum(axis=0)
        g["centers"] = (counts[:, None] * self.centers - onehot.T @ self.emb) / (1 + counts)[:, None]
        self.grads = g
        return g

    def update(self):
        for k in self.params:
            v = self.velocity[k]
            v = self.momentum * v + self.grads[k]
            self.params[k] -= self.lr * v
        self.centers -= self.alpha * self.grads["centers"]

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.update()
        return loss
