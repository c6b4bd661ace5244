"""Two-output regressor with swish (SiLU) hidden units in NumPy: 3 -> 8 swish -> 8 swish -> 2
linear, mean squared error, Adam. swish(z) = z sigmoid(z), whose derivative is
sigmoid(z) (1 + z (1 - sigmoid(z))).

    X: (n, 3), y: (n, 2)
"""

import numpy as np

LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SwishRegressor:
    def __init__(self, sizes=(3, 8, 8, 2), seed=8):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, 1.0 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.depth = len(sizes) - 1
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        acts, zs = [X], []
        a = X
        for i in range(1, self.depth + 1):
            z = a @ p[f"W{i}"] + p[f"b{i}"]
            zs.append(z)
            a = z * sigmoid(z) if i < self.depth else z
            acts.append(a)
        loss = np.mean((a - y) ** 2)

        grads = {}
        delta = 2.0 * (a - y) / a.size
        for i in range(self.depth, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                z = zs[i - 2]
                s = sigmoid(z)
                delta = (delta @ p[f"W{i}"].T) * s * (1.0 + z * (1.0 - s))
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * grads[k]
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - BETA1 ** self.t)
            v_hat = self.v[k] / (1 - BETA2 ** self.t)
            p[k] = p[k] - LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
