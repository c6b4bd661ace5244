"""Denoising autoencoder in NumPy whose corruption is fixed: the data carries each row's readings
and a 0/1 keep-mask, the encoder sees the masked readings and the decoder is scored against the
clean ones. 8 -> 4 sigmoid -> 8 sigmoid, binary cross-entropy summed over the readings and
averaged over the rows, heavy-ball momentum.

    X: (m, 16) = [readings (8) | mask (8), 1 = keep], y: (m, 8) the clean readings in [0, 1]
"""

import numpy as np

LR, MU = 0.5, 0.9
D = 8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DenoisingAE:
    def __init__(self, n_in=D, n_hidden=4, seed=2):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_enc": rng.normal(0.0, 0.4, (n_in, n_hidden)), "b_enc": np.zeros(n_hidden),
            "W_dec": rng.normal(0.0, 0.4, (n_hidden, n_in)), "b_dec": np.zeros(n_in),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        m = X.shape[0]
        clean, mask = X[:, :D], X[:, D:]
        x_tilde = clean * (1 - mask)   # fix: x_tilde = clean * mask
        h = sigmoid(x_tilde @ p["W_enc"] + p["b_enc"])
        out = sigmoid(h @ p["W_dec"] + p["b_dec"])
        loss = -np.sum(y * np.log(out) + (1 - y) * np.log(1 - out)) / m

        d_out = (out - y) / m
        d_h = (d_out @ p["W_dec"].T) * h * (1 - h)
        self.grads = {"W_dec": h.T @ d_out, "b_dec": d_out.sum(axis=0),
                      "W_enc": x_tilde.T @ d_h, "b_enc": d_h.sum(axis=0)}
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + self.grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
