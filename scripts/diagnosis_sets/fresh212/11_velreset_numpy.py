"""Biased matrix factorization for explicit ratings, from scratch in NumPy (Funk-SVD style).

    r_hat(u, i) = mu + b_u + b_i + P[u] . Q[i]

mu is the global mean of the training ratings (a constant). Loss on a batch of N (user, item)
pairs: mean squared error plus L2 on the rows the batch uses (each occurrence counts):

    L = 1/N sum_n (r_hat_n - r_n)^2 + lam/N sum_n (|P[u_n]|^2 + |Q[i_n]|^2 + b_u^2 + b_i^2)

Trained with SGD and heavy-ball momentum (v = momentum * v + g; p -= lr * v).
"""

import numpy as np


class BiasedMF:
    def __init__(self, n_users=20, n_items=30, k=8, global_mean=3.4625, lr=0.05, momentum=0.9,
                 lam=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "P": 0.1 * rng.standard_normal((n_users, k)),
            "Q": 0.1 * rng.standard_normal((n_items, k)),
            "bu": np.zeros(n_users),
            "bi": np.zeros(n_items),
        }
        self.mu = global_mean
        self.lr = lr
        self.momentum = momentum
        self.lam = lam
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}

    def predict(self, X):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        return self.mu + p["bu"][u] + p["bi"][i] + np.sum(p["P"][u] * p["Q"][i], axis=1)

    def loss(self, X, y):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        N = X.shape[0]
        err = self.predict(X) - y
        reg = (np.sum(p["P"][u] ** 2) + np.sum(p["Q"][i] ** 2)
               + np.sum(p["bu"][u] ** 2) + np.sum(p["bi"][i] ** 2))
        return np.mean(err ** 2) + self.lam * reg / N

    def backward(self, X, y):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        N = X.shape[0]
        Pu, Qi = p["P"][u], p["Q"][i]
        err = self.predict(X) - y
        d = 2.0 * err / N                                  # dL/dr_hat
        c = 2.0 * self.lam / N
        gPu = d[:, None] * Qi + c * Pu
        gQi = d[:, None] * Pu + c * Qi
        gbu = d + c * p["bu"][u]
        gbi = d + c * p["bi"][i]
        for name in self.grads:
            self.grads[name] = np.zeros_like(p[name])
        np.add.at(self.grads["P"], u, gPu)
        np.add.at(self.grads["Q"], i, gQi)
        np.add.at(self.grads["bu"], u, gbu)
        np.add.at(self.grads["bi"], i, gbi)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(X, y)
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        for name, p in self.params.items():
            v = self.velocity[name]
            v *= self.momentum
            v += self.grads[name]
            p -= self.lr * v
        return float(loss)
