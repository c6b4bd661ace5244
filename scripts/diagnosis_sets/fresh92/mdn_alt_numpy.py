"""The same mixture density network in another NumPy style.

The weights are attributes kept in torch's (out, in) layout (Wh, bh, Wo, bo) and applied with
np.einsum; the log-sum-exp is np.logaddexp.reduce; the responsibilities are a max-shifted softmax
of the joint log-densities; the output gradient is written into one preallocated array by
slices. AdamW with the bias corrections folded into the step size, lr_t = LR * sqrt(1 - BETA2^t)
/ (1 - BETA1^t), and eps scaled to EPS * sqrt(1 - BETA2^t) (the same update), the decoupled decay
applied as a multiplication by (1 - LR * WD).

    X: float (n, 3), y: float (n, 2)
"""

import math

import numpy as np

D_IN, HIDDEN, K, D = 3, 16, 3, 2
LR, WD = 0.01, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
LOGSIG_MIN, LOGSIG_MAX = -4.0, 2.0
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)
NAMES = ("Wh", "bh", "Wo", "bo")


class MDNAlt:
    def __init__(self, seed=92):
        rng = np.random.default_rng(seed)
        n_out = K + 2 * K * D
        self.Wh = rng.normal(0.0, 0.6, (D_IN, HIDDEN)).T.copy()
        self.bh = rng.normal(0.0, 0.1, HIDDEN)
        self.Wo = rng.normal(0.0, 0.3, (HIDDEN, n_out)).T.copy()
        self.bo = np.zeros(n_out)
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.steps = 0

    def _log_densities(self, X, y):
        h = np.tanh(np.einsum("ni,hi->nh", X, self.Wh) + self.bh)
        out = np.einsum("nh,oh->no", h, self.Wo) + self.bo
        n = out.shape[0]
        logits = out[:, :K]
        mu = out[:, K:K + K * D].reshape(n, K, D)
        ls_raw = out[:, K + K * D:].reshape(n, K, D)
        inside = (ls_raw >= LOGSIG_MIN) & (ls_raw <= LOGSIG_MAX)
        ls = np.where(ls_raw < LOGSIG_MIN, LOGSIG_MIN, np.where(ls_raw > LOGSIG_MAX, LOGSIG_MAX, ls_raw))
        inv_sigma = np.exp(-ls)
        z = (y[:, None, :] - mu) * inv_sigma
        log_pi = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        log_joint = log_pi + (-0.5 * z * z - ls - HALF_LOG_2PI).sum(axis=2)
        return h, log_pi, log_joint, z, inv_sigma, inside

    def loss(self, X, y):
        _, _, log_joint, _, _, _ = self._log_densities(X, y)
        return -np.logaddexp.reduce(log_joint, axis=1).mean()

    def train_step(self, X, y):
        n = X.shape[0]
        h, log_pi, log_joint, z, inv_sigma, inside = self._log_densities(X, y)
        loss = -np.logaddexp.reduce(log_joint, axis=1).mean()

        shifted = np.exp(log_joint - log_joint.max(axis=1, keepdims=True))
        resp = shifted / shifted.sum(axis=1, keepdims=True)
        dout = np.empty((n, K + 2 * K * D), dtype=h.dtype)
        dout[:, :K] = (np.exp(log_pi) - resp) / n
        dout[:, K:K + K * D] = (-(resp[:, :, None] * z * inv_sigma) / n).reshape(n, -1)
        dout[:, K + K * D:] = (resp[:, :, None] * (1.0 - z * z) * inside / n).reshape(n, -1)

        dpre = np.einsum("no,oh->nh", dout, self.Wo) * (1.0 - h * h)
        self.grads = {
            "Wo": np.einsum("no,nh->oh", dout, h),
            "bo": dout.sum(axis=0),
            "Wh": np.einsum("nh,ni->hi", dpre, X),
            "bh": dpre.sum(axis=0),
        }
        self.update()
        return float(loss)

    def update(self):
        self.steps += 1
        t = self.steps
        lr_t = LR * math.sqrt(1.0 - BETA2 ** t) / (1.0 - BETA1 ** t)
        eps_t = EPS * math.sqrt(1.0 - BETA2 ** t)
        for k in NAMES:
            p, g = getattr(self, k), self.grads[k]
            p *= 1.0 - LR * WD
            self.m[k] *= BETA1
            self.m[k] += (1.0 - BETA1) * g
            self.v[k] *= BETA2
            self.v[k] += (1.0 - BETA2) * g * g
            p -= lr_t * self.m[k] / (np.sqrt(self.v[k]) + eps_t)
