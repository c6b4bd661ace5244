"""Blob classifier in NumPy: 5 -> 10 tanh -> 3 softmax, mean cross-entropy. Gradient
accumulation over CHUNKS unequal micro-batches (np.array_split; each mean gradient weighted by
its share of the batch), global-norm clipping at MAX_NORM, AdamW written by hand with two
parameter groups (weights decayed, biases not) under a linear warm-up then cosine decay,
factor (t + 1) / WARMUP for t < WARMUP, else (1 + cos(pi (t - WARMUP) / (TOTAL - WARMUP))) / 2."""

import math

import numpy as np

LR, WD, B1, B2, EPS = 0.05, 0.05, 0.9, 0.999, 1e-8
CHUNKS, MAX_NORM, WARMUP, TOTAL = 5, 0.5, 4, 20


def factor(t):
    if t < WARMUP:
        return (t + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


class ScheduledClassifier:
    def __init__(self, seed=21):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (5, 10)), "b1": np.zeros(10),
                       "W2": rng.normal(0.0, 0.5, (10, 3)), "b2": np.zeros(3)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.decay = {"W1": WD, "W2": WD, "b1": 0.0, "b2": 0.0}
        self.t = 0

    def micro(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        d = (prob - y) / len(X)
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))
        return loss, {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d, "b2": d.sum(axis=0)}

    def train_step(self, X, y):
        n = len(X)
        total = {k: np.zeros_like(v) for k, v in self.params.items()}
        loss = 0.0
        for xb, yb in zip(np.array_split(X, CHUNKS), np.array_split(y, CHUNKS)):
            l, g = self.micro(xb, yb)
            loss += l * len(xb) / n
            for k in total:
                total[k] += g[k] * (len(xb) / n)
        norm = math.sqrt(sum(float(np.sum(g * g)) for g in total.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        lr = LR * factor(self.t)
        self.t += 1
        for k, w in self.params.items():
            g = total[k] * scale
            total[k] = g
            w *= 1 - lr * self.decay[k]
            self.m[k] += (1 - B1) * (g - self.m[k])
            self.v[k] = B2 * self.v[k] + (1 - B2) * g * g
            m_hat = self.m[k] / (1 - B1 ** self.t)
            v_hat = self.v[k] / (1 - B2 ** self.t)
            w -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        self.grads = total
        return float(loss)
