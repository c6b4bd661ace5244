"""Double DQN on a fixed batch of transitions in NumPy, written differently from dqn_numpy.py
but computing the same thing.

Weights kept in torch's layout (out, in) as attributes-in-a-dict (self.p); the taken Q values
picked with np.take_along_axis; the Huber derivative as np.clip(delta, -1, 1); the target
network as a list of (W, b) pairs; Adam written with the step size folded in,
lr_t = lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps (torch.optim.Adam's
own arrangement).

    X (N, 10) = [s (4), r, done, s' (4)], y (N,) the actions taken.
Parameters (self.p): W1 (8, 4), b1 (8,), W2 (3, 8), b2 (3,).
"""

import math

import numpy as np


class DoubleDQNAlt:
    def __init__(self, lr=0.01, gamma=0.9, target_every=5, seed=0):
        rng = np.random.default_rng(seed)
        W1 = rng.standard_normal((4, 8)) * np.sqrt(2.0 / 4)
        b1 = 0.1 * rng.standard_normal(8)
        W2 = rng.standard_normal((8, 3)) / np.sqrt(8)
        b2 = 0.1 * rng.standard_normal(3)
        self.p = {"W1": W1.T.copy(), "b1": b1, "W2": W2.T.copy(), "b2": b2}
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.lr, self.gamma, self.target_every = lr, gamma, target_every
        self.step_count = 0
        self.frozen = None

    @staticmethod
    def _q(S, layers):
        (W1, b1), (W2, b2) = layers
        pre = S @ W1.T + b1
        act = np.where(pre > 0, pre, 0.0 * pre)
        return act @ W2.T + b2, pre, act

    def _online(self):
        return [(self.p["W1"], self.p["b1"]), (self.p["W2"], self.p["b2"])]

    def train_step(self, X, y):
        S, r, done, S2 = X[:, 0:4], X[:, 4], X[:, 5], X[:, 6:10]
        a = np.asarray(y, dtype=np.int64)[:, None]
        N = len(X)
        if self.step_count % self.target_every == 0:
            self.frozen = [(W.copy(), b.copy()) for W, b in self._online()]

        q_next_online = self._q(S2, self._online())[0]
        best_idx = q_next_online.argmax(axis=1)[:, None]
        q_eval = np.take_along_axis(self._q(S2, self.frozen)[0], best_idx, axis=1)[:, 0]
        not_done = 1.0 - done
        y_td = r + self.gamma * not_done * q_eval

        q, pre, act = self._q(S, self._online())
        delta = np.take_along_axis(q, a, axis=1)[:, 0] - y_td
        absd = np.abs(delta)
        loss = np.where(absd <= 1.0, 0.5 * delta * delta, absd - 0.5).mean()

        dq = np.zeros_like(q)
        np.put_along_axis(dq, a, (np.clip(delta, -1.0, 1.0) / N)[:, None], axis=1)
        g = {}
        g["W2"] = dq.T @ act
        g["b2"] = dq.sum(0)
        dpre = (dq @ self.p["W2"]) * (pre > 0)
        g["W1"] = dpre.T @ S
        g["b1"] = dpre.sum(0)
        self.grads = g

        self.step_count += 1
        t = self.step_count
        bc1 = 1 - 0.9 ** t
        bc2 = 1 - 0.999 ** t
        for k in self.p:
            self.m[k] *= 0.9
            self.m[k] += 0.1 * g[k]
            self.v[k] *= 0.999
            self.v[k] += 0.001 * g[k] ** 2
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + 1e-8
            self.p[k] -= (self.lr / bc1) * self.m[k] / denom
        return float(loss)
