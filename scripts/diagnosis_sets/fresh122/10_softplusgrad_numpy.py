"""A NeRF-style coordinate MLP, from scratch in NumPy.

A 3-D point x goes through a fixed Fourier positional encoding

    gamma(x) = [x, sin(2^0 pi x), cos(2^0 pi x), ..., sin(2^(L-1) pi x), cos(2^(L-1) pi x)]

(L = 4 frequencies, 3 + 3*2*4 = 27 features, each block 3 wide), then a ReLU MLP
with a NeRF skip connection that concatenates the encoding back into the third layer:

    h1 = relu(gamma W1 + b1)                  (27 -> 32)
    h2 = relu(h1 W2 + b2)                     (32 -> 32)
    h3 = relu([h2, gamma] W3 + b3)            (59 -> 32)
    out = h3 W4 + b4                          (32 -> 4)
    sigma = softplus(out[:, 0]),  rgb = sigmoid(out[:, 1:4])

Loss: mean squared error of the colour (mean over all N*3 entries) plus a small
density (sparsity) term, density_weight * mean(sigma).
Backward by hand; Adam (torch's formula) with an exponential learning-rate decay,
the t-th update (t = 0, 1, ...) using lr * gamma**t.

    X: float (N, 3) points, y: float (N, 3) colours.
Parameters (self.params): W1 (27, 32), b1, W2 (32, 32), b2, W3 (59, 32), b3, W4 (32, 4), b4.
Gradients in self.grads, Adam moments in self.m, self.v, step count self.t.
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class NerfMLP:
    def __init__(self, in_dim=3, n_freq=4, hidden=32, lr=5e-3, gamma=0.95, density_weight=0.01,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.n_freq = n_freq
        self.hidden = hidden
        enc_dim = in_dim * (1 + 2 * n_freq)

        def he(fan_in, fan_out):
            return rng.standard_normal((fan_in, fan_out)) * math.sqrt(2.0 / fan_in)

        self.params = {
            "W1": he(enc_dim, hidden), "b1": rng.uniform(-0.1, 0.1, hidden),
            "W2": he(hidden, hidden), "b2": rng.uniform(-0.1, 0.1, hidden),
            "W3": he(hidden + enc_dim, hidden), "b3": rng.uniform(-0.1, 0.1, hidden),
            "W4": he(hidden, 4) * 0.5, "b4": rng.uniform(-0.1, 0.1, 4),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(np.float32)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        self.lr0 = lr
        self.gamma = gamma
        self.density_weight = density_weight
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def encode(self, X):
        feats = [X]
        for k in range(self.n_freq):
            freq = (2.0 ** k) * math.pi
            feats.append(np.sin(freq * X))
            feats.append(np.cos(freq * X))
        return np.concatenate(feats, axis=1)

    def _forward(self, X):
        p = self.params
        e = self.encode(X)
        z1 = e @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0.0)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0.0)
        c = np.concatenate([h2, e], axis=1)          # skip connection
        z3 = c @ p["W3"] + p["b3"]
        h3 = np.maximum(z3, 0.0)
        out = h3 @ p["W4"] + p["b4"]
        sigma = softplus(out[:, 0])
        rgb = sigmoid(out[:, 1:])
        return sigma, rgb, (e, z1, h1, z2, h2, c, z3, h3, out)

    def forward(self, X):
        sigma, rgb, _ = self._forward(X)
        return sigma, rgb

    def _loss(self, sigma, rgb, y):
        return np.mean((rgb - y) ** 2) + self.density_weight * np.mean(sigma)

    def loss(self, X, y):
        sigma, rgb, _ = self._forward(X)
        return self._loss(sigma, rgb, y)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        sigma, rgb, (e, z1, h1, z2, h2, c, z3, h3, out) = self._forward(X)
        loss = self._loss(sigma, rgb, y)

        dout = np.empty_like(out)
        drgb = 2.0 * (rgb - y) / rgb.size
        dout[:, 1:] = drgb * rgb * (1.0 - rgb)                       # sigmoid'
        dout[:, 0] = self.density_weight / N * sigmoid(sigma)    # fix: dout[:, 0] = self.density_weight / N * sigmoid(out[:, 0])

        self.grads["W4"] = h3.T @ dout
        self.grads["b4"] = dout.sum(axis=0)
        dh3 = dout @ p["W4"].T
        dz3 = dh3 * (z3 > 0)
        self.grads["W3"] = c.T @ dz3
        self.grads["b3"] = dz3.sum(axis=0)
        dc = dz3 @ p["W3"].T
        dh2 = dc[:, :self.hidden]                    # the encoding part needs no gradient
        dz2 = dh2 * (z2 > 0)
        self.grads["W2"] = h1.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        dz1 = dh1 * (z1 > 0)
        self.grads["W1"] = e.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        lr = self.lr0 * self.gamma ** self.t          # exponential decay
        self.t += 1
        bias_correction1 = 1 - self.beta1 ** self.t
        bias_correction2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            p -= (lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
