"""The ReLU regressor of adamw_numpy.py written another way: weights kept (out, in) as torch
stores them, in lists; einsum for the products; AdamW moments updated in place; the schedule
as a factor on the base learning rate (the same warmup then cosine to 0.1 of it)."""

import math

import numpy as np


class WarmupCosineMLPT:
    def __init__(self, sizes=(4, 24, 24, 2), lr=0.01, warmup=4, total_steps=20, betas=(0.9, 0.999),
                 eps=1e-8, weight_decay=0.05, seed=3):
        rng = np.random.default_rng(seed)
        self.weights = [rng.standard_normal((o, i)) * np.sqrt(2.0 / i)
                        for i, o in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.full(o, 0.01) for o in sizes[1:]]
        self.base_lr, self.warmup, self.total_steps = lr, warmup, total_steps
        self.b1, self.b2 = betas
        self.eps, self.wd = eps, weight_decay
        self.exp_avg = [np.zeros_like(p) for p in self.weights + self.biases]
        self.exp_avg_sq = [np.zeros_like(p) for p in self.weights + self.biases]
        self.steps_done = 0

    def factor(self, steps_done):
        if steps_done < self.warmup:
            return (steps_done + 1) / self.warmup
        frac = (steps_done + 1 - self.warmup) / (self.total_steps - self.warmup)
        return 0.1 + 0.45 * (1.0 + math.cos(math.pi * frac))

    def forward(self, X):
        self.inputs, self.masks = [], []
        a = X
        last = len(self.weights) - 1
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            self.inputs.append(a)
            z = np.einsum("ni,oi->no", a, W) + b
            if i < last:
                mask = z > 0
                self.masks.append(mask)
                a = z * mask
            else:
                a = z
        return a

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def train_step(self, X, y):
        out = self.forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        delta = diff * (2.0 / diff.size)
        gW, gb = [None] * len(self.weights), [None] * len(self.weights)
        for i in reversed(range(len(self.weights))):
            gW[i] = np.einsum("no,ni->oi", delta, self.inputs[i])
            gb[i] = delta.sum(axis=0)
            if i > 0:
                delta = np.einsum("no,oi->ni", delta, self.weights[i]) * self.masks[i - 1]

        lr = self.base_lr * self.factor(self.steps_done)
        self.steps_done += 1
        step_size = lr / (1.0 - self.b1 ** self.steps_done)
        root_bc2 = math.sqrt(1.0 - self.b2 ** self.steps_done)
        for p, g, m, v in zip(self.weights + self.biases, gW + gb, self.exp_avg, self.exp_avg_sq):
            p *= 1.0 - lr * self.wd
            m *= self.b1
            m += (1.0 - self.b1) * g
            v *= self.b2
            v += (1.0 - self.b2) * g * g
            p -= step_size * m / (np.sqrt(v) / root_bc2 + self.eps)
        return float(loss)
