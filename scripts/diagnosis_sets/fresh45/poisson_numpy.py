"""Count regression with a log link, from scratch: 3 inputs -> 8 tanh units -> the log-rate z,
rate = exp(z). Loss: the Poisson negative log-likelihood without log y!, mean(exp(z) - y z), whose
gradient on z is (rate - y) / n. The output bias starts at log(4), about the mean count."""

import numpy as np

LEARNING_RATE = 0.02


class PoissonNet:
    def __init__(self, n_in=3, n_hidden=8, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.2, (n_hidden, 1))
        self.b2 = np.array([np.log(4.0)])

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        rate = np.exp(z)
        loss = np.mean(rate - y * z)

        d_z = (rate - y) / n
        d_h = (d_z @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LEARNING_RATE * (h.T @ d_z)
        self.b2 -= LEARNING_RATE * d_z.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
