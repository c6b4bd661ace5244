"""Monotone regressor in NumPy with softplus-positive weights: W = log(1 + exp(V)) by
np.logaddexp, its derivative dW/dV = sigmoid(V) through the identity 1 - exp(-softplus(V)),
parameters in a list of (V, b) pairs updated in place, Nesterov momentum in torch's form.
"""

import numpy as np

LR, MU = 0.05, 0.9


class SoftMonotoneNet:
    def __init__(self, sizes=(3, 6, 1), seed=11):
        rng = np.random.default_rng(seed)
        self.layers = [[rng.normal(-0.5, 0.5, (a, b)), np.zeros(b)] for a, b in zip(sizes[:-1], sizes[1:])]
        self.buf = [[np.zeros_like(V), np.zeros_like(b)] for V, b in self.layers]

    def train_step(self, X, y):
        n = len(X)
        acts, Ws, a = [X], [], X
        for i, (V, b) in enumerate(self.layers):
            W = np.logaddexp(0.0, V)
            Ws.append(W)
            a = a @ W + b
            if i < len(self.layers) - 1:
                a = np.tanh(a)
            acts.append(a)
        loss = np.mean((a - y) ** 2)

        d = 2.0 * (a - y) / n
        for i in reversed(range(len(self.layers))):
            V, b = self.layers[i]
            gW = acts[i].T @ d
            gV = gW * (1.0 - np.exp(-Ws[i]))
            gb = d.sum(axis=0)
            if i > 0:
                d = (d @ Ws[i].T) * (1.0 - acts[i] ** 2)
            for buf, p, g in zip(self.buf[i], self.layers[i], (gV, gb)):
                buf *= MU
                buf += g
                p -= LR * (g + MU * buf)
        return float(loss)
