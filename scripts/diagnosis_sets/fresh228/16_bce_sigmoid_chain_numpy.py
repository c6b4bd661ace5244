"""Domain-adversarial regression (DANN), from scratch in NumPy, trained with Adam.

    X: (N, 4) = 3 features and the source mask (1 source row, 0 target row)
    y: (N, 1) float target, used on the source rows only
    domain label d = 1 - mask

feature extractor  f = tanh(x W1 + b1)              3 -> 5
regression head    yhat = f Wr + br                 5 -> 1, MSE averaged over the source rows
gradient reversal  fixed lambda = 0.3
domain head        q = relu(f Wd1 + bd1)            5 -> 5
                   p = sigmoid(q Wd2 + bd2)         5 -> 1, binary cross-entropy, mean over all rows
loss = MSE + BCE; Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 (torch.optim.Adam).
"""

import numpy as np


class DANNRegressor:
    def __init__(self, n_in=3, hidden=5, dom_hidden=5, lambd=0.3, lr=0.01,
                 beta1=0.9, beta2=0.999, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "Wr": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "br": np.zeros(1),
            "Wd1": rng.standard_normal((hidden, dom_hidden)) / np.sqrt(hidden),
            "bd1": rng.standard_normal(dom_hidden) * 0.1 + 0.1,
            "Wd2": rng.standard_normal((dom_hidden, 1)) / np.sqrt(dom_hidden),
            "bd2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.n_in = n_in
        self.lambd = lambd
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps

    def forward(self, X):
        P = self.params
        x = X[:, :self.n_in]
        f = np.tanh(x @ P["W1"] + P["b1"])
        yhat = f @ P["Wr"] + P["br"]
        zq = f @ P["Wd1"] + P["bd1"]
        q = np.maximum(zq, 0.0)
        zp = q @ P["Wd2"] + P["bd2"]
        p = 1.0 / (1.0 + np.exp(-zp))
        self.cache = (x, f, yhat, zq, q, p)
        return yhat, p

    def backward(self, X, y):
        P = self.params
        x, f, yhat, zq, q, p = self.cache
        N = X.shape[0]
        mask = X[:, self.n_in:self.n_in + 1]          # (N, 1)
        d = 1.0 - mask
        n_src = mask.sum()

        err = (yhat - y) * mask
        mse = (err ** 2).sum() / n_src
        dyhat = 2.0 * err / n_src

        bce = -(d * np.log(p) + (1.0 - d) * np.log(1.0 - p)).mean()
        dp = -(d / p - (1.0 - d) / (1.0 - p)) / N
        dzp = dp

        g = self.grads
        g["Wd2"] = q.T @ dzp
        g["bd2"] = dzp.sum(axis=0)
        dq = dzp @ P["Wd2"].T
        dzq = dq * (zq > 0)
        g["Wd1"] = f.T @ dzq
        g["bd1"] = dzq.sum(axis=0)
        df_dom = dzq @ P["Wd1"].T

        g["Wr"] = f.T @ dyhat
        g["br"] = dyhat.sum(axis=0)
        df_reg = dyhat @ P["Wr"].T

        df = df_reg + (-self.lambd) * df_dom           # gradient reversal
        dzf = df * (1.0 - f ** 2)
        g["W1"] = x.T @ dzf
        g["b1"] = dzf.sum(axis=0)
        return mse + bce

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in self.params:
            gk = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * gk
            self.v[k] = b2 * self.v[k] + (1 - b2) * gk ** 2
            mhat = self.m[k] / (1 - b1 ** self.t)
            vhat = self.v[k] / (1 - b2 ** self.t)
            self.params[k] -= self.lr * mhat / (np.sqrt(vhat) + self.eps)

    def train_step(self, X, y):
        self.forward(X)
        loss = self.backward(X, y)
        self.update()
        return loss
