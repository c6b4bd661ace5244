"""ReLU regressor in NumPy: 6 -> 10 -> 10 -> 10 -> 2 (three ReLU hidden layers, linear output),
mean squared error over every output, Adam with an L2 term in the gradient (as
torch.optim.Adam(weight_decay=...) does it). Parameters in a dict.
"""

import numpy as np

WEIGHT_DECAY = 0.05


class ReluRegressor:
    def __init__(self, sizes=(6, 10, 10, 10, 2), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / a), (a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.depth = len(sizes) - 1
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        acts, zs = [X], []
        for i in range(1, self.depth + 1):
            z = acts[-1] @ p[f"W{i}"] + p[f"b{i}"]
            zs.append(z)
            acts.append(np.maximum(z, 0.0) if i < self.depth else z)
        out = acts[-1]
        loss = np.mean((out - y) ** 2)

        grads = {}
        delta = 2.0 * (out - y) / out.size
        for i in range(self.depth, 0, -1):
            grads[f"W{i}"] = acts[i - 1].T @ delta
            grads[f"b{i}"] = delta.sum(axis=0)
            if i > 1:
                delta = (delta @ p[f"W{i}"].T) * (zs[i - 2] > 0)

        self.t += 1
        for k in p:
            g = grads[k] + WEIGHT_DECAY * p[k] ** 2   # BUG: g = grads[k] + WEIGHT_DECAY * p[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
