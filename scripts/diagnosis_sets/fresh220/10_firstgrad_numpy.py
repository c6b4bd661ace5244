"""Sharpness-aware minimization (SAM, Foret et al. 2021) around SGD with momentum, in NumPy.

A one-hidden-layer tanh classifier, softmax cross-entropy averaged over the batch.
Each training step:

    g    = grad L(w)                         first forward and backward
    e    = rho * g / ||g||                   ||.|| the global L2 norm over all parameters
    g_sam = grad L(w + e)                    second forward and backward, at the perturbed weights
    w    <- w (restored), then the base optimizer with g_sam:
    v    = mu * v + g_sam ;  w -= lr * v     (torch.optim.SGD momentum, no dampening)

    X: float (N, 6), y: int (N,) in {0, 1, 2}.
Parameters (attributes): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,); W kept (in, out).
self.grads holds the gradient that was applied (the one at the perturbed weights).
"""

import numpy as np


class SAMClassifier:
    names = ("W1", "b1", "W2", "b2")

    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.1, momentum=0.9, rho=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr
        self.momentum = momentum
        self.rho = rho
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    # ------------------------------------------------------------------ model
    def forward(self, X):
        self.X = X
        self.h = np.tanh(X @ self.W1 + self.b1)
        logits = self.h @ self.W2 + self.b2
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        self.probs = exp / exp.sum(axis=1, keepdims=True)
        return logits

    def loss(self, X, y):
        self.forward(X)
        return -np.mean(np.log(self.probs[np.arange(len(y)), y]))

    def backward(self, y):
        """Gradients of the mean cross-entropy, from the activations cached by forward."""
        N = len(y)
        dlogits = self.probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        g = {}
        g["W2"] = self.h.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ self.W2.T
        dz = dh * (1.0 - self.h ** 2)
        g["W1"] = self.X.T @ dz
        g["b1"] = dz.sum(axis=0)
        return g

    # -------------------------------------------------------------- optimizer
    def train_step(self, X, y):
        loss = self.loss(X, y)
        g = self.backward(y)

        # ascent to the worst point of the rho-ball
        grad_norm = np.sqrt(sum(np.sum(g[k] ** 2) for k in self.names))
        scale = self.rho / (grad_norm + 1e-12)
        saved = {}
        for k in self.names:
            p = getattr(self, k)
            saved[k] = p.copy()
            p += scale * g[k]

        # gradient at the perturbed weights
        self.loss(X, y)
        g_sam = self.backward(y)

        # back to w, then SGD with momentum using the SAM gradient
        for k in self.names:
            p = getattr(self, k)
            p[...] = saved[k]
            self.velocity[k] = self.momentum * self.velocity[k] + g[k]
            p -= self.lr * self.velocity[k]
        self.grads = g_sam
        return float(loss)
