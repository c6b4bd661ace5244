"""Biased MF for explicit ratings, written row by row (the classic Funk-SVD loop) but with the
gradients of the whole batch accumulated before the update, so it computes exactly what
mf_numpy.py does. The item factors are kept transposed, Qt (k, n_items), and the momentum
buffers are updated in place.
"""

import numpy as np


class BiasedMFLoop:
    def __init__(self, n_users=20, n_items=30, k=8, global_mean=3.4625, lr=0.05, momentum=0.9,
                 lam=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.P = 0.1 * rng.standard_normal((n_users, k))
        self.Qt = 0.1 * rng.standard_normal((n_items, k)).T.copy()
        self.b_user = np.zeros(n_users)
        self.b_item = np.zeros(n_items)
        self.mu, self.lr, self.beta, self.lam = global_mean, lr, momentum, lam
        self.names = ("P", "Qt", "b_user", "b_item")
        self.mom = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {n: np.zeros_like(getattr(self, n)) for n in self.names}

    def train_step(self, X, y):
        N = len(y)
        for n in self.names:
            self.grads[n].fill(0.0)
        gP, gQt, gbu, gbi = (self.grads[n] for n in self.names)
        total = 0.0
        for n in range(N):
            u, i = int(X[n, 0]), int(X[n, 1])
            pu, qi = self.P[u], self.Qt[:, i]
            e = self.mu + self.b_user[u] + self.b_item[i] + pu @ qi - y[n]
            total += e * e + self.lam * (pu @ pu + qi @ qi + self.b_user[u] ** 2 + self.b_item[i] ** 2)
            gP[u] += (2 * e * qi + 2 * self.lam * pu) / N
            gQt[:, i] += (2 * e * pu + 2 * self.lam * qi) / N
            gbu[u] += (2 * e + 2 * self.lam * self.b_user[u]) / N
            gbi[i] += (2 * e + 2 * self.lam * self.b_item[i]) / N
        for n in self.names:
            buf = self.mom[n]
            np.multiply(buf, self.beta, out=buf)
            np.add(buf, self.grads[n], out=buf)
            param = getattr(self, n)
            param -= self.lr * buf
        return float(total / N)
