"""The LARS classifier of lars_numpy.py written in another style: the weights kept in torch's
(out, in) layout under other names, the products written with np.einsum, the cross entropy taken
through a log-sum-exp log-softmax, the learning-rate schedule precomputed into a list of floats
when the network is built, and LARS written as a method that returns each parameter's step
direction, the trust ratio from np.sqrt(np.sum(w * w)). Same math: ReLU hidden layer of 16, mean
cross entropy, LARS (ETA, WD on the weights only, the biases without trust ratio), momentum
velocity = MOMENTUM * velocity + d, linear warmup then half cosine.

    X: float (n, 6), y: int (n,) class labels 0..2
"""

import math

import numpy as np

N_IN, N_HID, N_CLS = 6, 16, 3
BASE_LR, MU, DECAY, TRUST_COEF = 0.2, 0.9, 5e-4, 0.05
WARMUP_STEPS, TOTAL_STEPS = 3, 30


class LarsMLPAlt:
    def __init__(self, seed=112):
        rng = np.random.default_rng(seed)
        self.params = {
            "w_hidden": rng.normal(0.0, np.sqrt(2.0 / N_IN), (N_IN, N_HID)).T.copy(),
            "b_hidden": np.zeros(N_HID),
            "w_out": rng.normal(0.0, np.sqrt(1.0 / N_HID), (N_HID, N_CLS)).T.copy(),
            "b_out": np.zeros(N_CLS),
        }
        self.velocity = {name: np.zeros_like(a) for name, a in self.params.items()}
        self.schedule = []
        for t in range(1, TOTAL_STEPS + 1):
            if t <= WARMUP_STEPS:
                self.schedule.append(BASE_LR * t / WARMUP_STEPS)
            else:
                frac = (t - WARMUP_STEPS) / (TOTAL_STEPS - WARMUP_STEPS)
                self.schedule.append(BASE_LR * (0.5 + 0.5 * math.cos(math.pi * frac)))
        self.updates = 0

    def _logits(self, X):
        p = self.params
        hidden = np.einsum("ni,hi->nh", X, p["w_hidden"]) + p["b_hidden"]
        hidden = np.where(hidden > 0, hidden, 0.0)
        return hidden, np.einsum("nh,ch->nc", hidden, p["w_out"]) + p["b_out"]

    @staticmethod
    def _log_softmax(logits):
        top = logits.max(axis=1, keepdims=True)
        return logits - top - np.log(np.exp(logits - top).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        logp = self._log_softmax(self._logits(X)[1])
        return float(-logp[np.arange(len(y)), y].mean())

    def _direction(self, name, w, g):
        if not name.startswith("w_"):
            return g
        w_norm = np.sqrt(np.sum(w * w))
        g_norm = np.sqrt(np.sum(g * g))
        local = TRUST_COEF * w_norm / (g_norm + DECAY * w_norm) if (w_norm > 0 and g_norm > 0) else 1.0
        return local * (g + DECAY * w)

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        hidden, logits = self._logits(X)
        logp = self._log_softmax(logits)
        rows = np.arange(n)
        loss = -logp[rows, y].mean()

        delta = np.exp(logp)
        delta[rows, y] -= 1.0
        delta = delta / n
        back = np.einsum("nc,ch->nh", delta, p["w_out"]) * (hidden > 0)
        self.grads = {
            "w_out": np.einsum("nc,nh->ch", delta, hidden),
            "b_out": delta.sum(axis=0),
            "w_hidden": np.einsum("nh,ni->hi", back, X),
            "b_hidden": back.sum(axis=0),
        }

        lr = self.schedule[self.updates]
        self.updates += 1
        for name in p:
            d = self._direction(name, p[name], self.grads[name])
            self.velocity[name] *= MU
            self.velocity[name] += d
            p[name] -= lr * self.velocity[name]
        return float(loss)
