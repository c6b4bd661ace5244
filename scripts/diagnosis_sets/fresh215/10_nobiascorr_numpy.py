"""A one-hidden-layer tanh classifier trained with Adamax, all in NumPy.

Adamax is the infinity-norm variant of Adam (Kingma & Ba 2015, section 7.1), written as
torch.optim.Adamax documents it:

    m_t = beta1 m_{t-1} + (1 - beta1) g
    u_t = max(beta2 u_{t-1}, |g| + eps)
    p  -= lr / (1 - beta1^t) * m_t / u_t

X (N, 8) float, y (N,) int class ids; softmax cross-entropy averaged over the batch.
Parameters self.params: W1 (8, 24), b1 (24,), W2 (24, 3), b2 (3,)  (W kept (in, out)).
"""

import math

import numpy as np


class AdamaxMLP:
    def __init__(self, n_in=8, n_hidden=24, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, n_hidden)) / math.sqrt(n_in),
            "b1": np.zeros(n_hidden),
            "W2": rng.standard_normal((n_hidden, n_out)) / math.sqrt(n_hidden),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.u = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.tanh(z1)
        logits = h @ p["W2"] + p["b2"]
        self.cache = (X, z1, h)
        return logits

    @staticmethod
    def softmax(logits):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        probs = self.softmax(self.forward(X))
        return -np.log(probs[np.arange(len(y)), y]).mean()

    def backward(self, X, y):
        p = self.params
        n = X.shape[0]
        logits = self.forward(X)
        probs = self.softmax(logits)
        loss = -np.log(probs[np.arange(n), y]).mean()
        _, z1, h = self.cache

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dz1 = dh * (1.0 - h ** 2)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def step(self):
        self.t += 1
        clr = self.lr / (1.0 - self.beta1 ** self.t)
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.u[k] = np.maximum(self.beta2 * self.u[k], np.abs(g) + self.eps)
            p -= self.lr * self.m[k] / self.u[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
