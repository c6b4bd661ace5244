"""Window classifier over token embeddings, NumPy: each of the 4 token embeddings (dim 6) is
layer-normalised on its own (no gain or shift), the window is flattened to 24 features, then a
ReLU layer of 16 and a softmax over the 12 possible next tokens. Mean cross-entropy, Adam.

    X: (n, 4) int token ids, y: (n, 12) one-hot
"""

import numpy as np

EPS = 1e-5


class TokenWindowModel:
    def __init__(self, vocab=12, dim=6, context=4, hidden=16, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "E": rng.normal(0.0, 1.0, (vocab, dim)),
            "W1": rng.normal(0.0, np.sqrt(2.0 / (dim * context)), (dim * context, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, vocab)),
            "b2": np.zeros(vocab),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        e = p["E"][X]                                   # (n, T, d)
        mean = e.mean(axis=-1, keepdims=True)
        var = e.var(axis=-1, keepdims=True)
        self.rstd = 1.0 / np.sqrt(var + EPS)
        self.xhat = (e - mean) * self.rstd
        self.flat = self.xhat.reshape(len(X), -1)
        self.z1 = self.flat @ p["W1"] + p["b1"]
        self.a1 = np.maximum(self.z1, 0.0)
        logits = self.a1 @ p["W2"] + p["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        self.probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.sum(y * np.log(self.forward(X))) / len(X))

    def train_step(self, X, y):
        p, n = self.params, len(X)
        probs = self.forward(X)
        loss = -np.sum(y * np.log(probs)) / n
        d2 = (probs - y) / n
        g = {"W2": self.a1.T @ d2, "b2": d2.sum(axis=0)}
        d1 = (d2 @ p["W2"].T) * (self.z1 > 0)
        g["W1"], g["b1"] = self.flat.T @ d1, d1.sum(axis=0)
        dxhat = (d1 @ p["W1"].T).reshape(self.xhat.shape)
        de = self.rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                          - self.xhat * (dxhat * self.xhat).mean(axis=-1, keepdims=True))
        g["E"] = np.zeros_like(p["E"])
        np.add.at(g["E"], X, de)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
