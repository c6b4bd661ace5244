"""Tabular MLP regressor in NumPy trained with LAMB (layer-wise adaptive moments).

8 inputs, two tanh hidden layers of 10 units, one linear output; the loss is the mean squared
error over the rows (the target arrives as a 1-D column and is reshaped to (n, 1)). The gradients
are clipped together to a global norm of MAX_NORM as torch.nn.utils.clip_grad_norm_ does
(coef = min(1, MAX_NORM / (norm + 1e-6))). LAMB: Adam moments with bias correction,
r = m_hat / (sqrt(v_hat) + EPS); a weight matrix adds the decoupled decay WD * w to r and is
stepped by LR * (|w| / |r|) * r (trust ratio 1 where a norm is zero); the biases skip the decay
and the trust ratio (step LR * r). Constant learning rate.

    X: float (n, 8), y: float (n,)
"""

import numpy as np

D, H1, H2 = 8, 10, 10
LR, B1, B2, EPS, WD, MAX_NORM = 0.02, 0.9, 0.999, 1e-6, 0.01, 1.0


class LambMLP:
    def __init__(self, seed=112):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H1)),
            "b1": np.zeros(H1),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H1), (H1, H2)),
            "b2": np.zeros(H2),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "b3": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        return h1, h2, h2 @ p["W3"] + p["b3"]

    def loss(self, X, y):
        pred = self.forward(X)[2]
        return float(np.mean((pred - y.reshape(-1, 1)) ** 2))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        y = y.reshape(-1, 1)
        h1, h2, pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)

        g = {}
        dpred = 2.0 * (pred - y) / n
        g["W3"] = h2.T @ dpred
        g["b3"] = dpred.sum(axis=0)
        dz2 = (dpred @ p["W3"].T) * (1.0 - h2 ** 2)
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (1.0 - h1 ** 2)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)

        norm = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        coef = min(1.0, MAX_NORM / (float(norm) + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = B1 * self.m[k] + (1.0 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1.0 - B2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - B1 ** self.t)
            v_hat = self.v[k] / (1.0 - B2 ** self.t)
            r = m_hat / (np.sqrt(v_hat) + EPS)
            if k.startswith("W"):
                r = r + WD * p[k]
                w_norm = np.linalg.norm(p[k])
                r_norm = np.linalg.norm(r)
                trust = float(w_norm / r_norm) if w_norm > 0 and r_norm > 0 else 1.0
            else:
                trust = 1.0
            p[k] -= LR * trust * r
        return float(loss)
