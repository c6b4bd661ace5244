"""VICReg, written by hand in NumPy.

X (N, 16) holds the two augmented views side by side: x_a = X[:, :8], x_b = X[:, 8:].
Both go through the same network (weights kept as torch keeps them, (out, in)):

    h1 = tanh(x @ W1.T + b1)        (N, 32)   encoder
    h2 = tanh(h1 @ W2.T + b2)       (N, 32)
    z  = h2 @ W3.T                  (N, 16)   projector (expander), no bias

    inv  = mean((z_a - z_b)^2)                                   over N * D
    std  = sqrt(var(z) + 1e-4), var unbiased (N - 1), per dimension
    var  = mean(relu(1 - std_a)) / 2 + mean(relu(1 - std_b)) / 2
    cov  = sum_{i != j} Cov(z_a)_ij^2 / D + sum_{i != j} Cov(z_b)_ij^2 / D,
           Cov(z) = (z - mean)^T (z - mean) / (N - 1)
    loss = 25 inv + 25 var + 1 cov

Adam as torch.optim.Adam: lr 2e-3, betas (0.9, 0.999), eps 1e-8 (added to sqrt(v_hat)).
y is unused.

Parameters (attributes): W1 (32, 8), b1 (32,), W2 (32, 32), b2, W3 (16, 32) (no projector bias:
every term of the loss is blind to a shift of z, so its gradient would be zero).
Gradients: self.grads (keys "W1", ...). Adam state: self.m, self.v (same keys), self.t.
"""

import os

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3")


class VICReg:
    def __init__(self, d_in=8, hidden=32, proj=16, lr=2e-3, betas=(0.9, 0.999), eps=1e-8,
                 sim_coeff=25.0, std_coeff=25.0, cov_coeff=1.0, var_eps=1e-4, seed=1):
        rng = np.random.default_rng(seed)
        self.d_in = d_in
        self.W1 = rng.uniform(-1, 1, (hidden, d_in)) / np.sqrt(d_in)
        self.b1 = rng.uniform(-1, 1, hidden) / np.sqrt(d_in)
        self.W2 = rng.uniform(-1, 1, (hidden, hidden)) / np.sqrt(hidden)
        self.b2 = rng.uniform(-1, 1, hidden) / np.sqrt(hidden)
        self.W3 = rng.uniform(-1, 1, (proj, hidden)) * 6.0 / np.sqrt(hidden)
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.sim_coeff, self.std_coeff, self.cov_coeff = sim_coeff, std_coeff, cov_coeff
        self.var_eps = var_eps

    def _split(self, X):
        X = np.asarray(X).astype(self.W1.dtype, copy=False)
        return X[:, :self.d_in], X[:, self.d_in:]

    def _project(self, x):
        h1 = np.tanh(x @ self.W1.T + self.b1)
        h2 = np.tanh(h1 @ self.W2.T + self.b2)
        z = h2 @ self.W3.T
        return z, (x, h1, h2)

    # -------------------------------------------------------------- the loss
    def _terms(self, z):
        """Variance hinge and covariance penalty of one branch, with what backward needs."""
        N, D = z.shape
        zc = z - z.mean(axis=0)
        std = np.sqrt((zc ** 2).sum(axis=0) / (N - 1) + self.var_eps)
        hinge = np.maximum(1.0 - std, 0.0)
        cov = zc.T @ zc / (N - 1)
        off = cov - np.diag(np.diag(cov))
        return hinge.mean(), (off ** 2).sum() / D, (zc, std, off)

    def _loss(self, za, zb):
        inv = ((za - zb) ** 2).mean()
        var_a, cov_a, ca = self._terms(za)
        var_b, cov_b, cb = self._terms(zb)
        loss = (self.sim_coeff * inv + self.std_coeff * (var_a + var_b) / 2
                + self.cov_coeff * (cov_a + cov_b))
        return loss, ca, cb

    def loss(self, X, y=None):
        xa, xb = self._split(X)
        return self._loss(self._project(xa)[0], self._project(xb)[0])[0]

    # ---------------------------------------------------------------- backward
    def _back_terms(self, cache):
        zc, std, off = cache
        N, D = zc.shape
        # variance hinge: d/dstd mean(relu(1 - std)) / 2 = -1/(2D) where std < 1
        dstd = -(std < 1.0).astype(zc.dtype) * (self.std_coeff / (2.0 * D))
        dz = dstd * zc / (N * std)
        # covariance: d/dCov sum(off^2)/D = 2 off / D (symmetric), Cov = zc^T zc / (N-1)
        dcov = 2.0 * off / D * self.cov_coeff
        dz += 2.0 * zc @ dcov / (N - 1)
        return dz

    def _back_project(self, dz, cache):
        x, h1, h2 = cache
        self.grads["W3"] += dz.T @ h2
        da2 = (dz @ self.W3) * (1.0 - h2 ** 2)
        self.grads["W2"] += da2.T @ h1
        self.grads["b2"] += da2.sum(axis=0)
        da1 = (da2 @ self.W2) * (1.0 - h1 ** 2)
        self.grads["W1"] += da1.T @ x
        self.grads["b1"] += da1.sum(axis=0)

    def backward(self, X):
        xa, xb = self._split(X)
        za, cache_a = self._project(xa)
        zb, cache_b = self._project(xb)
        loss, ca, cb = self._loss(za, zb)
        dinv = self.sim_coeff * 2.0 * (za - zb) / za.size
        dza = dinv + self._back_terms(ca)
        dzb = -dinv + self._back_terms(cb)
        for g in self.grads.values():
            g.fill(0)
        self._back_project(dza, cache_a)
        self._back_project(dzb, cache_b)
        return loss

    # --------------------------------------------------------------- optimizer
    def adam_step(self):
        self.t += 1
        for k in NAMES:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p = getattr(self, k)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y=None):
        loss = self.backward(X)
        self.adam_step()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "vic.npz"))
    net = VICReg()
    for step in range(100):
        loss = net.train_step(data["X"])
        if step % 10 == 0:
            print(step, loss)
