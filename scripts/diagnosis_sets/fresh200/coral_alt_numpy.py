"""Correct variant of coral_numpy.py: first-layer weight kept (out, in) as torch does, einsum for
the products, the loss written as -[T log s + (1-T) log(1-s)] through log-sigmoids, the shared
weight kept as a vector, and momentum/decay updates made in place."""
import numpy as np


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


class CoralAltNet:
    def __init__(self, n_in=6, hidden=16, n_levels=5, seed=0):
        rng = np.random.default_rng(seed)
        self.K = n_levels
        W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, hidden))
        w = rng.normal(0.0, 1.0 / np.sqrt(hidden), size=(hidden, 1))
        self.params = {"W1": np.ascontiguousarray(W1.T), "b1": np.zeros(hidden),
                       "w": w[:, 0].copy(), "b": np.linspace(1.5, -1.5, n_levels - 1)}
        self.buf = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu, self.wd = 0.05, 0.9, 5e-3

    def train_step(self, X, y):
        P = self.params
        N = X.shape[0]
        h = np.tanh(np.einsum("ni,hi->nh", X, P["W1"]) + P["b1"])
        z = np.einsum("nh,h->n", h, P["w"])[:, None] + P["b"][None, :]
        T = (y[:, None] > np.arange(self.K - 1)[None, :]).astype(z.dtype)
        loss = -np.sum(T * log_sigmoid(z) + (1.0 - T) * log_sigmoid(-z)) / N
        s = np.exp(log_sigmoid(z))
        dz = (s - T) / N
        dg = dz.sum(axis=1)
        dh = np.einsum("n,h->nh", dg, P["w"])
        da = dh * (1.0 - h * h)
        grads = {"W1": np.einsum("nh,ni->hi", da, X), "b1": da.sum(axis=0),
                 "w": np.einsum("nh,n->h", h, dg), "b": dz.sum(axis=0)}
        for k, p in P.items():
            g = grads[k]
            g += self.wd * p
            self.buf[k] *= self.mu
            self.buf[k] += g
            p -= self.lr * self.buf[k]
        return float(loss)
