"""Poisson regression network in NumPy with the full negative log-likelihood: the log y! term is
kept through Stirling's approximation y log y - y + 0.5 log(2 pi y) for counts above 1 (as
torch's PoissonNLLLoss(full=True) does), so the reported loss is comparable to a deviance.
4 -> 8 tanh -> log-rate, heavy-ball momentum (v = mu v + g; w -= lr v). Parameters live in a list
of (weight, bias) pairs.

    X: (n, 4), y: (n, 1) counts
"""

import numpy as np

LR, MU = 0.05, 0.9


def stirling(y):
    safe = np.where(y > 1, y, 1.0)
    return np.where(y > 1, safe * np.log(safe) - safe + 0.5 * np.log(2 * np.pi * safe), 0.0)


class FullPoissonNet:
    def __init__(self, sizes=(4, 8, 1), seed=21):
        rng = np.random.default_rng(seed)
        self.layers = [[rng.normal(0.0, 0.5 / np.sqrt(a), (a, b)), np.zeros(b)] for a, b in zip(sizes[:-1], sizes[1:])]
        self.velocity = [[np.zeros_like(w), np.zeros_like(b)] for w, b in self.layers]

    def train_step(self, X, y):
        (W1, b1), (W2, b2) = self.layers
        h = np.tanh(np.einsum("ni,ij->nj", X, W1) + b1)
        z = np.einsum("nj,jk->nk", h, W2) + b2
        loss = np.mean(np.exp(z) - y * z + stirling(y))
        dz = (np.exp(z) - y) / y.size
        dh = np.einsum("nk,jk->nj", dz, W2) * (1 - h * h)
        grads = [[np.einsum("ni,nj->ij", X, dh), dh.sum(0)], [np.einsum("nj,nk->jk", h, dz), dz.sum(0)]]
        for layer, vel, grad in zip(self.layers, self.velocity, grads):
            for i in range(2):
                vel[i] *= MU
                vel[i] += grad[i]
                layer[i] -= LR * vel[i]
        return float(loss)
