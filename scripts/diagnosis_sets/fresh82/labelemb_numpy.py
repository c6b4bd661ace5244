"""Label-embedding intent classifier in NumPy.

The input is projected to an EMB-dimensional hidden vector h = tanh(X W + b); every intent k has a
trainable embedding L[k] of the same size, and its score is the dot product h . L[k] (scores =
h @ L.T, no output bias). Softmax cross-entropy with label smoothing EPS_LS, as
F.cross_entropy(label_smoothing=EPS_LS): the target of each row is (1 - EPS_LS) on its intent plus
EPS_LS / K spread over all intents, averaged over the rows. The softmax subtracts each row's
largest score first. RMSprop as torch.optim.RMSprop with alpha=ALPHA: square_avg = ALPHA *
square_avg + (1 - ALPHA) * g^2, p -= LR * g / (sqrt(square_avg) + EPS).

    X: float (n, 9), y: int (n,) intent ids 0..7
"""

import numpy as np

D, EMB, K = 9, 6, 8
LR, ALPHA, EPS, EPS_LS = 0.01, 0.9, 1e-8, 0.1


class LabelEmb:
    def __init__(self, seed=82):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, 1.0 / np.sqrt(D), (D, EMB)),
            "b": np.zeros(EMB),
            "L": rng.normal(0.0, 0.5, (K, EMB)),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h = np.tanh(X @ p["W"] + p["b"])
        scores = h @ p["L"].T
        shifted = scores - scores.max(axis=1, keepdims=True)
        logZ = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        logp = shifted - logZ
        Y = np.eye(K, dtype=X.dtype)[y]
        Q = (1.0 - EPS_LS) * Y + EPS_LS / K
        loss = -np.sum(Q * logp) / n

        dscores = (np.exp(logp) - Q) / n
        g = {}
        g["L"] = dscores.T @ h
        da = (dscores @ p["L"]) * (1.0 - h ** 2)
        g["W"] = X.T @ da
        g["b"] = da.sum(axis=0)
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
