"""A variational autoencoder with a Bernoulli (sigmoid) decoder, from scratch in NumPy.

    h   = tanh(X @ We + be)                       encoder, 12 -> 16
    mu  = h @ Wmu + bmu,  logvar = h @ Wlv + blv  bottleneck, 16 -> 3 (each)
    z   = mu + exp(0.5 * logvar) * eps            reparameterisation, eps given (drawn once)
    g   = tanh(z @ Wd + bd)                       decoder, 3 -> 16
    logits = g @ Wo + bo                          16 -> 12, p = sigmoid(logits)

    loss = [ sum_j BCE(p_ij, x_ij) + KL_i ] averaged over the batch,
    KL_i = -0.5 * sum_k (1 + logvar_ik - mu_ik^2 - exp(logvar_ik))

Trained with Adam (lr 5e-3, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam).
X: (N, 12) in {0, 1}; y: (N, 3) the noise eps, fixed for the whole run.
"""

import math

import numpy as np


def _softplus(a):
    return np.maximum(a, 0) + np.log1p(np.exp(-np.abs(a)))


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


class BernoulliVAE:
    def __init__(self, n_in=12, hidden=16, latent=3, lr=5e-3, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)

        def dense(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return rng.uniform(-bound, bound, (fan_in, fan_out)), rng.uniform(-bound, bound, fan_out)

        self.params = {}
        self.params["We"], self.params["be"] = dense(n_in, hidden)
        self.params["Wmu"], self.params["bmu"] = dense(hidden, latent)
        self.params["Wlv"], self.params["blv"] = dense(hidden, latent)
        self.params["Wd"], self.params["bd"] = dense(latent, hidden)
        self.params["Wo"], self.params["bo"] = dense(hidden, n_in)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X, eps):
        p = self.params
        X = X.astype(p["We"].dtype, copy=False)
        eps = eps.astype(p["We"].dtype, copy=False)
        h = np.tanh(X @ p["We"] + p["be"])
        mu = h @ p["Wmu"] + p["bmu"]
        logvar = h @ p["Wlv"] + p["blv"]
        std = np.exp(0.5 * logvar)
        z = mu + std * eps
        g = np.tanh(z @ p["Wd"] + p["bd"])
        logits = g @ p["Wo"] + p["bo"]
        cache = dict(X=X, eps=eps, h=h, mu=mu, logvar=logvar, std=std, z=z, g=g, logits=logits)
        return logits, cache

    def _loss(self, c):
        N = c["X"].shape[0]
        rec = (_softplus(c["logits"]) - c["X"] * c["logits"]).sum() / N
        kl = -0.5 * (1 + c["logvar"] - c["mu"] ** 2 - np.exp(c["logvar"])).sum() / N
        return rec + kl

    def loss(self, X, y):
        _, c = self.forward(X, y)
        return self._loss(c)

    def backward(self, c):
        p, gr = self.params, self.grads
        X = c["X"]
        N = X.shape[0]

        dlogits = (_sigmoid(c["logits"]) - X) / N          # BCE through the sigmoid
        gr["Wo"] = c["g"].T @ dlogits
        gr["bo"] = dlogits.sum(axis=0)
        da = (dlogits @ p["Wo"].T) * (1 - c["g"] ** 2)
        gr["Wd"] = c["z"].T @ da
        gr["bd"] = da.sum(axis=0)
        dz = da @ p["Wd"].T

        # reparameterisation + KL
        dmu = dz + c["mu"] / N
        dlogvar = dz * c["eps"] * 0.5 * c["std"] + 0.5 * (np.exp(c["logvar"]) - 1) / N

        gr["Wmu"] = c["h"].T @ dmu
        gr["bmu"] = dmu.sum(axis=0)
        gr["Wlv"] = c["h"].T @ dlogvar
        gr["blv"] = dlogvar.sum(axis=0)
        dh = dmu @ p["Wmu"].T + dlogvar @ p["Wlv"].T
        dpre = dh * (1 - c["h"] ** 2)
        gr["We"] = X.T @ dpre
        gr["be"] = dpre.sum(axis=0)

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc1
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        _, cache = self.forward(X, y)
        loss = self._loss(cache)
        self.backward(cache)
        self.adam()
        return float(loss)
