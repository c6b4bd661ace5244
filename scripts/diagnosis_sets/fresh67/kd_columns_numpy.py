"""DistilledMLP again, in NumPy written the other way round: samples as columns, each weight kept
(out, in) as attributes, a forward cache dict, the KL divergence written as the cross-entropy
between the soft targets and the student minus the teachers' entropy, log-sum-exp by
np.logaddexp.reduce, and the momentum step with np.multiply/np.add into preallocated buffers.

    X: float (n, 6), y: int (n,) labels 0..2 (transposed inside)
"""

from pathlib import Path

import numpy as np

D_IN, HIDDEN, K = 6, 5, 3
TEMP, ALPHA = 4.0, 0.7
LR, MU = 0.1, 0.9

_teacher = dict(np.load(Path(__file__).with_name("teacher.npz")))


def log_softmax_cols(Z):
    return Z - np.logaddexp.reduce(Z, axis=0, keepdims=True)


class DistilledColumns:
    def __init__(self, seed=67):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K))
        self.b2 = np.zeros(K)
        self.W1, self.W2 = W1.T.copy(), W2.T.copy()
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}
        self.cache = {}

    def teacher(self, A0):
        H = np.maximum(_teacher["W1"].T @ A0 + _teacher["b1"][:, None], 0.0)
        return _teacher["W2"].T @ H + _teacher["b2"][:, None]

    def forward(self, A0):
        H = np.tanh(self.W1 @ A0 + self.b1[:, None])
        Z = self.W2 @ H + self.b2[:, None]
        self.cache = {"A0": A0, "H": H, "Z": Z}
        return Z

    def train_step(self, X, y):
        A0 = X.T
        m = A0.shape[1]
        dt = self.W1.dtype
        Z = self.forward(A0)
        Zt = self.teacher(A0).astype(dt)

        log_q = log_softmax_cols(Zt / TEMP)
        q = np.exp(log_q)
        log_p_soft = log_softmax_cols(Z / TEMP)
        cross = -np.sum(q * log_p_soft) / m
        entropy = -np.sum(q * log_q) / m
        Y = np.zeros((K, m), dtype=dt)
        Y[y.astype(int), np.arange(m)] = 1.0
        log_p = log_softmax_cols(Z)
        hard = -np.sum(Y * log_p) / m
        loss = ALPHA * TEMP ** 2 * (cross - entropy) + (1.0 - ALPHA) * hard

        dZ = (ALPHA * TEMP * (np.exp(log_p_soft) - q) + (1.0 - ALPHA) * (np.exp(log_p) - Y)) / m
        H = self.cache["H"]
        grads = {"W2": dZ @ H.T, "b2": dZ.sum(axis=1)}
        dA = (self.W2.T @ dZ) * (1.0 - H * H)
        grads["W1"] = dA @ self.cache["A0"].T
        grads["b1"] = dA.sum(axis=1)
        self.grads = grads

        for name, grad in grads.items():
            buf = self.velocity[name]
            np.multiply(buf, MU, out=buf)
            np.add(buf, grad, out=buf)
            param = getattr(self, name)
            param -= LR * buf
        return float(loss)
