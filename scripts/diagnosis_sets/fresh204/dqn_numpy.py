"""DQN on logged transitions, from scratch in NumPy (Atari-style recipe).

Q-network: s (8) -> Linear 32 -> ReLU -> Linear 32 -> ReLU -> Linear 4 (one Q per action).
A target network (a copy of the online weights) gives the TD target; it is refreshed from the
online weights at the start of every SYNC_EVERY-th update (updates 0, 5, 10, ...).

    r_c    = clip(r, -1, 1)
    target = r_c + gamma * (1 - done) * max_a' Q_target(s', a')
    loss   = mean over the batch of huber(Q(s, a) - target), delta 1   (taken actions only)

RMSprop as torch.optim.RMSprop(alpha=0.95, eps=1e-6): v = a v + (1 - a) g^2,
p -= lr g / (sqrt(v) + eps).

    X (N, 2, 8): X[:, 0] = s, X[:, 1] = s';  y (N, 3): action, reward, done.
"""

import numpy as np

SYNC_EVERY = 5


class DQNAgent:
    def __init__(self, obs_dim=8, hidden=32, n_actions=4, lr=1e-3, gamma=0.99, alpha=0.95,
                 eps=1e-6, seed=0):
        rng = np.random.default_rng(seed)
        sizes = [obs_dim, hidden, hidden, n_actions]
        self.params = {}
        for i in range(3):
            fan_in = sizes[i]
            bound = 1.0 / np.sqrt(fan_in)
            self.params[f"W{i + 1}"] = rng.uniform(-bound, bound, (sizes[i], sizes[i + 1]))
            self.params[f"b{i + 1}"] = rng.uniform(-bound, bound, sizes[i + 1])
        self.target = {k: v.copy() for k, v in self.params.items()}
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.gamma, self.alpha, self.eps = lr, gamma, alpha, eps
        self.n_updates = 0

    # ------------------------------------------------------------------ networks
    @staticmethod
    def q_values(p, s):
        h1 = np.maximum(0, s @ p["W1"] + p["b1"])
        h2 = np.maximum(0, h1 @ p["W2"] + p["b2"])
        return h2 @ p["W3"] + p["b3"]

    def _td_target(self, y, s_next):
        r = np.clip(y[:, 1], -1.0, 1.0)
        done = y[:, 2]
        q_next = self.q_values(self.target, s_next).max(axis=1)
        return r + self.gamma * (1.0 - done) * q_next

    def loss(self, X, y):
        s, s_next = X[:, 0], X[:, 1]
        a = y[:, 0].astype(np.int64)
        target = self._td_target(y, s_next)
        q_sa = self.q_values(self.params, s)[np.arange(len(a)), a]
        d = q_sa - target
        return np.mean(np.where(np.abs(d) <= 1.0, 0.5 * d * d, np.abs(d) - 0.5))

    # ------------------------------------------------------------------ training
    def train_step(self, X, y):
        if self.n_updates % SYNC_EVERY == 0:
            self.target = {k: v.copy() for k, v in self.params.items()}
        p = self.params
        s, s_next = X[:, 0], X[:, 1]
        a = y[:, 0].astype(np.int64)
        N = len(a)
        target = self._td_target(y, s_next)

        z1 = s @ p["W1"] + p["b1"]
        h1 = np.maximum(0, z1)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(0, z2)
        q = h2 @ p["W3"] + p["b3"]
        rows = np.arange(N)
        d = q[rows, a] - target
        loss = np.mean(np.where(np.abs(d) <= 1.0, 0.5 * d * d, np.abs(d) - 0.5))

        dq = np.zeros_like(q)
        dq[rows, a] = np.clip(d, -1.0, 1.0) / N
        g = self.grads
        g["W3"] = h2.T @ dq
        g["b3"] = dq.sum(axis=0)
        dz2 = (dq @ p["W3"].T) * (z2 > 0)
        g["W2"] = h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (z1 > 0)
        g["W1"] = s.T @ dz1
        g["b1"] = dz1.sum(axis=0)

        for k in p:
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g[k] ** 2
            p[k] -= self.lr * g[k] / (np.sqrt(self.sq[k]) + self.eps)
        self.n_updates += 1
        return float(loss)
