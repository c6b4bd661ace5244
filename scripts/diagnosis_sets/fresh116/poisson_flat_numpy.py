"""The species-count Poisson MLP in NumPy, written another way: every parameter lives in one flat
vector theta, each weight a view of it kept (out, in) as torch keeps nn.Linear's, so a layer is
X @ W.T + b and its weight gradient dz.T @ X; the gradient is written into views of one flat
buffer and Adam (amsgrad, L2 weight decay coupled into the gradient) updates the whole vector in
one expression, its moments flat vectors too.

The math is the same as poisson_numpy.py, written differently: softplus as
max(z, 0) + log1p(exp(-|z|)) with derivative exp(-logaddexp(0, -z)); SiLU as z / (1 + exp(-z))
with derivative s + h (1 - s), h = z s; standardisation by the root mean square of the centred
batch; the loss as mean(mu) - mean(y * eta); the denominator as sqrt(vmax / bc2) + EPS.

    X: float (n, 7) raw covariates, y: float (n, 1) counts
"""

import math

import numpy as np

N_FEAT, H1, H2 = 7, 16, 8
LR, WD = 0.01, 1e-3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8

SHAPES = [("fc1_w", (H1, N_FEAT)), ("fc1_b", (H1,)), ("fc2_w", (H2, H1)), ("fc2_b", (H2,)),
          ("out_w", (1, H2)), ("out_b", (1,))]


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES:
        size = math.prod(shape)
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class PoissonFlat:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        size = sum(math.prod(s) for _, s in SHAPES)
        self.theta = np.empty(size)
        self.params = views(self.theta)
        for name, shape in SHAPES:
            fan_in = shape[1] if len(shape) == 2 else 1
            if name.endswith("_w"):
                self.params[name][...] = rng.normal(0.0, 1.0 / math.sqrt(fan_in), shape)
            else:
                self.params[name][...] = rng.normal(0.0, 0.1, shape)
        self.params["out_w"][...] *= 0.5
        self.params["out_b"][...] = 0.8
        self.first = np.zeros(size)
        self.second = np.zeros(size)
        self.second_max = np.zeros(size)
        self.n_updates = 0

    def forward(self, X):
        P = self.params
        centred = X - X.mean(axis=0)
        Xs = centred / np.sqrt(np.mean(centred * centred, axis=0))
        z1 = Xs @ P["fc1_w"].T + P["fc1_b"]
        h1 = np.maximum(z1, 0.0) + np.log1p(np.exp(-np.abs(z1)))
        z2 = h1 @ P["fc2_w"].T + P["fc2_b"]
        s2 = 1.0 / (1.0 + np.exp(-z2))
        h2 = z2 / (1.0 + np.exp(-z2))
        eta = h2 @ P["out_w"].T + P["out_b"]
        return eta, (Xs, z1, h1, z2, s2, h2)

    def train_step(self, X, y):
        P = self.params
        eta, (Xs, z1, h1, z2, s2, h2) = self.forward(X)
        mu = np.exp(eta)
        loss = np.mean(mu) - np.mean(y * eta)

        gflat = np.empty_like(self.theta)
        G = views(gflat)
        deta = (mu - y) / X.shape[0]
        G["out_w"][...] = deta.T @ h2
        G["out_b"][...] = deta.sum(axis=0)
        dz2 = (deta @ P["out_w"]) * (s2 + h2 * (1.0 - s2))
        G["fc2_w"][...] = dz2.T @ h1
        G["fc2_b"][...] = dz2.sum(axis=0)
        dz1 = (dz2 @ P["fc2_w"]) * np.exp(-np.logaddexp(0.0, -z1))
        G["fc1_w"][...] = dz1.T @ Xs
        G["fc1_b"][...] = dz1.sum(axis=0)
        self.grads = G

        self.n_updates += 1
        d = gflat + WD * self.theta
        self.first = BETA1 * self.first + (1.0 - BETA1) * d
        self.second = BETA2 * self.second + (1.0 - BETA2) * d * d
        self.second_max = np.maximum(self.second_max, self.second)
        bc1 = 1.0 - BETA1 ** self.n_updates
        bc2 = 1.0 - BETA2 ** self.n_updates
        self.theta -= LR * (self.first / bc1) / (np.sqrt(self.second_max / bc2) + EPS)
        return float(loss)
