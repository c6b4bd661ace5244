"""Three-hidden-layer ReLU classifier in NumPy whose two square hidden-to-hidden layers live in
one stacked array: Wh has shape (2, 10, 10) and bh (2, 10), applied in a loop over the stack.
Softmax cross-entropy (mean over rows), Nesterov momentum in torch's form, the velocities kept
in arrays of the same stacked shapes.
"""

import numpy as np


class StackedReluNet:
    def __init__(self, n_in=5, width=10, classes=3, lr=0.1, mu=0.9, seed=18):
        rng = np.random.default_rng(seed)
        self.W_in = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, width))
        self.b_in = np.zeros(width)
        self.Wh = rng.normal(0.0, np.sqrt(2.0 / width), (2, width, width))
        self.bh = np.zeros((2, width))
        self.W_out = rng.normal(0.0, np.sqrt(1.0 / width), (width, classes))
        self.b_out = np.zeros(classes)
        self.names = ("W_in", "b_in", "Wh", "bh", "W_out", "b_out")
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        acts = [np.maximum(X @ self.W_in + self.b_in, 0.0)]
        for W, b in zip(self.Wh, self.bh):
            acts.append(np.maximum(acts[-1] @ W + b, 0.0))
        logits = acts[-1] @ self.W_out + self.b_out
        shifted = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= probs.sum(axis=1, keepdims=True)

        g = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        d = (probs - y) / len(X)
        g["W_out"], g["b_out"] = np.einsum("ni,nj->ij", acts[-1], d), d.sum(axis=0)
        d = (d @ self.W_out.T) * (acts[-1] > 0)
        for i in (1, 0):
            g["Wh"][i] = np.einsum("ni,nj->ij", acts[i], d)
            g["bh"][i] = d.sum(axis=0)
            d = (d @ self.Wh[i].T) * (acts[i] > 0)
        g["W_in"], g["b_in"] = np.einsum("ni,nj->ij", X, d), d.sum(axis=0)

        for k in self.names:
            v = self.velocity[k]
            v *= self.mu
            v += g[k]
            getattr(self, k)[...] -= self.lr * (g[k] + self.mu * v)
        return float(-np.sum(y * (shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True)))) / len(X))
