"""Domain-adversarial network (DANN) classifier, from scratch in NumPy.

    X: (N, 5) = 4 features and the source mask (1 source row, 0 target row)
    y: (N,) int class labels, used on the source rows only
    domain label d = 1 - mask

feature extractor  h = tanh(x W1 + b1)            4 -> 6
label head         s = h Wc + bc                  6 -> 3, softmax cross-entropy, mean over source rows
gradient reversal  forward h, backward -lambda * gradient
domain head        a = tanh(h Wd1 + bd1)          6 -> 4
                   z = a Wd2 + bd2                4 -> 1, sigmoid binary cross-entropy, mean over all rows
loss = CE + BCE;   lambda = 2 / (1 + exp(-10 p)) - 1, p = step / total_steps (step counted from 1)
SGD with momentum (torch.optim.SGD convention: v = mu v + g; W -= lr v).
"""

import math

import numpy as np


class DANNClassifier:
    def __init__(self, n_in=4, hidden=6, dom_hidden=4, classes=3, lr=0.1, momentum=0.9,
                 total_steps=20, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "Wc": rng.standard_normal((hidden, classes)) / np.sqrt(hidden),
            "bc": np.zeros(classes),
            "Wd1": rng.standard_normal((hidden, dom_hidden)) / np.sqrt(hidden),
            "bd1": rng.standard_normal(dom_hidden) * 0.1,
            "Wd2": rng.standard_normal((dom_hidden, 1)) / np.sqrt(dom_hidden),
            "bd2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.total_steps = total_steps
        self.step = 0
        self.n_in = n_in

    def grl_lambda(self):
        p = self.step / self.total_steps
        return 2.0 / (1.0 + math.exp(-10.0 * p)) - 1.0

    def forward(self, X):
        P = self.params
        x = X[:, :self.n_in]
        h = np.tanh(x @ P["W1"] + P["b1"])
        s = h @ P["Wc"] + P["bc"]
        a = np.tanh(h @ P["Wd1"] + P["bd1"])
        z = a @ P["Wd2"] + P["bd2"]
        self.cache = (x, h, s, a, z)
        return s, z

    def backward(self, X, y, lam):
        P = self.params
        x, h, s, a, z = self.cache
        N = X.shape[0]
        mask = X[:, self.n_in]
        d = 1.0 - mask
        n_src = mask.sum()

        # label head: softmax cross-entropy on the source rows
        s_shift = s - s.max(axis=1, keepdims=True)
        e = np.exp(s_shift)
        prob = e / e.sum(axis=1, keepdims=True)
        logp = s_shift - np.log(e.sum(axis=1, keepdims=True))
        ce = -(logp[np.arange(N), y] * mask).sum() / n_src
        onehot = np.zeros_like(prob)
        onehot[np.arange(N), y] = 1.0
        ds = (prob - onehot) * mask[:, None] / n_src

        # domain head: sigmoid BCE on all rows
        zc = z[:, 0]
        bce = (np.maximum(zc, 0) - zc * d + np.log1p(np.exp(-np.abs(zc)))).mean()
        sig = 1.0 / (1.0 + np.exp(-zc))
        dz = ((sig - d) / N)[:, None]

        g = self.grads
        g["Wd2"] = a.T @ dz
        g["bd2"] = dz.sum(axis=0)
        da = dz @ P["Wd2"].T
        dpre_d = da * (1.0 - a ** 2)
        g["Wd1"] = h.T @ dpre_d
        g["bd1"] = dpre_d.sum(axis=0)
        dh_dom = dpre_d @ P["Wd1"].T

        g["Wc"] = h.T @ ds
        g["bc"] = ds.sum(axis=0)
        dh_lab = ds @ P["Wc"].T

        # gradient reversal: the domain gradient enters the features times -lambda
        dh = dh_lab - dh_dom
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = x.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        return ce + bce

    def update(self):
        for k in self.params:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            self.params[k] -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        self.step += 1
        lam = self.grl_lambda()
        self.forward(X)
        loss = self.backward(X, y, lam)
        self.update()
        return loss
