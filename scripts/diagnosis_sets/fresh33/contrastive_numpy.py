"""Siamese network with the contrastive loss of Hadsell, Chopra and LeCun (2006), in NumPy.
One shared encoder 5 -> 8 tanh -> 2 (a linear embedding, no bias: a distance does not see a
shift) embeds both inputs of a pair; with D the Euclidean distance of the two embeddings and
y = 1 for a similar pair (our data's labels), 0 for a dissimilar one:

    L = 0.5 * mean( y D^2 + (1 - y) max(0, MARGIN - D)^2 )

Both inputs pass through the encoder as one stacked batch of 2n rows. Plain SGD.

    X: (n, 2, 5) the two inputs; y: (n, 1) 1 = similar, 0 = dissimilar
"""

import numpy as np

N_IN, HIDDEN, EMBED = 5, 8, 2
MARGIN = 1.5


class SiameseContrastive:
    def __init__(self, lr=0.1, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMBED))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        flat = X.reshape(2 * n, N_IN)
        h = np.tanh(flat @ self.W1 + self.b1)
        emb = (h @ self.W2).reshape(n, 2, EMBED)
        diff = emb[:, 0] - emb[:, 1]
        D = np.sqrt((diff ** 2).sum(axis=1, keepdims=True))
        gap = np.maximum(MARGIN - D, 0.0)
        loss = 0.5 * np.mean(y * D ** 2 + (1 - y) * gap ** 2)

        d_diff = (y * diff - (1 - y) * gap * diff / D) / n
        d_e1 = d_diff
        d_e2 = -d_diff
        d_emb = np.stack([d_e1, d_e2], axis=1).reshape(2 * n, EMBED)
        d_h = (d_emb @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": flat.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_emb}
        for k, grad in self.grads.items():
            getattr(self, k)[...] -= self.lr * grad
        return float(loss)
