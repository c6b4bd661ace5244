"""Bengio et al. (2003) neural probabilistic language model, written by hand in NumPy.

Three previous tokens -> rows of the embedding table C, concatenated -> tanh hidden layer
-> logits over the vocabulary -> softmax cross-entropy (mean over the batch).
SGD with heavy-ball momentum (v = mu v + g; p -= lr v) and an exponential learning-rate
decay: the k-th update (k = 0, 1, ...) uses lr * gamma**k.

    X: int64 (N, 3) context ids, y: int64 (N,) next id.
Parameters (self.params): C (V, E), W1 (3E, H), b1 (H,), W2 (H, V), b2 (V,).
"""

import math

import numpy as np


class NPLM:
    def __init__(self, vocab=24, context=3, emb_dim=8, hidden=32, lr=0.3, momentum=0.9,
                 gamma=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.V, self.n, self.E, self.H = vocab, context, emb_dim, hidden
        fan_in = context * emb_dim
        self.params = {
            "C": rng.normal(0.0, 1.0, (vocab, emb_dim)),
            "W1": rng.uniform(-1, 1, (fan_in, hidden)) / math.sqrt(fan_in),
            "b1": np.zeros(hidden),
            "W2": rng.uniform(-1, 1, (hidden, vocab)) / math.sqrt(hidden),
            "b2": np.zeros(vocab),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr0, self.mu, self.gamma = lr, momentum, gamma
        self.k = 0                                   # updates made so far

    def forward(self, X):
        P = self.params
        N = X.shape[0]
        e = P["C"][X].reshape(N, self.n * self.E)    # concatenated context vectors
        a = e @ P["W1"] + P["b1"]
        h = np.tanh(a)
        logits = h @ P["W2"] + P["b2"]
        self.cache = (X, e, h)
        return logits

    @staticmethod
    def softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        ez = np.exp(z)
        return ez / ez.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        p = self.softmax(self.forward(X))
        return -np.log(p[np.arange(len(y)), y]).mean()

    def backward(self, logits, y):
        P = self.params
        X, e, h = self.cache
        N = X.shape[0]
        probs = self.softmax(logits)
        loss = -np.log(probs[np.arange(N), y]).mean()
        dz = probs
        dz[np.arange(N), y] -= 1.0
        dz /= N
        self.grads["W2"] = h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dh = dz @ P["W2"].T
        da = dh * (1.0 - h * h)
        self.grads["W1"] = e.T @ da
        self.grads["b1"] = da.sum(axis=0)
        de = (da @ P["W1"].T).reshape(N, self.n, self.E)
        dC = np.zeros_like(P["C"])
        np.add.at(dC, X, de)
        self.grads["C"] = dC
        return loss

    def sgd_step(self):
        lr = self.lr0 * self.gamma ** self.k
        for name, p in self.params.items():
            self.velocity[name] = self.mu * self.velocity[name] + lr * self.grads[name]
            p -= self.velocity[name]
        self.k += 1

    def train_step(self, X, y):
        logits = self.forward(X)
        loss = self.backward(logits, y)
        self.sgd_step()
        return float(loss)
