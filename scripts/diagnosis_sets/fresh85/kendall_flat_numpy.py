"""KendallMTL again in NumPy, every parameter a view into one flat vector.

The same three-task model as kendall_numpy.py (a ReLU trunk 8 -> 12; drift, fault and mode heads;
the masked squared error, the masked sigmoid cross-entropy and the softmax cross-entropy weighted
as L_i / (2 sigma_i^2) + log sigma_i), written the way code that keeps a flat parameter vector
does: theta holds all the parameters and self.params holds reshaped views into it, the gradient is
assembled into one flat vector with the same layout, so the global-norm clipping is
np.linalg.norm of that vector and RMSprop updates theta in one expression. The three heads are
one (12, 6) matrix of columns [drift | fault | mode x 4]; the weighting is written with
sigma^2 = exp(2 log_sigma).

    X: float (n, 8), y: float (n, 5) = [drift, has_drift, fault, has_fault, mode]
"""

import numpy as np

D, HIDDEN, K = 8, 12, 4
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 1.0
SHAPES = {"W": (D, HIDDEN), "b": (HIDDEN,), "heads_w": (HIDDEN, 2 + K), "heads_b": (2 + K,),
          "log_sigma": (3,)}


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class KendallFlat:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for s in SHAPES.values()))
        self.params = views(self.theta)
        self.params["W"][...] = rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN))
        self.params["heads_w"][...] = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 2 + K))
        self.sq_flat = np.zeros_like(self.theta)
        self.sq = views(self.sq_flat)

    def _losses(self, X, y):
        p = self.params
        drift, has_drift, fault, has_fault = (y[:, j] for j in range(4))
        mode = y[:, 4].astype(np.int64)
        h = np.maximum(X @ p["W"] + p["b"], 0.0)
        out = h @ p["heads_w"] + p["heads_b"]
        r, zf, zk = out[:, 0], out[:, 1], out[:, 2:]
        zk = zk - zk.max(axis=1, keepdims=True)
        logp = zk - np.log(np.exp(zk).sum(axis=1, keepdims=True))
        n_drift = np.maximum(has_drift.sum(), 1.0)
        n_fault = np.maximum(has_fault.sum(), 1.0)
        task = np.stack([
            (has_drift * (r - drift) ** 2).sum() / n_drift,
            (has_fault * (np.logaddexp(0.0, zf) - fault * zf)).sum() / n_fault,
            -logp[np.arange(len(mode)), mode].mean(),
        ])
        sigma2 = np.exp(2.0 * p["log_sigma"])
        total = (task / (2.0 * sigma2)).sum() + p["log_sigma"].sum()
        return h, r, zf, logp, mode, n_drift, n_fault, task, sigma2, total

    def loss(self, X, y):
        return float(self._losses(X, y)[-1])

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        h, r, zf, logp, mode, n_drift, n_fault, task, sigma2, total = self._losses(X, y)
        drift, has_drift, fault, has_fault = (y[:, j] for j in range(4))

        gflat = np.zeros_like(self.theta)
        g = views(gflat)
        d_out = np.empty((n, 2 + K), dtype=X.dtype)
        d_out[:, 0] = has_drift * (r - drift) / (sigma2[0] * n_drift)
        d_out[:, 1] = has_fault * (1.0 / (1.0 + np.exp(-zf)) - fault) / (2.0 * sigma2[1] * n_fault)
        onehot = (np.arange(K)[None, :] == mode[:, None]).astype(X.dtype)
        d_out[:, 2:] = (np.exp(logp) - onehot) / (2.0 * sigma2[2] * n)
        g["heads_w"][...] = h.T @ d_out
        g["heads_b"][...] = d_out.sum(axis=0)
        d_pre = (d_out @ p["heads_w"].T) * (h > 0)
        g["W"][...] = X.T @ d_pre
        g["b"][...] = d_pre.sum(axis=0)
        g["log_sigma"][...] = 1.0 - task / sigma2

        norm = np.linalg.norm(gflat)
        if norm > MAX_NORM:
            gflat *= MAX_NORM / (norm + 1e-6)
        self.grads = g

        self.sq_flat *= ALPHA
        self.sq_flat += (1 - ALPHA) * gflat * gflat
        self.theta -= LR * gflat / (np.sqrt(self.sq_flat) + EPS)
        return float(total)
