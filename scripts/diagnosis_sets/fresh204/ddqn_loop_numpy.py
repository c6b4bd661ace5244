"""Double DQN in NumPy, written another way (same computation as ddqn_numpy.py).

A pure forward returning its cache, the gradient of the loss made through a one-hot mask of
the taken actions, the momentum buffers and weights updated in place, and the target network
copied after every 4th update (it starts as a copy of the initial weights).
Weights kept (out, in) in self.p as in ddqn_numpy.py.
"""

import numpy as np


def q_forward(p, x):
    h = np.tanh(x @ p["W_h"].T + p["b_h"])
    return h @ p["W_q"].T + p["b_q"], h


class DoubleDQNLoop:
    def __init__(self, obs_dim=6, hidden=24, n_actions=3, seed=1):
        rng = np.random.default_rng(seed)
        self.p = {
            "W_h": rng.standard_normal((hidden, obs_dim)) / np.sqrt(obs_dim),
            "b_h": np.zeros(hidden),
            "W_q": rng.standard_normal((n_actions, hidden)) * 0.5 / np.sqrt(hidden),
            "b_q": np.zeros(n_actions),
        }
        self.n_actions = n_actions
        self.tgt = {k: v.copy() for k, v in self.p.items()}
        self.vel = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.grads = {}
        self.lr, self.mu, self.gamma, self.sync_every = 0.05, 0.9, 0.95, 4
        self.done_updates = 0

    def _targets(self, y, s_next):
        q_online, _ = q_forward(self.p, s_next)
        q_target, _ = q_forward(self.tgt, s_next)
        pick = np.take_along_axis(q_target, q_online.argmax(1)[:, None], axis=1)[:, 0]
        return y[:, 1] + self.gamma * pick * (1.0 - y[:, 2])

    def loss(self, X, y):
        q, _ = q_forward(self.p, X[:, 0])
        mask = np.eye(self.n_actions, dtype=X.dtype)[y[:, 0].astype(np.int64)]
        td = (q * mask).sum(1) - self._targets(y, X[:, 1])
        return 0.5 * np.mean(td ** 2)

    def train_step(self, X, y):
        s = X[:, 0]
        mask = np.eye(self.n_actions, dtype=X.dtype)[y[:, 0].astype(np.int64)]
        target = self._targets(y, X[:, 1])
        q, h = q_forward(self.p, s)
        td = (q * mask).sum(1) - target
        loss = 0.5 * np.mean(td ** 2)

        dq = mask * td[:, None] / len(td)
        dpre = (dq @ self.p["W_q"]) * (1.0 - h * h)
        self.grads = {"W_q": dq.T @ h, "b_q": dq.sum(0), "W_h": dpre.T @ s, "b_h": dpre.sum(0)}
        for k, w in self.p.items():
            self.vel[k] *= self.mu
            self.vel[k] += self.grads[k]
            w -= self.lr * self.vel[k]

        self.done_updates += 1
        if self.done_updates % self.sync_every == 0:
            self.tgt = {k: v.copy() for k, v in self.p.items()}
        return float(loss)
