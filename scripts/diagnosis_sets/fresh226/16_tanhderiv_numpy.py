"""Embedding MLP with a normalised (cosine) classifier head and center loss, NumPy.

6 -> 10 (tanh) -> 4 (embedding x) -> logits = s * (x/||x||) @ (W/||W||, columns),
3 classes, s = 5. Loss: mean cross-entropy + lam/2 * mean_i ||x_i - c_{y_i}||^2.
Weights: Adam (lr 0.01, betas 0.9/0.999, eps 1e-8). Centres: their own rule,
c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j), after the Adam step.
"""
import numpy as np


class CosineCenterNet:
    def __init__(self, n_in=6, n_hidden=10, n_emb=4, n_classes=3, scale=5.0,
                 lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, lam=0.2, alpha=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden)),
            "b1": rng.normal(0.0, 0.1, n_hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_emb)),
            "b2": rng.normal(0.0, 0.1, n_emb),
            "W3": rng.normal(0.0, 1.0, (n_emb, n_classes)),
        }
        self.centers = np.zeros((n_classes, n_emb))
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}
        self.n_classes, self.scale = n_classes, scale
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.lam, self.alpha = lam, alpha

    def forward(self, X):
        p = self.params
        self.X = X
        self.z1 = X @ p["W1"] + p["b1"]
        self.h1 = np.tanh(self.z1)
        self.emb = self.h1 @ p["W2"] + p["b2"]
        self.enorm = np.sqrt(np.sum(self.emb ** 2, axis=1, keepdims=True))
        self.u = self.emb / self.enorm
        self.wnorm = np.sqrt(np.sum(p["W3"] ** 2, axis=0, keepdims=True))
        self.Wn = p["W3"] / self.wnorm
        self.logits = self.scale * (self.u @ self.Wn)
        return self.logits

    def loss(self, X, y):
        logits = self.forward(X)
        N = X.shape[0]
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        self.probs = e / e.sum(axis=1, keepdims=True)
        ce = -np.mean(np.log(self.probs[np.arange(N), y]))
        self.diff = self.emb - self.centers[y]
        center = self.lam / 2 * np.mean(np.sum(self.diff ** 2, axis=1))
        return ce + center

    def backward(self, y):
        p = self.params
        N = self.X.shape[0]
        onehot = np.eye(self.n_classes, dtype=self.logits.dtype)[y]
        dcos = self.scale * (self.probs - onehot) / N
        dWn = self.u.T @ dcos
        du = dcos @ self.Wn.T
        g = {}
        g["W3"] = (dWn - self.Wn * np.sum(self.Wn * dWn, axis=0, keepdims=True)) / self.wnorm
        demb = (du - self.u * np.sum(self.u * du, axis=1, keepdims=True)) / self.enorm
        demb = demb + self.lam * self.diff / N
        g["W2"] = self.h1.T @ demb
        g["b2"] = demb.sum(axis=0)
        dz1 = (demb @ p["W2"].T) * (1 - self.z1 ** 2)
        g["W1"] = self.X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g
        counts = onehot.sum(axis=0)
        self.center_delta = (counts[:, None] * self.centers - onehot.T @ self.emb) / (1 + counts)[:, None]
        return g

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in self.params:
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        self.centers -= self.alpha * self.center_delta

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.update()
        return loss
