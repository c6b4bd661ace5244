"""Knowledge distillation of a small ReLU MLP student, by hand in NumPy.

    z1 = X @ W1 + b1 ; h = relu(z1) ; s = h @ W2 + b2          student logits (N, C)
    p  = softmax(t / T)      (teacher, fixed, from y[:, 1:])
    q  = softmax(s / T)
    kd = T^2 * sum_{n,c} p (log p - log q) / N                  KL(p || q), batch mean
    ce = -mean_n log softmax(s)[n, label_n]                     hard labels from y[:, 0]
    loss = alpha * kd + (1 - alpha) * ce

SGD with momentum as torch.optim.SGD: v = mu v + g ; W -= lr v.
Parameters self.params: W1 (10, 32), b1 (32,), W2 (32, 5), b2 (5,). Grads self.grads,
velocity self.velocity (same keys).
"""

import numpy as np


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class KDStudent:
    def __init__(self, n_in=10, hidden=32, n_cls=5, T=4.0, alpha=0.7, lr=0.05, momentum=0.9,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(2.0 / n_in),
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, n_cls)) / np.sqrt(hidden),
            "b2": np.zeros(n_cls),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.T = T
        self.alpha = alpha
        self.lr = lr
        self.mu = momentum

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        s = h @ p["W2"] + p["b2"]
        self.cache = (X, z1, h)
        return s

    def loss_and_dlogits(self, s, y):
        T, a = self.T, self.alpha
        N = s.shape[0]
        labels = y[:, 0].astype(np.int64)
        teacher = y[:, 1:]
        log_p = log_softmax(teacher / T)
        log_q = log_softmax(s / T)
        p, q = np.exp(log_p), np.exp(log_q)
        kd = (p * (log_p - log_q)).sum() / N * (T * T)
        log_probs = log_softmax(s)
        ce = -log_probs[np.arange(N), labels].mean()
        loss = a * kd + (1.0 - a) * ce

        onehot = np.zeros_like(s)
        onehot[np.arange(N), labels] = 1.0
        # d kd / d s = T^2 * (q - p) / T / N ; d ce / d s = (softmax(s) - onehot) / N
        ds = a * (T * T) * (q - p) / N + (1.0 - a) * (np.exp(log_probs) - onehot) / N
        return loss, ds

    def loss(self, X, y):
        return self.loss_and_dlogits(self.forward(X), y)[0]

    def backward(self, ds):
        X, z1, h = self.cache
        p = self.params
        self.grads["W2"] = h.T @ ds
        self.grads["b2"] = ds.sum(axis=0)
        dh = ds @ p["W2"].T
        dz1 = dh * (z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)

    def step(self):
        for k in self.params:
            self.velocity[k] = self.mu * self.velocity[k] + self.grads[k]
            self.params[k] = self.params[k] - self.lr * self.velocity[k]

    def train_step(self, X, y):
        s = self.forward(X)
        loss, ds = self.loss_and_dlogits(s, y)
        self.backward(ds)
        self.step()
        return loss
