"""Three-class classifier, NumPy: layer normalisation of the hidden pre-activations written with
np.einsum (row sums over the 12 units), a learned per-unit gain and shift, ReLU, inverted dropout
with a fixed seeded mask (kept units times 1 / KEEP), and label smoothing by hand (targets
(1 - S) y + S / K). Adam.

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

EPS = 1e-5
KEEP = 0.75
MASK_SEED = 33
SMOOTHING = 0.1
LR, BETA1, BETA2, ADAM_EPS = 0.01, 0.9, 0.999, 1e-8


class NormDropNet:
    def __init__(self, n_in=6, hidden=12, n_out=3, seed=33):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)), "b1": np.zeros(hidden),
            "gain": np.ones(hidden), "shift": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)), "b2": np.zeros(n_out),
        }
        self.scale = (np.random.default_rng(MASK_SEED).random(hidden) < KEEP) / KEEP
        self.moments = {k: [np.zeros_like(q), np.zeros_like(q)] for k, q in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n, k = y.shape
        H = p["W1"].shape[1]
        z = np.einsum("ni,ih->nh", X, p["W1"]) + p["b1"]
        mean = np.einsum("nh->n", z)[:, None] / H
        c = z - mean
        var = np.einsum("nh,nh->n", c, c)[:, None] / H
        rstd = (var + EPS) ** -0.5
        xhat = c * rstd
        a = p["gain"] * xhat + p["shift"]
        h = np.maximum(a, 0.0) * self.scale
        logits = h @ p["W2"] + p["b2"]
        log_p = logits - logits.max(axis=1, keepdims=True)
        log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))
        target = (1.0 - SMOOTHING) * y + SMOOTHING / k
        loss = -np.einsum("nk,nk->", target, log_p) / n

        d2 = (np.exp(log_p) - target) / n
        da = (d2 @ p["W2"].T) * self.scale * (a > 0)
        dxhat = da * p["gain"]
        dz = rstd * (dxhat - np.einsum("nh->n", dxhat)[:, None] / H
                     - xhat * np.einsum("nh,nh->n", dxhat, xhat)[:, None] / H)
        self.grads = {"W1": X.T @ dz, "b1": dz.sum(axis=0),
                      "gain": (da * xhat).sum(axis=0), "shift": da.sum(axis=0),
                      "W2": h.T @ d2, "b2": d2.sum(axis=0)}

        self.t += 1
        for key, q in p.items():
            g = self.grads[key]
            m, v = self.moments[key]
            m += (1 - BETA1) * (g - m)
            v += (1 - BETA2) * (g * g - v)
            q -= LR * (m / (1 - BETA1 ** self.t)) / (np.sqrt(v / (1 - BETA2 ** self.t)) + ADAM_EPS)
        return float(loss)
