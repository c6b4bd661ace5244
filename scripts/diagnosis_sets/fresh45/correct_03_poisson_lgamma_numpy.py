"""Poisson count regression with the full log-likelihood (log y! included, by math.lgamma), every
product through np.einsum, the parameters as [W, b] pairs in a list of layers (paired by --param),
and the log-rate's gradient derived from the rate: dL/dz = dL/drate * drate/dz = (1 - y / rate) * rate.
3 inputs -> 8 tanh units -> log-rate. Plain gradient descent."""

import math

import numpy as np

LEARNING_RATE = 0.02
_lgamma = np.vectorize(math.lgamma)


class PoissonFullNet:
    def __init__(self, n_in=3, n_hidden=8, seed=21):
        rng = np.random.default_rng(seed)
        self.layers = [[rng.normal(0.0, 0.5, (n_in, n_hidden)), np.zeros(n_hidden)],
                       [rng.normal(0.0, 0.2, (n_hidden, 1)), np.full(1, math.log(4.0))]]

    def train_step(self, X, y):
        (W1, b1), (W2, b2) = self.layers
        h = np.tanh(np.einsum("ni,ih->nh", X, W1) + b1)
        z = np.einsum("nh,ho->no", h, W2) + b2
        rate = np.exp(z)
        log_fact = _lgamma(y + 1).astype(y.dtype)
        loss = np.mean(rate - y * z + log_fact)

        d_rate = (1 - y / rate) / len(y)
        d_z = d_rate * rate
        d_h = np.einsum("no,ho->nh", d_z, W2) * (1 - h * h)
        W2 -= LEARNING_RATE * np.einsum("nh,no->ho", h, d_z)
        b2 -= LEARNING_RATE * d_z.sum(0)
        W1 -= LEARNING_RATE * np.einsum("ni,nh->ih", X, d_h)
        b1 -= LEARNING_RATE * d_h.sum(0)
        return float(loss)
