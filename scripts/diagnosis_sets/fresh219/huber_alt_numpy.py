"""Huber regression, a second NumPy program: the Huber gradient written as r * min(1, delta / |r|),
the loss as delta^2 (sqrt-free) pieces through a clipped residual, and AdamW in torch's own form
(step size lr / bias_correction1, denominator sqrt(v) / sqrt(bias_correction2) + eps, the
decoupled decay folded into the same assignment).

    L = mean(0.5 * rc^2 + delta * (|r| - |rc|)),  rc = clip(r, -delta, delta)   (= Huber, delta 0.5)
"""

import math

import numpy as np


class HuberAlt:
    def __init__(self, seed=6):
        rng = np.random.default_rng(seed)
        self.layers = {
            "W_h": rng.standard_normal((4, 16)) * 0.5,
            "b_h": rng.standard_normal(16) * 0.1,
            "W_o": rng.standard_normal((16, 1)) * 0.25,
            "b_o": rng.standard_normal(1) * 0.1,
        }
        self.delta = 0.5
        self.lr, self.wd, self.b1, self.b2, self.eps = 0.01, 0.01, 0.9, 0.999, 1e-8
        self.exp_avg = {k: np.zeros_like(a) for k, a in self.layers.items()}
        self.exp_avg_sq = {k: np.zeros_like(a) for k, a in self.layers.items()}
        self.k = 0
        self.grads = {}

    def loss(self, X, y):
        L = self.layers
        r = np.tanh(X @ L["W_h"] + L["b_h"]) @ L["W_o"] + L["b_o"] - y
        rc = np.clip(r, -self.delta, self.delta)
        return np.mean(0.5 * rc * rc + self.delta * (np.abs(r) - np.abs(rc)))

    def train_step(self, X, y):
        L = self.layers
        h = np.tanh(X @ L["W_h"] + L["b_h"])
        r = h @ L["W_o"] + L["b_o"] - y
        rc = np.clip(r, -self.delta, self.delta)
        loss = np.mean(0.5 * rc * rc + self.delta * (np.abs(r) - np.abs(rc)))

        a = np.abs(r)
        scale = np.where(a > self.delta, self.delta / np.where(a > 0, a, 1), 1)
        dout = r * scale / len(y)
        g = self.grads
        g["W_o"] = h.T @ dout
        g["b_o"] = dout.sum(0)
        dh = (dout @ L["W_o"].T) * (1 - h * h)
        g["W_h"] = X.T @ dh
        g["b_h"] = dh.sum(0)

        self.k += 1
        step_size = self.lr / (1 - self.b1 ** self.k)
        bc2_sqrt = math.sqrt(1 - self.b2 ** self.k)
        for name in L:
            self.exp_avg[name] = self.b1 * self.exp_avg[name] + (1 - self.b1) * g[name]
            self.exp_avg_sq[name] = self.b2 * self.exp_avg_sq[name] + (1 - self.b2) * g[name] ** 2
            denom = np.sqrt(self.exp_avg_sq[name]) / bc2_sqrt + self.eps
            L[name] = L[name] * (1 - self.lr * self.wd) - step_size * self.exp_avg[name] / denom
        return loss
