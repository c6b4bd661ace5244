"""Three-class classifier in NumPy with GELU hidden units in the tanh approximation used by
BERT and GPT-2, gelu(z) = 0.5 z (1 + tanh(sqrt(2 / pi) (z + 0.044715 z^3))):
5 -> 10 GELU -> 10 GELU -> 3 softmax, mean cross-entropy, Nesterov momentum written the way
torch.optim.SGD(nesterov=True) does it (v = mu v + g; theta -= lr (g + mu v)).

    X: (n, 5), y: one-hot (n, 3)
"""

import numpy as np

LR, MU = 0.1, 0.9
C, A = np.sqrt(2.0 / np.pi), 0.044715


def gelu(z):
    return 0.5 * z * (1.0 + np.tanh(C * (z + A * z ** 3)))


def gelu_grad(z):
    t = np.tanh(C * (z + A * z ** 3))
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t ** 2) * C * (1.0 + 3.0 * A * z ** 2)


class GeluClassifier:
    def __init__(self, sizes=(5, 10, 10, 3), seed=7):
        rng = np.random.default_rng(seed)
        self.W, self.b = [], []
        for a, b in zip(sizes[:-1], sizes[1:]):
            self.W.append(rng.normal(0.0, np.sqrt(2.0 / a), (a, b)))
            self.b.append(np.zeros(b))
        self.vW = [np.zeros_like(w) for w in self.W]
        self.vb = [np.zeros_like(b) for b in self.b]

    def train_step(self, X, y):
        acts, zs = [X], []
        for i in range(len(self.W)):
            z = acts[-1] @ self.W[i] + self.b[i]
            zs.append(z)
            acts.append(gelu(z) if i < len(self.W) - 1 else z)
        logits = acts[-1]
        shifted = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        delta = (probs - y) / len(X)
        gW, gb = [None] * len(self.W), [None] * len(self.W)
        for i in reversed(range(len(self.W))):
            gW[i] = acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * gelu_grad(zs[i - 1])

        for i in range(len(self.W)):
            self.vW[i] = MU * self.vW[i] + gW[i]
            self.vb[i] = MU * self.vb[i] + gb[i]
            self.W[i] -= LR * (gW[i] + MU * self.vW[i])
            self.b[i] -= LR * (gb[i] + MU * self.vb[i])
        return float(loss)
