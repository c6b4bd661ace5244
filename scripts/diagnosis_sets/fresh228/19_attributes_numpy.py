"""DANN regression in NumPy with the parameters as attributes and the reversal as
its own function; the BCE gradient written directly on the logit, (p - d) / N.
Same network, loss and Adam as dann_reg_numpy.py.
"""

import numpy as np


def grad_reverse_backward(grad, lambd):
    """The gradient reversal layer's backward: identity forward, -lambda backward."""
    return -lambd * grad


class DANNRegressor:
    NAMES = ("W1", "b1", "Wr", "br", "Wd1", "bd1", "Wd2", "bd2")

    def __init__(self, lambd=0.3, lr=0.01, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 0.6, (3, 5))
        self.b1 = rng.normal(0, 0.1, 5)
        self.Wr = rng.normal(0, 0.45, (5, 1))
        self.br = np.zeros(1)
        self.Wd1 = rng.normal(0, 0.45, (5, 5))
        self.bd1 = np.full(5, 0.1)
        self.Wd2 = rng.normal(0, 0.45, (5, 1))
        self.bd2 = np.zeros(1)
        self.grads = {}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.NAMES}
        self.t = 0
        self.lambd, self.lr = lambd, lr

    def train_step(self, X, y):
        x, mask = X[:, :3], X[:, 3:4]
        N = len(X)
        src = mask[:, 0] > 0.5
        d = 1.0 - mask

        f = np.tanh(x @ self.W1 + self.b1)
        yhat = f @ self.Wr + self.br
        zq = f @ self.Wd1 + self.bd1
        q = np.where(zq > 0, zq, 0.0)
        zp = q @ self.Wd2 + self.bd2
        p = 1.0 / (1.0 + np.exp(-zp))

        diff = yhat[src] - y[src]
        mse = np.mean(diff ** 2)
        dyhat = np.zeros_like(yhat)
        dyhat[src] = 2.0 * diff / diff.size
        bce = -np.mean(d * np.log(p) + (1 - d) * np.log(1 - p))
        dzp = (p - d) / N

        g = {}
        g["Wd2"], g["bd2"] = q.T @ dzp, dzp.sum(0)
        dzq = (dzp @ self.Wd2.T) * (zq > 0)
        g["Wd1"], g["bd1"] = f.T @ dzq, dzq.sum(0)
        g["Wr"], g["br"] = f.T @ dyhat, dyhat.sum(0)
        df = dyhat @ self.Wr.T + grad_reverse_backward(dzq @ self.Wd1.T, self.lambd)
        dzf = df * (1 - f ** 2)
        g["W1"], g["b1"] = x.T @ dzf, dzf.sum(0)
        self.grads = g

        self.t += 1
        c1, c2 = 1 - 0.9 ** self.t, 1 - 0.999 ** self.t
        for k in self.NAMES:
            self.m[k] = 0.9 * self.m[k] + 0.1 * g[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * g[k] * g[k]
            step = self.lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + 1e-8)
            setattr(self, k, getattr(self, k) - step)
        return mse + bce
