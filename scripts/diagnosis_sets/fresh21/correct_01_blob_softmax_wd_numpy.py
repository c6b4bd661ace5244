"""Softmax classifier for the three blobs, from scratch, in the style of the course notes:
4 -> 10 ReLU -> 3, mean cross-entropy plus an L2 penalty (WD / 2) ||W||^2 on the weight matrices
only (not the biases), SGD with heavy-ball momentum written as torch does it (buf = MU buf + g,
w -= LR buf). train_epoch visits the rows in a fresh seeded order, in N_BATCHES mini-batches."""

import numpy as np

SEED = 23
LR = 0.1
MU = 0.9
WD = 1e-2
N_BATCHES = 3


class BlobSoftmaxWD:
    def __init__(self, X, y, hidden=10):
        rng = np.random.default_rng(2)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.momentum = {name: np.zeros_like(value) for name, value in self.params.items()}
        self.shuffler = np.random.default_rng(SEED)

    def _minibatch(self, xb, yb):
        P = self.params
        z1 = np.einsum("ni,ih->nh", xb, P["W1"]) + P["b1"]
        h = z1 * (z1 > 0)
        logits = np.einsum("nh,hk->nk", h, P["W2"]) + P["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))

        dlogits = (np.exp(log_probs) - yb) / len(xb)
        dz1 = np.einsum("nk,hk->nh", dlogits, P["W2"]) * (z1 > 0)
        grads = {
            "W1": np.einsum("ni,nh->ih", xb, dz1), "b1": dz1.sum(axis=0),
            "W2": np.einsum("nh,nk->hk", h, dlogits), "b2": dlogits.sum(axis=0),
        }
        for name, g in grads.items():
            if name.startswith("W"):
                g = g + WD * P[name]
            buf = self.momentum[name]
            np.multiply(buf, MU, out=buf)
            buf += g
            P[name] -= LR * buf
        return -np.mean(np.sum(yb * log_probs, axis=1))

    def train_epoch(self, X, y):
        order = self.shuffler.permutation(len(X))
        return float(np.mean([self._minibatch(X[idx], y[idx]) for idx in np.array_split(order, N_BATCHES)]))
