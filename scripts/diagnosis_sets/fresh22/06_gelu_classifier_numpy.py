"""Small MLP classifier with GELU hidden units, written from scratch like the GPT-2 NumPy
reference: gelu(x) = 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))). 6 inputs -> 10 GELU
-> 10 GELU -> 3 classes, softmax cross-entropy averaged over the batch, SGD with momentum 0.9
at LR = 0.1.

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.1
MOMENTUM = 0.9
C = np.sqrt(2.0 / np.pi)


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(C * (x + 0.044715 * x ** 3)))


def gelu_grad(x):
    t = np.tanh(C * (x + 0.044715 * x ** 3))
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t ** 2) * C * (1.0 + 3 * 0.044715 * x ** 2)


class GeluClassifier:
    def __init__(self, sizes=(6, 10, 10, 3), seed=6):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0.0, 1.0 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.velocity = {"W": [np.zeros_like(w) for w in self.W], "b": [np.zeros_like(b) for b in self.b]}

    def train_step(self, X, y):
        zs, acts = [], [X]
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = acts[-1] @ W + b
            zs.append(z)
            acts.append(gelu(z) if i < len(self.W) - 1 else z)
        logits = acts[-1]
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.mean(np.sum(y * log_p, axis=1))

        delta = (np.exp(log_p) - y) / len(X)
        gW, gb = [None] * len(self.W), [None] * len(self.b)
        for i in reversed(range(len(self.W))):
            gW[i] = acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * gelu_grad(zs[i - 1])
        for i in range(len(self.W)):
            self.velocity["W"][i] = MOMENTUM * self.velocity["W"][i] + gW[i]
            self.velocity["b"][i] = MOMENTUM * self.velocity["b"][i] + gb[i]
            self.W[i] -= LR * self.velocity["W"][i]
            self.b[i] -= LR * self.velocity["b"][i]
        return float(loss)
