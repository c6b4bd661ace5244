"""Denoising autoencoder for 8 sensor readings in [0, 1], from scratch. A fixed quarter of the
inputs is masked to zero (the corruption drawn once, from a Generator seeded with SEED), and
the network 8 -> 3 tanh -> 8 sigmoid learns to reconstruct the clean readings; mean squared
error over every reading, gradient descent."""

import numpy as np

SEED = 11
DROP = 0.25
LR = 2.0


class SensorAutoencoder:
    def __init__(self, X, y, code=3):
        self.keep = (np.random.default_rng(SEED).random(X.shape) >= DROP).astype(X.dtype)
        init = np.random.default_rng(5)
        self.W_enc = init.normal(0.0, 0.4, (X.shape[1], code))
        self.b_enc = np.zeros(code)
        self.W_dec = init.normal(0.0, 0.4, (code, X.shape[1]))
        self.b_dec = np.zeros(X.shape[1])

    def train_step(self, X, y):
        X_in = X * self.keep
        h = np.tanh(X_in @ self.W_enc + self.b_enc)
        out = 1.0 / (1.0 + np.exp(-(h @ self.W_dec + self.b_dec)))
        err = out - X
        loss = np.mean(err ** 2)

        d_out = 2.0 * err / err.size * out * (1.0 - out)
        d_h = (d_out @ self.W_dec.T) * (1.0 - h ** 2)
        self.W_dec -= LR * (h.T @ d_out)
        self.b_dec -= LR * d_out.sum(axis=0)
        self.W_enc -= LR * (X_in.T @ d_h)
        self.b_enc -= LR * d_h.sum(axis=0)
        return float(loss)
