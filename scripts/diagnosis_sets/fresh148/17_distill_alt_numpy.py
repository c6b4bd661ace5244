"""distill_numpy.py written another way: weights kept (out, in) as torch keeps them, as
attributes; the smoothed, weighted cross entropy through a target matrix; Adam in
torch's arrangement (step size lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps).

    h = tanh(X @ W1.T + b1); z = h @ Wc.T + bc; r = h @ Wr.T + br
    loss = (1 - alpha) * CE_ls_w + alpha * T^2 * KL_batchmean + Huber_delta

    X: float (N, 6); y: float (N, 5) = [class, teacher logits (3), regression target].

Parameters: W1 (16, 6), b1 (16,), Wc (3, 16), bc (3,), Wr (1, 16), br (1,).
Optimizer state: self.m, self.v (dicts keyed by parameter name), self.t.
"""

import numpy as np

NAMES = ("W1", "b1", "Wc", "bc", "Wr", "br")


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class DistillNet:
    def __init__(self, n_in=6, hidden=16, classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 T=2.0, alpha=0.5, delta=1.5, smoothing=0.1, class_weight=(1.0, 2.0, 0.5), seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (hidden, n_in)) / np.sqrt(n_in)
        self.b1 = rng.uniform(-1, 1, hidden) / np.sqrt(n_in)
        self.Wc = rng.uniform(-1, 1, (classes, hidden)) / np.sqrt(hidden)
        self.bc = rng.uniform(-1, 1, classes) / np.sqrt(hidden)
        self.Wr = rng.uniform(-1, 1, (1, hidden)) / np.sqrt(hidden)
        self.br = rng.uniform(-1, 1, 1) / np.sqrt(hidden)
        self.class_weight = np.array(class_weight)
        self.T, self.alpha, self.delta, self.smoothing = T, alpha, delta, smoothing
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0
        self.grads = {}

    def _run(self, X, y):
        N = X.shape[0]
        C = self.Wc.shape[0]
        h = np.tanh(X @ self.W1.T + self.b1)
        z = h @ self.Wc.T + self.bc
        r = h @ self.Wr.T + self.br
        c = y[:, 0].astype(np.int64)
        teacher, target = y[:, 1:1 + C], y[:, 1 + C:]
        w, eps, T = self.class_weight, self.smoothing, self.T

        # smoothed target distribution; each entry weighted by its class's weight,
        # normalised by the weight of the true classes
        q = np.full_like(z, eps / C)
        q[np.arange(N), c] += 1 - eps
        qw = q * w
        norm = w[c].sum()
        zs = z - z.max(axis=1, keepdims=True)
        logp = zs - np.log(np.exp(zs).sum(axis=1, keepdims=True))
        ce = -(qw * logp).sum() / norm
        # d/dz of -sum_k qw_k log p_k = p * sum_k qw_k - qw
        dce = (softmax(z) * qw.sum(axis=1, keepdims=True) - qw) / norm

        pt = softmax(teacher / T)
        ps = softmax(z / T)
        kl = (pt * (np.log(pt) - np.log(ps))).sum() / N
        dkl = (ps - pt) * (T / N)

        d = r - target
        quad = np.abs(d) <= self.delta
        huber = np.where(quad, 0.5 * d ** 2, self.delta * (np.abs(d) - 0.5 * self.delta)).mean()
        dr = np.where(quad, d, self.delta * np.sign(d)) / d.size

        loss = (1 - self.alpha) * ce + self.alpha * T ** 2 * kl + huber
        dz = (1 - self.alpha) * dce + self.alpha * dkl
        return loss, X, h, dz, dr

    def loss(self, X, y):
        return self._run(X, y)[0]

    def backward(self, X, y):
        loss, X, h, dz, dr = self._run(X, y)
        g = self.grads
        g["Wc"] = dz.T @ h
        g["bc"] = dz.sum(axis=0)
        g["Wr"] = dr.T @ h
        g["br"] = dr.sum(axis=0)
        da = (dz @ self.Wc + dr @ self.Wr) * (1 - h ** 2)
        g["W1"] = da.T @ X
        g["b1"] = da.sum(axis=0)
        return loss

    def step(self):
        self.t += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k in NAMES:
            p, g = getattr(self, k), self.grads[k]
            self.m[k] *= b1
            self.m[k] += (1 - b1) * g
            self.v[k] *= b2
            self.v[k] += (1 - b2) * g * g
            denom = np.sqrt(self.v[k]) / np.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
