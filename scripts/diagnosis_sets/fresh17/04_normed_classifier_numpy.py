"""Three-class classifier in NumPy with a normalised hidden layer: 5 -> 12 -> 3. The hidden
pre-activations of each row are normalised over the 12 units (layer normalisation without a
learned scale or shift), then tanh; softmax output, mean cross-entropy, mini-batch SGD.
PyTorch port: 04_normed_classifier_torch.py."""

import numpy as np

EPS = 1e-5
LR = 0.5


class NormedClassifier:
    def __init__(self, n_in=5, n_hidden=12, n_classes=3, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden))
        self.b1 = rng.normal(0.0, 0.1, n_hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1 + self.b1
        mu = z.mean(axis=1, keepdims=True)
        inv = 1.0 / np.sqrt(z.var(axis=1, keepdims=True) + EPS)
        zn = (z - mu) * inv
        h = np.tanh(zn)
        logits = h @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        d_logits = (p - y) / n
        d_h = d_logits @ self.W2.T
        d_zn = d_h * (1.0 - h ** 2)
        d_z = inv * (d_zn - d_zn.mean(axis=1, keepdims=True) - zn * (d_zn * zn).mean(axis=1, keepdims=True))

        self.W2 -= LR * (h.T @ d_logits)
        self.b2 -= LR * d_logits.sum(axis=0)
        self.W1 -= LR * (X.T @ d_z)
        self.b1 -= LR * d_z.sum(axis=0)
        return float(loss)
