"""A factorization machine for click prediction, from scratch in NumPy.

The row is turned into a feature vector x: the four numeric columns as they are, then a one-hot
block for each of the three categorical fields (5, 4 and 6 ids), nineteen features in all. The
score is a global bias, a linear term and every pairwise interaction <v_i, v_j> x_i x_j, the
last computed in O(kn) with the identity

    sum_{i<j} <v_i, v_j> x_i x_j = 0.5 * sum_f ((x V)_f^2 - (x^2)(V^2)_f).

The click label y in {0, 1} is mapped to s = 2y - 1 in {-1, +1} and the loss is the logistic
loss log(1 + exp(-s z)) averaged over the batch (the binary cross-entropy of sigmoid(z)), plus
the L2 penalty 0.5 * LAM * (|w|^2 + |V|^2). Adagrad as TensorFlow sets it up: the accumulator
starts at 0.1, G += g^2, p -= LR * g / (sqrt(G) + EPS).

    X: float (n, 7) four numeric features, then three categorical ids; y: float (n,) the click
"""

import numpy as np

N_NUM, CARDS, K = 4, (5, 4, 6), 4
N_FEAT = N_NUM + sum(CARDS)
LR, LAM, INIT_ACC, EPS = 0.1, 0.01, 0.1, 1e-10


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def features(X):
    blocks = [X[:, :N_NUM]]
    for f, card in enumerate(CARDS):
        ids = X[:, N_NUM + f].astype(np.int64)
        blocks.append(np.eye(card, dtype=X.dtype)[ids])
    return np.concatenate(blocks, axis=1)


class FactorizationMachine:
    def __init__(self, seed=93):
        rng = np.random.default_rng(seed)
        self.params = {
            "w0": np.zeros(1),
            "w": rng.normal(0.0, 0.1, N_FEAT),
            "V": rng.normal(0.0, 0.2, (N_FEAT, K)),
        }
        self.G = {k: np.full_like(a, INIT_ACC) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        x = features(X)
        xv = x @ p["V"]
        pair = 0.5 * np.sum(xv ** 2 - (x ** 2) @ (p["V"] ** 2), axis=1)
        z = p["w0"] + x @ p["w"] + pair
        return z, (x, xv)

    def log_loss(self, z, y):
        """The mean logistic loss of the scores z and its gradient with respect to z."""
        s = 2.0 * y - 1.0
        return np.mean(np.logaddexp(0.0, -s * z)), -s * sigmoid(-s * z) / len(z)

    def penalty(self):
        p = self.params
        return 0.5 * LAM * (np.sum(p["w"] ** 2) + np.sum(p["V"] ** 2))

    def loss(self, X, y):
        z, _ = self.forward(X)
        return self.log_loss(z, y)[0] + self.penalty()

    def train_step(self, X, y):
        p = self.params
        z, (x, xv) = self.forward(X)
        data, dz = self.log_loss(z, y)
        loss = data + self.penalty()

        g = {}
        g["w0"] = np.sum(dz, keepdims=True)
        g["w"] = x.T @ dz + LAM * p["w"]
        g["V"] = x.T @ (dz[:, None] * xv) - p["V"] * ((x ** 2).T @ dz)[:, None] + LAM * p["V"]
        self.grads = g

        for k in p:
            self.G[k] += g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.G[k]) + EPS)
        return float(loss)
