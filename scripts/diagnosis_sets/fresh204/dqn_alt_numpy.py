"""DQN on logged transitions in NumPy, written another way (same computation as dqn_numpy.py).

Weights kept (out, in) as nn.Linear keeps them, in self.weights = {'fc1.w', 'fc1.b', ...};
forward with einsum; the Huber gradient as where(|d| <= 1, d, sign(d)); RMSprop updated in
place; the target network refreshed right after every 5th update (and built in __init__), which
is the same schedule as refreshing it before updates 0, 5, 10, ...
"""

import numpy as np


class DQNAlt:
    LAYERS = ("fc1", "fc2", "head")

    def __init__(self, sizes=(8, 32, 32, 4), lr=1e-3, gamma=0.99, alpha=0.95, eps=1e-6,
                 sync_every=5, seed=0):
        rng = np.random.default_rng(seed)
        self.weights = {}
        for name, fan_in, fan_out in zip(self.LAYERS, sizes[:-1], sizes[1:]):
            bound = 1.0 / np.sqrt(fan_in)
            self.weights[name + ".w"] = rng.uniform(-bound, bound, (fan_out, fan_in))
            self.weights[name + ".b"] = rng.uniform(-bound, bound, fan_out)
        self.frozen = {k: v.copy() for k, v in self.weights.items()}
        self.square_avg = {k: np.zeros_like(v) for k, v in self.weights.items()}
        self.grads = {}
        self.lr, self.gamma, self.alpha, self.eps = lr, gamma, alpha, eps
        self.sync_every = sync_every
        self.until_sync = sync_every

    def _forward(self, w, s):
        acts = [s]
        x = s
        for i, name in enumerate(self.LAYERS):
            x = np.einsum("ni,oi->no", x, w[name + ".w"]) + w[name + ".b"]
            if i < len(self.LAYERS) - 1:
                x = np.where(x > 0, x, 0.0)
                acts.append(x)
        return x, acts

    def _target(self, y, s_next):
        q_next, _ = self._forward(self.frozen, s_next)
        not_done = 1.0 - y[:, 2]
        return np.minimum(np.maximum(y[:, 1], -1.0), 1.0) + self.gamma * not_done * q_next.max(-1)

    @staticmethod
    def _huber(d):
        ad = np.abs(d)
        quad = np.minimum(ad, 1.0)
        return (0.5 * quad ** 2 + (ad - quad)).mean()

    def loss(self, X, y):
        q, _ = self._forward(self.weights, X[:, 0])
        onehot = np.eye(q.shape[1], dtype=q.dtype)[y[:, 0].astype(int)]
        return self._huber((q * onehot).sum(1) - self._target(y, X[:, 1]))

    def train_step(self, X, y):
        s = X[:, 0]
        onehot = np.eye(4, dtype=X.dtype)[y[:, 0].astype(int)]
        target = self._target(y, X[:, 1])
        q, acts = self._forward(self.weights, s)
        d = (q * onehot).sum(1) - target
        loss = self._huber(d)

        delta = onehot * (np.where(np.abs(d) <= 1.0, d, np.sign(d)) / len(d))[:, None]
        for i in reversed(range(len(self.LAYERS))):
            name = self.LAYERS[i]
            self.grads[name + ".w"] = np.einsum("no,ni->oi", delta, acts[i])
            self.grads[name + ".b"] = delta.sum(0)
            if i > 0:
                delta = np.einsum("no,oi->ni", delta, self.weights[name + ".w"]) * (acts[i] > 0)

        for k, w in self.weights.items():
            g = self.grads[k]
            v = self.square_avg[k]
            v *= self.alpha
            v += (1 - self.alpha) * g * g
            w -= self.lr * g / (np.sqrt(v) + self.eps)

        self.until_sync -= 1
        if self.until_sync == 0:
            self.frozen = {k: v.copy() for k, v in self.weights.items()}
            self.until_sync = self.sync_every
        return loss
