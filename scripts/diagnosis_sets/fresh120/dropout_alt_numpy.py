"""The dropout classifier of dropout_numpy.py written another way: weights kept (out, in) as
nn.Linear keeps them, under the names fc1_w, fc1_b, fc2_w, fc2_b, the batch multiplied as X @ W.T;
the inverted dropout through np.where; the smoothed cross entropy as (1 - SMOOTH) * the negative
log-likelihood plus SMOOTH * the mean over the classes of -log p, from a log-sum-exp; a backward()
that returns the gradients and an update() that applies them, Nesterov's velocity updated in place
(v *= MU; v += g); the max-norm constraint on the rows of fc1_w with np.linalg.norm.

    X: float (n, 12), y: int64 (n,) class ids
"""

from pathlib import Path

import numpy as np

D, H, K = 12, 20, 4
LR, MU, LAM, SMOOTH, KEEP, MAX_NORM = 0.05, 0.9, 1e-3, 0.1, 0.75, 1.5
KEEP_MASKS = np.load(Path(__file__).with_name("dropout_masks.npz"))["keep"]


def log_softmax(z):
    top = z.max(axis=1, keepdims=True)
    return z - (top + np.log(np.sum(np.exp(z - top), axis=1, keepdims=True)))


class DropoutNetRows:
    def __init__(self, seed=120):
        rng = np.random.default_rng(seed)
        self.params = {
            "fc1_w": rng.normal(0.0, np.sqrt(2.0 / D), (D, H)).T.copy(),
            "fc1_b": np.zeros(H),
            "fc2_w": rng.normal(0.0, np.sqrt(1.0 / H), (H, K)).T.copy(),
            "fc2_b": np.zeros(K),
        }
        self.velocity = {name: np.zeros_like(w) for name, w in self.params.items()}
        self.step_count = 0

    def _keep(self, n):
        return KEEP_MASKS[self.step_count % KEEP_MASKS.shape[0]][:n]

    def _run(self, X, y):
        P = self.params
        keep = self._keep(X.shape[0])
        z1 = X @ P["fc1_w"].T + P["fc1_b"]
        a1 = np.where(keep, np.maximum(z1, 0.0) / KEEP, 0.0)
        logp = log_softmax(a1 @ P["fc2_w"].T + P["fc2_b"])
        rows = np.arange(X.shape[0])
        nll = -logp[rows, y].mean()
        uniform = -logp.mean(axis=1).mean()
        penalty = 0.5 * LAM * (np.vdot(P["fc1_w"], P["fc1_w"]) + np.vdot(P["fc2_w"], P["fc2_w"]))
        loss = (1.0 - SMOOTH) * nll + SMOOTH * uniform + penalty
        return loss, (keep, z1, a1, logp, rows)

    def loss(self, X, y):
        return self._run(X, y)[0]

    def backward(self, X, y):
        P = self.params
        loss, (keep, z1, a1, logp, rows) = self._run(X, y)
        n = X.shape[0]
        dz2 = np.exp(logp) - SMOOTH / K
        dz2[rows, y] -= 1.0 - SMOOTH
        dz2 /= n
        da1 = dz2 @ P["fc2_w"]
        dz1 = np.where(keep & (z1 > 0), da1 / KEEP, 0.0)
        grads = {
            "fc2_w": dz2.T @ a1 + LAM * P["fc2_w"],
            "fc2_b": dz2.sum(axis=0),
            "fc1_w": dz1.T @ X + LAM * P["fc1_w"],
            "fc1_b": dz1.sum(axis=0),
        }
        return loss, grads

    def update(self, grads):
        for name, w in self.params.items():
            v = self.velocity[name]
            v *= MU
            v += grads[name]
            w -= LR * (grads[name] + MU * v)
        w1 = self.params["fc1_w"]
        norms = np.linalg.norm(w1, axis=1, keepdims=True)
        over = norms > MAX_NORM
        w1[over[:, 0]] *= MAX_NORM / (norms[over] + 1e-7)[:, None]

    def train_step(self, X, y):
        loss, grads = self.backward(X, y)
        self.grads = grads
        self.step_count += 1
        self.update(grads)
        return float(loss)
