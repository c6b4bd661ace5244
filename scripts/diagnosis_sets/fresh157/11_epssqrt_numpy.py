"""A small variational autoencoder written by hand in NumPy (Bernoulli decoder, Adam).

encoder: h = tanh(X W1 + b1); mu = h Wmu + bmu; logvar = h Wlv + blv
sample:  z = mu + exp(0.5 logvar) * eps, eps supplied as the batch's y (fixed noise)
decoder: g = tanh(z W3 + b3); xhat = sigmoid(g W4 + b4)
loss:    mean over rows of [ BCE(xhat, X) summed over the features
                              + beta * KL(N(mu, exp(logvar)) || N(0, 1)) summed over the latents ]
Adam (lr 5e-3, betas (0.9, 0.999), eps 1e-8) with bias correction, as torch.optim.Adam.
Weights are kept (in, out) in self.params.
"""

import math

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class VAE:
    def __init__(self, n_in=12, n_hidden=16, n_latent=3, beta=0.8, lr=5e-3,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)

        def dense(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return (rng.uniform(-bound, bound, (fan_in, fan_out)),
                    rng.uniform(-bound, bound, fan_out))

        self.params = {}
        for w, b, shape in (("W1", "b1", (n_in, n_hidden)), ("Wmu", "bmu", (n_hidden, n_latent)),
                            ("Wlv", "blv", (n_hidden, n_latent)), ("W3", "b3", (n_latent, n_hidden)),
                            ("W4", "b4", (n_hidden, n_in))):
            self.params[w], self.params[b] = dense(*shape)
        self.beta = beta
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X, noise):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        mu = h @ p["Wmu"] + p["bmu"]
        logvar = h @ p["Wlv"] + p["blv"]
        std = np.exp(0.5 * logvar)
        z = mu + std * noise
        g = np.tanh(z @ p["W3"] + p["b3"])
        xhat = sigmoid(g @ p["W4"] + p["b4"])
        self.cache = (X, noise, h, mu, logvar, std, z, g, xhat)
        return xhat

    def loss(self, X, noise):
        xhat = self.forward(X, noise)
        _, _, _, mu, logvar, _, _, _, _ = self.cache
        recon = -(X * np.log(xhat) + (1 - X) * np.log(1 - xhat)).sum(axis=1)
        kl = -0.5 * (1 + logvar - mu ** 2 - np.exp(logvar)).sum(axis=1)
        return (recon + self.beta * kl).mean()

    def backward(self):
        p = self.params
        X, noise, h, mu, logvar, std, z, g, xhat = self.cache
        n = X.shape[0]
        dlogits = (xhat - X) / n                       # BCE through the sigmoid
        self.grads["W4"] = g.T @ dlogits
        self.grads["b4"] = dlogits.sum(axis=0)
        da3 = (dlogits @ p["W4"].T) * (1 - g ** 2)
        self.grads["W3"] = z.T @ da3
        self.grads["b3"] = da3.sum(axis=0)
        dz = da3 @ p["W3"].T
        dmu = dz + self.beta * mu / n
        dlogvar = dz * noise * 0.5 * std + self.beta * 0.5 * (np.exp(logvar) - 1) / n
        self.grads["Wmu"] = h.T @ dmu
        self.grads["bmu"] = dmu.sum(axis=0)
        self.grads["Wlv"] = h.T @ dlogvar
        self.grads["blv"] = dlogvar.sum(axis=0)
        da1 = (dmu @ p["Wmu"].T + dlogvar @ p["Wlv"].T) * (1 - h ** 2)
        self.grads["W1"] = X.T @ da1
        self.grads["b1"] = da1.sum(axis=0)

    def adam_step(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / np.sqrt(v_hat + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward()
        self.adam_step()
        return float(loss)
