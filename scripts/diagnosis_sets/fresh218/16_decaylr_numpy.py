"""A binary classifier with a mean-and-variance matching penalty (moment matching between two
batches), from scratch in NumPy.

The batch is two batches stacked: the first half (source) carries the labels, the second half
(target) does not. Two hidden layers are shared; the penalty asks the second hidden layer's
features to have the same per-feature mean and (biased) variance on both halves:

    h1   = relu(X @ W1 + b1)                      (N, 16)
    h2   = tanh(h1 @ W2 + b2)                     (N, 8), s = h2[:ns], t = h2[ns:]
    z    = s @ W3 + b3                            (ns, 1), a logit
    bce  = mean of softplus(z) - y z              (binary cross-entropy on the logit)
    pen  = sum_j (mean_j(s) - mean_j(t))^2 + sum_j (var_j(s) - var_j(t))^2
    loss = bce + lam * pen                        lam = 1

AdamW as torch.optim.AdamW (lr 0.01, betas 0.9 / 0.999, eps 1e-8, decoupled weight decay 0.01
on every parameter: p -= lr * wd * p before the Adam step).

Parameters: self.W1 (5, 16), self.b1 (16,), self.W2 (16, 8), self.b2 (8,), self.W3 (8, 1),
self.b3 (1,). Adam state: self.m, self.v (dicts keyed by those names), step count self.t.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


class MomentNet:
    def __init__(self, n_in=5, h1=16, h2=8, lam=1.0, lr=0.01, weight_decay=0.01, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, h1)) * np.sqrt(2.0 / n_in)
        self.b1 = np.zeros(h1)
        self.W2 = rng.standard_normal((h1, h2)) / np.sqrt(h1)
        self.b2 = np.zeros(h2)
        self.W3 = rng.standard_normal((h2, 1)) / np.sqrt(h2)
        self.b3 = np.zeros(1)
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.grads = {}
        self.t = 0
        self.lam, self.lr, self.wd = lam, lr, weight_decay
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8

    def forward(self, X, y):
        ns = X.shape[0] // 2
        a1 = X @ self.W1 + self.b1
        h1 = np.maximum(a1, 0)
        h2 = np.tanh(h1 @ self.W2 + self.b2)
        s, t = h2[:ns], h2[ns:]
        z = s @ self.W3 + self.b3
        ys = y[:ns]
        bce = (np.maximum(z, 0) - z * ys + np.log1p(np.exp(-np.abs(z)))).mean()
        mu_s, mu_t = s.mean(axis=0), t.mean(axis=0)
        var_s, var_t = s.var(axis=0), t.var(axis=0)
        pen = ((mu_s - mu_t) ** 2).sum() + ((var_s - var_t) ** 2).sum()
        cache = (a1, h1, h2, s, t, z, ys, mu_s, mu_t, var_s, var_t, ns)
        return bce + self.lam * pen, cache

    def loss(self, X, y):
        return self.forward(X, y)[0]

    def backward(self, X, y):
        loss, (a1, h1, h2, s, t, z, ys, mu_s, mu_t, var_s, var_t, ns) = self.forward(X, y)
        nt = t.shape[0]
        dz = (1 / (1 + np.exp(-z)) - ys) / z.shape[0]
        self.grads["W3"] = s.T @ dz
        self.grads["b3"] = dz.sum(axis=0)
        ds = dz @ self.W3.T
        # the penalty: d mean/d h_i = 1/n, d var/d h_i = 2 (h_i - mean)/n
        dmu = 2 * self.lam * (mu_s - mu_t)
        dvar = 2 * self.lam * (var_s - var_t)
        ds = ds + dmu / ns + dvar * 2 * (s - mu_s) / ns
        dt = -dmu / nt - dvar * 2 * (t - mu_t) / nt
        da2 = np.concatenate([ds, dt]) * (1 - h2 ** 2)
        self.grads["W2"] = h1.T @ da2
        self.grads["b2"] = da2.sum(axis=0)
        da1 = (da2 @ self.W2.T) * (a1 > 0)
        self.grads["W1"] = X.T @ da1
        self.grads["b1"] = da1.sum(axis=0)
        return loss

    def adamw(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in NAMES:
            p, g = getattr(self, k), self.grads[k]
            p -= self.wd * p
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)
