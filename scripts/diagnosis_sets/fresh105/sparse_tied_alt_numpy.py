"""The tied sparse autoencoder of sparse_tied_numpy.py written another way.

The shared weight is kept as an attribute in torch's (out, in) layout, W of shape (6, 16), so the
encoder is X W^T + b_h and the decoder h W + b_v; the cross-entropy is computed from the decoder
logits a as softplus(a) - y a (np.logaddexp), which equals -y log sigmoid(a) - (1 - y)
log(1 - sigmoid(a)); the KL penalty's derivative is written per unit, and Adam folds both bias
corrections into the step size (lr_t = LR sqrt(1 - BETA2^t) / (1 - BETA1^t) with
eps_t = EPS sqrt(1 - BETA2^t)), the same update as torch's. The state is a list of (m, v) pairs made at the first step.

    X: float (n, 16) patches in [0, 1], y: float (n, 16) the same patches
"""

import math

import numpy as np

D, HIDDEN = 16, 6
LR, LAM, BETA, RHO = 0.01, 1e-3, 0.5, 0.1
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
NAMES = ("W", "b_h", "b_v")


class SparseTiedAEAlt:
    def __init__(self, seed=105):
        rng = np.random.default_rng(seed)
        r = np.sqrt(6.0 / (D + HIDDEN + 1))
        self.W = rng.uniform(-r, r, (D, HIDDEN)).T.copy()
        self.b_h = np.zeros(HIDDEN)
        self.b_v = np.zeros(D)
        self.opt_state = None  # (m, v) per parameter, made at the first step in the gradients' dtype
        self.step_count = 0

    def _encode(self, X):
        return 0.5 * (1.0 + np.tanh(0.5 * (X @ self.W.T + self.b_h)))

    def _cost(self, X, y):
        h = self._encode(X)
        a = h @ self.W + self.b_v
        bce = np.logaddexp(0.0, a) - y * a
        q = h.mean(axis=0)
        kl = RHO * (np.log(RHO) - np.log(q)) + (1.0 - RHO) * (np.log(1.0 - RHO) - np.log(1.0 - q))
        cost = bce.sum(axis=1).mean() + 0.5 * LAM * np.vdot(self.W, self.W) + BETA * kl.sum()
        return cost, h, a, q

    def loss(self, X, y):
        return self._cost(X, y)[0]

    def train_step(self, X, y):
        n = X.shape[0]
        cost, h, a, q = self._cost(X, y)
        xhat = 0.5 * (1.0 + np.tanh(0.5 * a))

        delta_out = (xhat - y) / n                                  # d cost / d a
        sparsity = BETA * ((1.0 - RHO) / (1.0 - q) - RHO / q) / n   # d KL / d h, per row
        delta_hid = (delta_out @ self.W.T + sparsity) * h * (1.0 - h)
        grads = {
            "W": delta_hid.T @ X + h.T @ delta_out + LAM * self.W,  # encoder use + decoder use
            "b_h": delta_hid.sum(axis=0),
            "b_v": delta_out.sum(axis=0),
        }
        self.grads = grads

        if self.opt_state is None:
            self.opt_state = [(np.zeros_like(grads[k]), np.zeros_like(grads[k])) for k in NAMES]
        self.step_count += 1
        t = self.step_count
        lr_t = LR * math.sqrt(1.0 - BETA2 ** t) / (1.0 - BETA1 ** t)
        eps_t = EPS * math.sqrt(1.0 - BETA2 ** t)
        for i, k in enumerate(NAMES):
            m, v = self.opt_state[i]
            g = grads[k]
            m *= BETA1
            m += (1.0 - BETA1) * g
            v *= BETA2
            v += (1.0 - BETA2) * g * g
            setattr(self, k, getattr(self, k) - lr_t * m / (np.sqrt(v) + eps_t))
        return float(cost)
