"""Character-level CNN text classifier, written by hand in NumPy.

token ids -> embedding lookup E[X] -> 1-D convolution of width 3 (valid, 8 filters, bias)
-> ReLU -> max over time -> dense 8 -> 4 -> softmax cross-entropy (mean over the batch).
Adam (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected) written by hand.

    X: int64 (N, L) character ids (0 is the padding character, learned like any other),
    y: int64 (N,) class labels.

Parameters (attributes): E (vocab, emb), Wc (width, emb, filters), bc (filters,),
Wo (filters, classes), bo (classes,).
"""

import os

import numpy as np


class CharCNN:
    names = ("E", "Wc", "bc", "Wo", "bo")

    def __init__(self, vocab=24, emb_dim=8, width=3, filters=8, classes=4,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.width = width
        self.E = rng.standard_normal((vocab, emb_dim))
        self.Wc = rng.standard_normal((width, emb_dim, filters)) / np.sqrt(width * emb_dim)
        self.bc = rng.standard_normal(filters) * 0.1
        self.Wo = rng.standard_normal((filters, classes)) / np.sqrt(filters)
        self.bo = np.zeros(classes)
        self.grads = {}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def forward(self, X):
        x = self.E[X]                                    # (N, L, D)
        N, L, D = x.shape
        k = self.width
        T = L - k + 1
        h = np.zeros((N, T, self.Wc.shape[2]), dtype=x.dtype)
        for j in range(k):
            h += x[:, j:j + T, :] @ self.Wc[j]
        h += self.bc
        a = np.maximum(h, 0)
        idx = a.argmax(axis=1)                           # (N, F) time of the max
        pooled = np.take_along_axis(a, idx[:, None, :], axis=1)[:, 0, :]
        logits = pooled @ self.Wo + self.bo
        self.cache = (X, x, h, idx, pooled)
        return logits

    @staticmethod
    def softmax_xent(logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self.softmax_xent(self.forward(X), y)[0]

    def backward(self, y, probs):
        X, x, h, idx, pooled = self.cache
        N, L, D = x.shape
        k = self.width
        T = h.shape[1]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["Wo"] = pooled.T @ dlogits
        self.grads["bo"] = dlogits.sum(axis=0)
        dpooled = dlogits @ self.Wo.T                    # (N, F)

        da = np.zeros_like(h)
        np.put_along_axis(da, idx[:, None, :], dpooled[:, None, :], axis=1)
        dh = da * (h > 0)
        self.grads["bc"] = dh.sum(axis=(0, 1))

        dWc = np.zeros_like(self.Wc)
        dx = np.zeros_like(x)
        dh2 = dh.reshape(N * T, -1)
        for j in range(k):
            dWc[j] = x[:, j:j + T, :].reshape(N * T, D).T @ dh2
            dx[:, j:j + T, :] += dh @ self.Wc[j].T
        self.grads["Wc"] = dWc

        dE = np.zeros_like(self.E)
        dE[X] += dx
        self.grads["E"] = dE

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k in self.names:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p = getattr(self, k)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss, probs = self.softmax_xent(self.forward(X), y)
        self.backward(y, probs)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "chars.npz"))
    net = CharCNN()
    for s in range(100):
        l = net.train_step(d["X"], d["y"])
        if s % 20 == 0:
            print(s, l)
