"""Three-class classifier in NumPy, run in float32, whose loss and softmax are accumulated in
float64: 4 -> 10 tanh -> 3. The logits are promoted to float64, the log-partition is
np.logaddexp.reduce over the classes, the softmax is exp(z - lse), and the gradients are
accumulated in float64 (np.einsum with dtype=np.float64) and cast back to each parameter's own
dtype before the in-place update; heavy-ball momentum (mu 0.9, lr 0.05) with float32 velocities.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

LR, MU = 0.05, 0.9


class Float64LseNet:
    def __init__(self, n_in=4, hidden=10, n_classes=3, seed=21):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.velocity = None

    def train_step(self, X, y):
        if self.velocity is None:
            self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        h = np.tanh(X @ self.W1 + self.b1)
        z = (h @ self.W2 + self.b2).astype(np.float64)
        lse = np.logaddexp.reduce(z, axis=1, keepdims=True)
        log_p = z - lse
        loss = -np.einsum("nk,nk->", y, log_p, dtype=np.float64) / len(X)

        d_z = (np.exp(log_p) - y) / len(X)
        d_h = (d_z @ self.W2.T.astype(np.float64)) * (1.0 - h.astype(np.float64) ** 2)
        grads = {
            "W1": np.einsum("ni,nj->ij", X, d_h, dtype=np.float64),
            "b1": np.add.reduce(d_h, axis=0, dtype=np.float64),
            "W2": np.einsum("ni,nj->ij", h, d_z, dtype=np.float64),
            "b2": np.add.reduce(d_z, axis=0, dtype=np.float64),
        }
        for name, g in grads.items():
            param = getattr(self, name)
            v = self.velocity[name]
            v *= MU
            v += g.astype(param.dtype)
            param -= LR * v
        return float(loss)
