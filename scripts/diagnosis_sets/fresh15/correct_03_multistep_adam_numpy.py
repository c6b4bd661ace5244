"""NumPy sigmoid softmax classifier (5 -> 8 -> 3, mean cross-entropy) trained with Adam under a
multi-step schedule: the learning rate 0.02 is multiplied by 0.3 at steps 6 and 12, found with
bisect over the milestones. Port: correct_03_multistep_adam_torch.py (Adam and MultiStepLR)."""

import bisect

import numpy as np

LR0 = 0.02
MILESTONES = (6, 12)
GAMMA = 0.3


class MultiStepAdam:
    def __init__(self, X, y, hidden=8):
        rng = np.random.default_rng(33)
        self.W1 = rng.normal(0, 0.7, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.7, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train_step(self, X, y):
        lr = LR0 * GAMMA ** bisect.bisect_right(MILESTONES, self.t)
        h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log((p * y).sum(axis=1)))
        dz = (p - y) / len(X)
        dh = dz @ self.W2.T * h * (1 - h)
        grads = {"W1": X.T @ dh, "b1": dh.sum(0), "W2": h.T @ dz, "b2": dz.sum(0)}
        self.t += 1
        for k, g in grads.items():
            m, v = self.m[k], self.v[k]
            m += 0.1 * (g - m)
            v += 0.001 * (g * g - v)
            m_hat = m / (1 - 0.9 ** self.t)
            v_hat = v / (1 - 0.999 ** self.t)
            getattr(self, k)[...] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        return float(loss)
