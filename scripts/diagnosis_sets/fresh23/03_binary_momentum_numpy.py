"""Binary classifier, 6 inputs -> 12 tanh -> 1 sigmoid, binary cross-entropy summed over the batch.
SGD with heavy-ball momentum (torch's form: v = mu v + g, w -= lr v) and the gradients clipped to
a global L2 norm of MAX_NORM before every update, as torch.nn.utils.clip_grad_norm_ does."""

import numpy as np

LR = 0.05
MU = 0.9
MAX_NORM = 1.0


class MomentumClassifier:
    def __init__(self, n_in=6, n_hidden=12, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.X = X
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.p = 1.0 / (1.0 + np.exp(-(self.h @ self.W2 + self.b2)))
        return self.p

    def backward(self, y):
        dz = self.p - y
        dh = (dz @ self.W2.T) * (1.0 - self.h ** 2)
        self.grads = {"W1": self.X.T @ dh, "b1": dh.sum(axis=0), "W2": self.h.T @ dz, "b2": dz.sum(axis=0)}

    def clip(self):
        total_norm = np.sqrt(sum(np.sum(g * g) for g in self.grads.values()))
        scale = min(1.0, MAX_NORM / (total_norm + 1e-6))
        for name in self.grads:
            self.grads[name] = self.grads[name] * scale

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
        self.backward(y)
        self.clip()
        for name, g in self.grads.items():
            self.velocity[name] = MU * self.velocity[name] + g
            setattr(self, name, getattr(self, name) - LR * self.velocity[name])
        return loss
