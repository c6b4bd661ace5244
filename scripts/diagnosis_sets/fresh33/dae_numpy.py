"""Denoising autoencoder in NumPy (Vincent et al. 2008), small: each 8-reading row is corrupted
with additive Gaussian noise of standard deviation 0.3, drawn from a fixed seed (the same
corruption every step, so the run repeats exactly), encoded 8 -> 4 sigmoid, decoded 4 -> 8
linear, and the reconstruction is scored against the clean readings: mean squared error over
every reading. Heavy-ball momentum.

    X: (n, 8) clean readings, y: (n, 8) the same clean readings
"""

import numpy as np

N_IN, CODE = 8, 4
NOISE_STD, NOISE_SEED = 0.3, 11


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DenoisingAutoencoder:
    def __init__(self, lr=0.5, mu=0.9, seed=6):
        rng = np.random.default_rng(seed)
        self.W_enc = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, CODE))
        self.b_enc = np.zeros(CODE)
        self.W_dec = rng.normal(0.0, 1.0 / np.sqrt(CODE), (CODE, N_IN))
        self.b_dec = np.zeros(N_IN)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W_enc", "b_enc", "W_dec", "b_dec")}

    def train_step(self, X, y):
        noise = np.random.default_rng(NOISE_SEED).standard_normal(X.shape).astype(X.dtype)
        noisy = X + NOISE_STD * noise
        code = sigmoid(noisy @ self.W_enc + self.b_enc)
        recon = code @ self.W_dec + self.b_dec
        loss = np.mean((recon - y) ** 2)

        d_recon = 2.0 * (recon - y) / recon.size
        d_code = (d_recon @ self.W_dec.T) * code * (1.0 - code)
        self.grads = {"W_enc": noisy.T @ d_code, "b_enc": d_code.sum(axis=0),
                      "W_dec": code.T @ d_recon, "b_dec": d_recon.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
