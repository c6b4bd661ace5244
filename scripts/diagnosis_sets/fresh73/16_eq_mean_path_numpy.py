"""Permutation-equivariant DeepSets classifier over padded sets, from scratch in NumPy.

Two equivariant layers (Zaheer et al.), each h' = relu(h Lam + b - mean(h) Gam), where mean(h)
is the mean over the set's real elements only (the presence flag in channel 3 of X masks the
padding out of the sum and the count), then the mean over the real elements again, and a linear
unit gives one logit per set: does the set hold an outlier? Mean sigmoid cross-entropy,
hand-written backward pass, RMSprop (alpha 0.9).

    X: float (n, 6, 4) elements and presence flag, y: float (n, 1) 0/1
"""

import numpy as np

D, H = 3, 10
LR, ALPHA, EPS = 0.01, 0.9, 1e-8


def masked_mean(h, mask, count):
    return (h * mask).sum(axis=1, keepdims=True) / count


class EquivSet:
    def __init__(self, seed=73):
        rng = np.random.default_rng(seed)
        self.params = {
            "Lam1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "Gam1": rng.normal(0.0, 0.5 / np.sqrt(D), (D, H)),
            "b1": rng.normal(0.0, 0.1, H),
            "Lam2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, H)),
            "Gam2": rng.normal(0.0, 0.5 / np.sqrt(H), (H, H)),
            "b2": rng.normal(0.0, 0.1, H),
            "w_out": rng.normal(0.0, 1.0 / np.sqrt(H), (H, 1)),
            "b_out": np.zeros(1),
        }
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x, mask = X[:, :, :D], X[:, :, D:]
        count = mask.sum(axis=1, keepdims=True)

        m0 = masked_mean(x, mask, count)                            # (n, 1, D)
        pre1 = x @ p["Lam1"] + p["b1"] - m0 @ p["Gam1"]
        h1 = np.maximum(pre1, 0.0)
        m1 = masked_mean(h1, mask, count)                           # (n, 1, H)
        pre2 = h1 @ p["Lam2"] + p["b2"] - m1 @ p["Gam2"]
        h2 = np.maximum(pre2, 0.0)
        pooled = masked_mean(h2, mask, count)[:, 0, :]              # (n, H)
        z = pooled @ p["w_out"] + p["b_out"]

        loss = np.mean(np.logaddexp(0.0, z) - y * z)

        g = {}
        dz = (1.0 / (1.0 + np.exp(-z)) - y) / n
        g["w_out"] = pooled.T @ dz
        g["b_out"] = dz.sum(axis=0)
        dh2 = (dz @ p["w_out"].T)[:, None, :] * mask / count
        dpre2 = dh2 * (pre2 > 0)
        g["Lam2"] = np.einsum("nsi,nsj->ij", h1, dpre2)
        g["b2"] = dpre2.sum(axis=(0, 1))
        dsum2 = dpre2.sum(axis=1, keepdims=True)                    # (n, 1, H)
        g["Gam2"] = -np.einsum("nsi,nsj->ij", m1, dsum2)
        dh1 = dpre2 @ p["Lam2"].T  # fix: dh1 = dpre2 @ p["Lam2"].T - (dsum2 @ p["Gam2"].T) * mask / count
        dpre1 = dh1 * (pre1 > 0)
        g["Lam1"] = np.einsum("nsi,nsj->ij", x, dpre1)
        g["b1"] = dpre1.sum(axis=(0, 1))
        g["Gam1"] = -np.einsum("nsi,nsj->ij", m0, dpre1.sum(axis=1, keepdims=True))
        self.grads = g

        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
