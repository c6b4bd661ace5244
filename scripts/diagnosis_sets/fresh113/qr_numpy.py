"""Quantile regression network in NumPy: one ReLU hidden layer and three linear outputs, the
conditional 10%, 50% and 90% quantiles, trained with the pinball loss

    rho_tau(r) = max(tau * r, (tau - 1) * r),   r = y - q_tau(x)

averaged over the rows and the three quantiles. Its subgradient with respect to q_tau is
(1[r < 0] - tau) / (n * 3) (r is never exactly 0 here). The gradients are clipped to a global L2
norm of MAX_NORM (torch's clip_grad_norm_: every gradient times min(1, MAX_NORM / (norm + 1e-6))),
kept clipped in self.grads, then AdamW: decoupled weight decay p *= 1 - LR * WD on the two weight
matrices only, then the bias-corrected Adam step (eps outside the square root).

    X: float (n, 5), y: float (n, 1)
"""

import numpy as np

D, HIDDEN = 5, 16
TAUS = (0.1, 0.5, 0.9)
LR, WD, MAX_NORM = 0.01, 0.05, 0.3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
DECAYED = ("W1", "W2")


class QuantileMLP:
    def __init__(self, seed=113):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, len(TAUS))),
            "b2": np.array([-1.0, 0.0, 1.0]),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        return pre, h, h @ p["W2"] + p["b2"]

    def loss(self, X, y):
        q = self.forward(X)[2]
        taus = np.asarray(TAUS, dtype=q.dtype)
        r = y - q
        return float(np.mean(np.maximum(taus * r, (taus - 1.0) * r)))

    def train_step(self, X, y):
        p = self.params
        pre, h, q = self.forward(X)
        taus = np.asarray(TAUS, dtype=q.dtype)
        r = y - q
        loss = np.mean(np.maximum(taus * r, (taus - 1.0) * r))

        dq = np.where(r < 0, 1.0 - taus, -taus) / r.size
        g = {}
        g["W2"] = h.T @ dq
        g["b2"] = dq.sum(axis=0)
        dpre = (dq @ p["W2"].T) * (pre > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(MAX_NORM / (total + 1e-6), 1.0)
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            if k in DECAYED:
                p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
