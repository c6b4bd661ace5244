"""Correct variant of moment_numpy.py: the same network, penalty and AdamW, written another way.

Layers are a list of dicts with weights kept (out, in) like nn.Linear; the variance is computed
as E[h^2] - E[h]^2 and its gradient through the second moment; the decoupled weight decay is
folded in as p *= 1 - lr * wd; the BCE gradient comes from sigmoid(z) - y.

Parameters: self.layers[i]['W'] (out, in) and self.layers[i]['b'] for i = 0, 1, 2.
"""

import numpy as np


class MomentNet:
    def __init__(self, sizes=(5, 16, 8, 1), lam=1.0, lr=0.01, weight_decay=0.01, seed=2):
        rng = np.random.default_rng(seed)
        scales = (np.sqrt(2.0 / sizes[0]), 1 / np.sqrt(sizes[1]), 1 / np.sqrt(sizes[2]))
        self.layers = []
        for n_in, n_out, sc in zip(sizes[:-1], sizes[1:], scales):
            self.layers.append({"W": rng.standard_normal((n_out, n_in)) * sc,
                                "b": np.zeros(n_out)})
        self.state = [{k: (np.zeros_like(a), np.zeros_like(a)) for k, a in L.items()}
                      for L in self.layers]
        self.step_count = 0
        self.lam, self.lr, self.wd = lam, lr, weight_decay

    def _run(self, X, y):
        L1, L2, L3 = self.layers
        ns = len(X) // 2
        a1 = X @ L1["W"].T + L1["b"]
        h1 = np.where(a1 > 0, a1, 0)
        h2 = np.tanh(h1 @ L2["W"].T + L2["b"])
        z = h2[:ns] @ L3["W"].T + L3["b"]
        ys = y[:ns]
        bce = np.mean(np.logaddexp(0, z) - ys * z)
        parts = (h2[:ns], h2[ns:])
        stats = []
        for part in parts:
            mu = part.mean(0)
            sq = (part * part).mean(0)
            stats.append((mu, sq - mu * mu))
        (mu_s, var_s), (mu_t, var_t) = stats
        pen = np.sum((mu_s - mu_t) ** 2) + np.sum((var_s - var_t) ** 2)
        return bce + self.lam * pen, (a1, h1, h2, z, ys, stats, ns)

    def loss(self, X, y):
        return self._run(X, y)[0]

    def train_step(self, X, y):
        L1, L2, L3 = self.layers
        loss, (a1, h1, h2, z, ys, stats, ns) = self._run(X, y)
        (mu_s, var_s), (mu_t, var_t) = stats
        dz = (1 / (1 + np.exp(-z)) - ys) / len(z)
        g3 = {"W": dz.T @ h2[:ns], "b": dz.sum(0)}
        dh2 = np.zeros_like(h2)
        dh2[:ns] = dz @ L3["W"]
        gap_mu = 2 * self.lam * (mu_s - mu_t)
        gap_var = 2 * self.lam * (var_s - var_t)
        for sl, sign, mu in ((slice(0, ns), 1, mu_s), (slice(ns, None), -1, mu_t)):
            part = h2[sl]
            n = len(part)
            # var = E[h^2] - mu^2: d/dh_i = 2 h_i / n - 2 mu / n
            dh2[sl] += sign * (gap_mu / n + gap_var * (2 * part / n - 2 * mu / n))
        da2 = dh2 * (1 - h2 * h2)
        g2 = {"W": da2.T @ h1, "b": da2.sum(0)}
        da1 = (da2 @ L2["W"]) * (a1 > 0)
        g1 = {"W": da1.T @ X, "b": da1.sum(0)}
        self.layer_grads = [g1, g2, g3]

        self.step_count += 1
        t = self.step_count
        for L, G, S in zip(self.layers, self.layer_grads, self.state):
            for k in L:
                m, v = S[k]
                m[...] = 0.9 * m + 0.1 * G[k]
                v[...] = 0.999 * v + 0.001 * G[k] ** 2
                L[k] *= 1 - self.lr * self.wd
                L[k] -= self.lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        return float(loss)
