"""SwiGLU classifier in NumPy in another style: every weight kept as torch keeps it, (out, in),
under torch-like names, and applied as X @ W.T; the SiLU and its derivative through one sigmoid;
the cross-entropy from a log-sum-exp with np.logaddexp.reduce and the labels picked by
np.take_along_axis; the global norm of the gradients from one flat concatenation; the RMSprop
square averages kept in a list in a fixed order of the parameter names, the weight decay folded
in with np.add.

    X: float (n, 10), y: int (n,) class labels 0..2
"""

import numpy as np

D, H, C = 10, 8, 3
LR, ALPHA, EPS, WD, MAX_NORM = 0.01, 0.9, 1e-8, 1e-3, 0.5
ORDER = ("value_w", "value_b", "gate_w", "gate_b", "out_w", "out_b")


class SwiGLUOutIn:
    def __init__(self, seed=115):
        rng = np.random.default_rng(seed)
        self.params = {
            "value_w": rng.normal(0.0, 1.0 / np.sqrt(D), (H, D)),
            "value_b": np.zeros(H),
            "gate_w": rng.normal(0.0, 1.0 / np.sqrt(D), (H, D)),
            "gate_b": rng.normal(0.0, 0.1, H),
            "out_w": rng.normal(0.0, 1.0 / np.sqrt(H), (C, H)),
            "out_b": np.zeros(C),
        }
        self.square_avgs = [np.zeros_like(self.params[k]) for k in ORDER]

    def _logits(self, X):
        p = self.params
        a = X @ p["value_w"].T + p["value_b"]
        b = X @ p["gate_w"].T + p["gate_b"]
        sig = 0.5 * (1.0 + np.tanh(0.5 * b))
        u = a * b * sig
        return a, b, sig, u, u @ p["out_w"].T + p["out_b"]

    @staticmethod
    def _logprobs(logits):
        return logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)

    def loss(self, X, y):
        logp = self._logprobs(self._logits(X)[-1])
        return -np.take_along_axis(logp, y[:, None], axis=1).mean()

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        a, b, sig, u, logits = self._logits(X)
        logp = self._logprobs(logits)
        loss = -np.take_along_axis(logp, y[:, None], axis=1).mean()

        dlogits = np.exp(logp)
        np.put_along_axis(dlogits, y[:, None], np.take_along_axis(dlogits, y[:, None], axis=1) - 1.0, axis=1)
        dlogits /= n
        du = dlogits @ p["out_w"]
        da = du * b * sig
        db = du * a * sig * (1.0 + b * (1.0 - sig))
        grads = {
            "out_w": dlogits.T @ u, "out_b": dlogits.sum(0),
            "value_w": da.T @ X, "value_b": da.sum(0),
            "gate_w": db.T @ X, "gate_b": db.sum(0),
        }
        flat = np.concatenate([grads[k].ravel() for k in ORDER])
        scale = min(1.0, MAX_NORM / (float(np.linalg.norm(flat)) + 1e-6))
        grads = {k: g * scale for k, g in grads.items()}
        self.grads = grads

        for i, k in enumerate(ORDER):
            gk = np.add(grads[k], WD * p[k])
            self.square_avgs[i] *= ALPHA
            self.square_avgs[i] += (1.0 - ALPHA) * gk * gk
            p[k] -= LR * gk / (np.sqrt(self.square_avgs[i]) + EPS)
        return float(loss)
