"""A SIREN image field with Fourier features and a density head, from scratch in NumPy.

A 2-D pixel coordinate x goes through a fixed Fourier positional encoding

    gamma(x) = [x, sin(2^0 pi x), cos(2^0 pi x), ..., sin(2^(L-1) pi x), cos(2^(L-1) pi x)]

(L = 3, 2 + 2*2*3 = 14 features, each block 2 wide), then sine layers
s = sin(w0 * (a W + b)) with w0 = 30 and a skip connection that concatenates the
encoding into the third layer:

    s1 = sin(w0 (gamma W1 + b1))              (14 -> 32)
    s2 = sin(w0 (s1 W2 + b2))                 (32 -> 32)
    s3 = sin(w0 ([s2, gamma] W3 + b3))        (46 -> 32)
    out = s3 W4 + b4                          (32 -> 4)
    sigma = softplus(out[:, 0]),  rgb = sigmoid(out[:, 1:4])

y (N, 5): colour y[:, :3], density target y[:, 3], a fixed 0/1 mask y[:, 4] of the
samples whose density is supervised. Loss:

    mean((rgb - y[:, :3])^2) + density_weight * sum(mask (sigma - y[:, 3])^2) / sum(mask)

Backward by hand; Adam (torch's formula) with the NeRF learning-rate decay: the
t-th update (t = 0, 1, ...) uses lr * decay_rate ** (t / decay_steps).
Parameters (self.params): W1 (14, 32), b1, W2 (32, 32), b2, W3 (46, 32), b3, W4 (32, 4), b4,
initialised as in the SIREN paper. Gradients self.grads, Adam moments self.m, self.v.
"""

import math

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class SirenField:
    def __init__(self, in_dim=2, n_freq=3, hidden=32, w0=30.0, lr=1e-3, decay_rate=0.1,
                 decay_steps=50, density_weight=0.1, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.n_freq = n_freq
        self.hidden = hidden
        self.w0 = w0
        enc_dim = in_dim * (1 + 2 * n_freq)

        def first(fan_in, fan_out):
            return rng.uniform(-1.0 / fan_in, 1.0 / fan_in, (fan_in, fan_out))

        def siren(fan_in, fan_out):
            bound = math.sqrt(6.0 / fan_in) / w0
            return rng.uniform(-bound, bound, (fan_in, fan_out))

        def bias(fan_in, fan_out):
            bound = 1.0 / math.sqrt(fan_in)
            return rng.uniform(-bound, bound, fan_out)

        self.params = {
            "W1": first(enc_dim, hidden), "b1": bias(enc_dim, hidden),
            "W2": siren(hidden, hidden), "b2": bias(hidden, hidden),
            "W3": siren(hidden + enc_dim, hidden), "b3": bias(hidden + enc_dim, hidden),
            "W4": siren(hidden, 4) * w0 * 0.5, "b4": bias(hidden, 4),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(np.float32)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        self.lr0 = lr
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
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
        w0 = self.w0
        e = self.encode(X)
        z1 = e @ p["W1"] + p["b1"]
        s1 = np.sin(w0 * z1)
        z2 = s1 @ p["W2"] + p["b2"]
        s2 = np.sin(w0 * z2)
        c = np.concatenate([s2, e], axis=1)          # skip connection
        z3 = c @ p["W3"] + p["b3"]
        s3 = np.sin(w0 * z3)
        out = s3 @ p["W4"] + p["b4"]
        sigma = softplus(out[:, 0])
        rgb = sigmoid(out[:, 1:4])
        return sigma, rgb, (e, z1, s1, z2, s2, c, z3, s3, out)

    def forward(self, X):
        sigma, rgb, _ = self._forward(X)
        return sigma, rgb

    def _loss(self, sigma, rgb, y):
        mask = y[:, 4]
        colour = np.mean((rgb - y[:, :3]) ** 2)
        density = np.sum(mask * (sigma - y[:, 3]) ** 2) / np.sum(mask)
        return colour + self.density_weight * density

    def loss(self, X, y):
        sigma, rgb, _ = self._forward(X)
        return self._loss(sigma, rgb, y)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        w0 = self.w0
        sigma, rgb, (e, z1, s1, z2, s2, c, z3, s3, out) = self._forward(X)
        loss = self._loss(sigma, rgb, y)
        mask = y[:, 4]

        dout = np.empty_like(out)
        drgb = 2.0 * (rgb - y[:, :3]) / rgb.size
        dout[:, 1:4] = drgb * rgb * (1.0 - rgb)                       # sigmoid'
        dsigma = self.density_weight * 2.0 * mask * (sigma - y[:, 3]) / np.sum(mask)
        dout[:, 0] = dsigma * sigmoid(out[:, 0])                      # softplus' = sigmoid

        self.grads["W4"] = s3.T @ dout
        self.grads["b4"] = dout.sum(axis=0)
        ds3 = dout @ p["W4"].T
        dz3 = ds3 * w0 * np.cos(w0 * z3)
        self.grads["W3"] = c.T @ dz3
        self.grads["b3"] = dz3.sum(axis=0)
        dc = dz3 @ p["W3"].T
        ds2 = dc[:, :self.hidden]                    # the encoding part needs no gradient
        dz2 = ds2 * np.cos(w0 * z2)  # fix: dz2 = ds2 * w0 * np.cos(w0 * z2)
        self.grads["W2"] = s1.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        ds1 = dz2 @ p["W2"].T
        dz1 = ds1 * w0 * np.cos(w0 * z1)
        self.grads["W1"] = e.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def learning_rate(self, step):
        return self.lr0 * self.decay_rate ** (step / self.decay_steps)

    def update(self):
        lr = self.learning_rate(self.t)
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
