"""Skip-gram with negative sampling, from scratch in NumPy, trained with Adagrad.

Each row of X is a (center, context) pair of word ids and y its label: 1 for an observed
pair, 0 for a negative drawn from the noise distribution. The score of a pair is the dot
product of the center word's input vector and the context word's output vector, and the
loss is the logistic loss averaged over the batch:

    s_n  = W_in[c_n] . W_out[o_n]
    loss = mean_n( log(1 + exp(s_n)) - y_n s_n )

Gradients are scattered back into the two tables with np.add.at (a word can occur many
times in one batch). Adagrad: G += g^2; p -= lr g / (sqrt(G) + eps).
"""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class SkipGramNS:
    def __init__(self, vocab=20, dim=8, lr=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 0.5, (vocab, dim)),
            "W_out": rng.normal(0.0, 0.5, (vocab, dim)),
        }
        self.lr = lr
        self.eps = eps
        self.G = {k: np.zeros_like(p) for k, p in self.params.items()}   # Adagrad sums
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def scores(self, X):
        v = self.params["W_in"][X[:, 0]]
        u = self.params["W_out"][X[:, 1]]
        return (v * u).sum(axis=1), v, u

    def loss(self, X, y):
        s, _, _ = self.scores(X)
        y = y.astype(s.dtype)
        return np.mean(np.logaddexp(0.0, s) - y * s)

    def backward(self, X, y):
        c, o = X[:, 0], X[:, 1]
        s, v, u = self.scores(X)
        y = y.astype(s.dtype)
        N = X.shape[0]
        loss = np.mean(np.logaddexp(0.0, s) - y * s)

        ds = (sigmoid(s) - y) / N                    # d loss / d s_n
        dv = ds[:, None] * u                         # d loss / d W_in[c_n]
        du = ds[:, None] * u                         # d loss / d W_out[o_n]
        dW_in = np.zeros_like(self.params["W_in"])
        dW_out = np.zeros_like(self.params["W_out"])
        np.add.at(dW_in, c, dv)
        np.add.at(dW_out, o, du)
        self.grads["W_in"] = dW_in
        self.grads["W_out"] = dW_out
        return loss

    def adagrad(self):
        for k, p in self.params.items():
            g = self.grads[k]
            self.G[k] += g * g
            p -= self.lr * g / (np.sqrt(self.G[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adagrad()
        return float(loss)
