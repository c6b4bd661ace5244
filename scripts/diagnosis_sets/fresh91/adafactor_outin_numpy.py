"""The Adafactor classifier of adafactor_numpy.py written in another style: the parameters kept
under torch's names with the weights stored (out, in) as nn.Linear keeps them (the forward is
X @ W.T), the log-softmax taken with np.logaddexp.reduce, the optimizer's bookkeeping in one
per-parameter state dict, the factored second moment formed by broadcasting, normalised by the
column factor's mean (the same as the row factor's: both are the mean of g^2 + EPS1) and
bias-corrected once at the end, the RMS written as a norm over sqrt(size), and the schedule as a
branch on t.

    X: float (n, 6), y: float (n, 3) one-hot
"""

import math

import numpy as np

N_IN, HIDDEN, N_CLASSES = 6, 10, 3
LR, WARMUP = 0.05, 5
BETA2, EPS1, EPS2, CLIP_D = 0.95, 1e-30, 1e-3, 1.0


class FactoredMLPOutIn:
    def __init__(self, seed=91):
        rng = np.random.default_rng(seed)
        self.params = {
            "fc1.weight": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (HIDDEN, N_IN)),
            "fc1.bias": rng.normal(0.0, 0.1, HIDDEN),
            "fc2.weight": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (N_CLASSES, HIDDEN)),
            "fc2.bias": rng.normal(0.0, 0.1, N_CLASSES),
        }
        self.state = {}
        self.t = 0

    def schedule(self):
        if self.t < WARMUP:
            return LR * self.t / WARMUP
        return LR * (WARMUP / self.t) ** 0.5

    def train_step(self, X, Y):
        p = self.params
        a = X @ p["fc1.weight"].T + p["fc1.bias"]
        h = np.tanh(a)
        z = h @ p["fc2.weight"].T + p["fc2.bias"]
        logp = z - np.logaddexp.reduce(z, axis=1, keepdims=True)
        n = X.shape[0]
        loss = -(Y * logp).sum(axis=1).mean()

        dz = (np.exp(logp) - Y) / n
        da = (dz @ p["fc2.weight"]) * (1.0 - h * h)
        self.grads = {
            "fc2.weight": dz.T @ h, "fc2.bias": dz.sum(axis=0),
            "fc1.weight": da.T @ X, "fc1.bias": da.sum(axis=0),
        }

        self.t += 1
        lr = self.schedule()
        bias_corr = 1.0 - BETA2 ** self.t
        for name, w in p.items():
            g = self.grads[name]
            sq = np.square(g) + EPS1
            st = self.state.setdefault(name, {})
            if w.ndim == 2:
                st["row"] = BETA2 * st.get("row", 0.0) + (1.0 - BETA2) * sq.mean(axis=1)
                st["col"] = BETA2 * st.get("col", 0.0) + (1.0 - BETA2) * sq.mean(axis=0)
                V = st["row"][:, None] * st["col"][None, :] / st["col"].mean() / bias_corr
            else:
                st["sq"] = BETA2 * st.get("sq", 0.0) + (1.0 - BETA2) * sq
                V = st["sq"] / bias_corr
            u = g / np.sqrt(V)
            u_rms = np.linalg.norm(u) / math.sqrt(u.size)
            u = u / max(1.0, u_rms / CLIP_D)
            w_rms = np.linalg.norm(w) / math.sqrt(w.size)
            w -= lr * max(EPS2, w_rms) * u
        return float(loss)
