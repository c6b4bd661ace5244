"""Autoencoder for 8 sensor readings in [0, 1], from scratch: 8 -> 3 sigmoid code -> 8 sigmoid
reconstruction, binary cross-entropy summed over the sensors and averaged over the rows,
gradient descent."""

import numpy as np

LR = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SensorCodec:
    def __init__(self, X, y, code=3):
        rng = np.random.default_rng(13)
        self.W_enc = rng.normal(0.0, 0.5, (X.shape[1], code))
        self.b_enc = np.zeros(code)
        self.W_dec = rng.normal(0.0, 0.5, (code, X.shape[1]))
        self.b_dec = np.zeros(X.shape[1])

    def train_step(self, X, y):
        code = sigmoid(X @ self.W_enc + self.b_enc)
        recon = sigmoid(code @ self.W_dec + self.b_dec)
        loss = -np.sum(X * np.log(recon) + (1.0 - X) * np.log(1.0 - recon)) / len(X)

        d_out = (recon - X) / len(X)
        d_code = (d_out @ self.W_enc) * code * (1.0 - code)   # BUG: d_code = (d_out @ self.W_dec.T) * code * (1.0 - code)
        self.W_dec -= LR * (code.T @ d_out)
        self.b_dec -= LR * d_out.sum(axis=0)
        self.W_enc -= LR * (X.T @ d_code)
        self.b_enc -= LR * d_code.sum(axis=0)
        return float(loss)
