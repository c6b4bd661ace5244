"""FGSM adversarial training, written another way: weights (out, in) as attributes, two backward passes.

    h = tanh(X @ W1.T + b1), logits = h @ W2.T + b2, softmax cross-entropy
    X_adv = clip(X + eps * sign(dL_clean/dX), 0, 1)
    J = 0.5 * (mean CE on X) + 0.5 * (mean CE on X_adv)     (= mean over the 2N rows)

The gradient of J is the sum of the two halves' gradients, each from its own
backward pass. SGD with momentum (v = mu v + g; p -= lr v).

Parameters: self.W1 (16, 6), self.b1 (16,), self.W2 (3, 16), self.b2 (3,).
Gradients: self.grads, optimizer state: self.velocity (dicts keyed W1, b1, W2, b2).
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


class FGSMNet:
    def __init__(self, n_in=6, hidden=16, n_classes=3, lr=0.1, momentum=0.9, eps=0.1, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (hidden, n_in)) / np.sqrt(n_in)
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-1, 1, (n_classes, hidden)) / np.sqrt(hidden)
        self.b2 = np.zeros(n_classes)
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.lr, self.momentum, self.eps = lr, momentum, eps

    def _probs(self, X):
        h = np.tanh(X @ self.W1.T + self.b1)
        logits = h @ self.W2.T + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs, h

    def _half(self, X, y, weight):
        """weight * mean CE on (X, y): its value, its parameter gradients and dX."""
        N = X.shape[0]
        probs, h = self._probs(X)
        value = -np.log(probs[np.arange(N), y]).mean()
        delta = probs.copy()
        delta[np.arange(N), y] -= 1.0
        delta *= weight / N
        dz = (delta @ self.W2) * (1.0 - h * h)
        grads = {"W2": delta.T @ h, "b2": delta.sum(axis=0), "W1": dz.T @ X, "b1": dz.sum(axis=0)}
        return weight * value, grads, dz @ self.W1

    def _attack(self, X, y):
        _, _, dX = self._half(X, y, 1.0)
        return np.clip(X + self.eps * np.sign(dX), 0.0, 1.0)

    def loss(self, X, y):
        X_adv = self._attack(X, y)
        return self._half(X, y, 0.5)[0] + self._half(X_adv, y, 0.5)[0]

    def train_step(self, X, y):
        X_adv = self._attack(X, y)
        loss_clean, g_clean, _ = self._half(X, y, 0.5)
        loss_adv, g_adv, _ = self._half(X_adv, y, 0.5)
        for k in NAMES:
            self.grads[k] = g_clean[k] + g_adv[k]
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
        return float(loss_clean + loss_adv)
