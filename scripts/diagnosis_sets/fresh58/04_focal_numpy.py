"""Multi-label focal loss (Lin et al. 2017) on 2x2 masks, NumPy: 6 -> 8 tanh -> 4 sigmoid pixels.
FL = -alpha_t (1 - p_t)^GAMMA log(p_t), alpha_t = ALPHA for a foreground pixel and 1 - ALPHA for a
background one, p_t = p or 1 - p; averaged over every pixel. Gradient through p_t by hand."""

import numpy as np

ALPHA, GAMMA = 0.25, 2.0
LR = 2.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class FocalNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        pt = np.where(y == 1, p, 1 - p)
        at = np.where(y == 1, ALPHA, 1 - ALPHA)
        loss = np.mean(-at * (1 - pt) ** GAMMA * np.log(pt))
        dfl_dpt = at * (GAMMA * (1 - pt) ** (GAMMA - 1) * np.log(pt) - (1 - pt) ** GAMMA / pt)
        dz = dfl_dpt * (2 * y - 1) * p * (1 - p) / y.size
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
