"""The noisy-gradient binary classifier of noisy_numpy.py written another way: every parameter is a
view into one flat vector theta (W1, b1, W2, b2 reshaped slices), the gradient is assembled into
one flat vector whose views are the per-parameter gradients, and the optimizer works on the flat
vectors: the noise is concatenated in the same order, weight decay, the dampened momentum buffer
(a `started` flag in place of a step test) and the step each one vector operation; the weight
clipping writes through a mask of the weight entries, and the moving average is the lerp form
ema += (1 - EMA_DECAY) (theta - ema). The loss is BCE written with np.logaddexp.

    X: float (n, 10), y: float (n, 1) 0/1 labels
"""

import math
from pathlib import Path

import numpy as np

D, H = 10, 12
LR, MU, DAMP, WD = 0.1, 0.9, 0.1, 1e-3
CLIP, EMA_DECAY, SLOPE = 0.5, 0.9, 0.1
NOISE_ETA, NOISE_GAMMA = 0.01, 0.55
NOISE = dict(np.load(Path(__file__).with_name("grad_noise.npz")))
SHAPES = [("W1", (D, H)), ("b1", (H,)), ("W2", (H, 1)), ("b2", (1,))]


def views(flat):
    out, at = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class FlatNoisyNet:
    def __init__(self, seed=120):
        rng = np.random.default_rng(seed)
        init = {"W1": rng.normal(0.0, 0.3, (D, H)), "b1": np.zeros(H), "W2": rng.normal(0.0, 0.3, (H, 1)),
                "b2": np.full(1, np.log(0.3 / 0.7))}
        self.theta = np.concatenate([init[name].ravel() for name, _ in SHAPES])
        self.params = views(self.theta)
        self.is_weight = np.concatenate([np.full(int(np.prod(s)), name.startswith("W")) for name, s in SHAPES])
        self.buf = np.zeros_like(self.theta)
        self.started = False
        self.avg = self.theta.copy()
        self.updates = 0

    def logits(self, X, p):
        z1 = X @ p["W1"] + p["b1"]
        return z1, np.maximum(z1, SLOPE * z1) @ p["W2"] + p["b2"]

    def loss(self, X, y):
        z = self.logits(X, self.params)[1]
        return np.mean(np.logaddexp(0.0, z) - y * z)

    def train_step(self, X, y):
        p = self.params
        z1, z = self.logits(X, p)
        loss = np.mean(np.logaddexp(0.0, z) - y * z)
        a1 = np.maximum(z1, SLOPE * z1)

        grad = np.zeros_like(self.theta)
        g = views(grad)
        dz = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / X.shape[0]
        g["W2"][...] = a1.T @ dz
        g["b2"][...] = dz.sum(axis=0)
        da1 = dz @ p["W2"].T
        dz1 = da1 * np.where(z1 > 0, 1.0, SLOPE).astype(da1.dtype)
        g["W1"][...] = X.T @ dz1
        g["b1"][...] = dz1.sum(axis=0)

        self.updates += 1
        sigma = math.sqrt(NOISE_ETA * (1 + self.updates) ** -NOISE_GAMMA)
        noise = np.concatenate([NOISE[name][(self.updates - 1) % len(NOISE[name])].ravel() for name, _ in SHAPES])
        grad += sigma * noise.astype(grad.dtype)
        self.grads = g

        d = grad + WD * self.theta
        if self.started:
            self.buf *= MU
            self.buf += (1.0 - DAMP) * d
        else:
            self.buf[...] = d
            self.started = True
        self.theta -= LR * self.buf
        self.theta[self.is_weight] = np.clip(self.theta[self.is_weight], -CLIP, CLIP)

        self.avg += (1.0 - EMA_DECAY) * (self.theta - self.avg)
        self.ema_prob = 0.5 * (1.0 + np.tanh(0.5 * self.logits(X, views(self.avg))[1]))
        return float(loss)
