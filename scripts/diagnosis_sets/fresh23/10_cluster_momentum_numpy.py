"""Three-class classifier: 5 inputs -> 8 sigmoid units -> softmax over 3 classes, cross-entropy
summed over the batch. Before each momentum step (v = mu v + g, w -= lr v) the gradients are
rescaled to a global L2 norm of at most CLIP, as torch.nn.utils.clip_grad_norm_ does."""

import numpy as np

LR = 0.02
MU = 0.9
CLIP = 2.0


class ClusterNet:
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        rng = np.random.default_rng(10)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.velocity = {"W1": np.zeros_like(self.W1), "b1": np.zeros_like(self.b1),
                         "W2": np.zeros_like(self.W2), "b2": np.zeros_like(self.b2)}

    def train_step(self, X, y):
        a = 1.0 / (1.0 + np.exp(-(X @ self.W1 + self.b1)))
        z = a @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p))

        dz = p - y
        da = dz @ self.W2.T * a * (1.0 - a)
        grads = {"W1": X.T @ da, "b1": da.sum(axis=0), "W2": a.T @ dz, "b2": dz.sum(axis=0)}

        norm = np.sqrt(sum(np.sum(g) ** 2 for g in grads.values()))   # BUG: norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
        if norm > CLIP:
            grads = {k: g * (CLIP / (norm + 1e-6)) for k, g in grads.items()}

        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return loss
