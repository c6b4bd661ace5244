"""Double DQN on logged transitions, from scratch in NumPy.

Q-network: s (6) -> Linear 24 -> tanh -> Linear 3. Weights kept as torch keeps them,
(out, in), in the dict self.p: W_h (24, 6), b_h, W_q (3, 24), b_q.
Target network: self.tgt, a copy of self.p refreshed at the start of every 4th update.

    a*     = argmax_a' Q_online(s', a')                 (selection by the online net)
    target = r + gamma * (1 - done) * Q_target(s', a*)  (evaluation by the target net)
    loss   = 0.5 * mean over the batch of (Q(s, a) - target)^2

SGD with momentum as torch.optim.SGD(lr=0.05, momentum=0.9): v = mu v + g; p -= lr v.

    X (N, 2, 6): X[:, 0] = s, X[:, 1] = s';  y (N, 3): action, reward, done.
"""

import numpy as np


class DoubleDQN:
    def __init__(self, obs_dim=6, hidden=24, n_actions=3, lr=0.05, momentum=0.9, gamma=0.95,
                 sync_every=4, seed=1):
        rng = np.random.default_rng(seed)
        self.p = {
            "W_h": rng.standard_normal((hidden, obs_dim)) / np.sqrt(obs_dim),
            "b_h": np.zeros(hidden),
            "W_q": rng.standard_normal((n_actions, hidden)) * 0.5 / np.sqrt(hidden),
            "b_q": np.zeros(n_actions),
        }
        self.tgt = {k: v.copy() for k, v in self.p.items()}
        self.vel = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.grads = {}
        self.lr, self.mu, self.gamma, self.sync_every = lr, momentum, gamma, sync_every
        self.step_count = 0

    def forward(self, x, p=None):
        """Q-values (N, n_actions); keeps the input and hidden activations for backward."""
        p = self.p if p is None else p
        h = np.tanh(x @ p["W_h"].T + p["b_h"])
        self._x, self._h = x, h
        return h @ p["W_q"].T + p["b_q"]

    def targets(self, y, s_next):
        r, done = y[:, 1], y[:, 2]
        best = self.forward(s_next).argmax(axis=1)
        q_eval = self.forward(s_next, self.tgt)[np.arange(len(best)), best]
        return r + self.gamma * (1.0 - done) * q_eval

    def loss(self, X, y):
        a = y[:, 0].astype(np.int64)
        target = self.targets(y, X[:, 1])
        td = self.forward(X[:, 0])[np.arange(len(a)), a] - target
        return 0.5 * np.mean(td ** 2)

    def backward(self, dq):
        p, x, h = self.p, self._x, self._h
        self.grads["W_q"] = dq.T @ h
        self.grads["b_q"] = dq.sum(axis=0)
        dpre = (dq @ p["W_q"]) * (1.0 - h ** 2)
        self.grads["W_h"] = dpre.T @ x
        self.grads["b_h"] = dpre.sum(axis=0)

    def train_step(self, X, y):
        if self.step_count % self.sync_every == 0:
            self.tgt = {k: v.copy() for k, v in self.p.items()}
        s, s_next = X[:, 0], X[:, 1]
        a = y[:, 0].astype(np.int64)
        n = len(a)
        target = self.targets(y, s_next)
        q = self.forward(s)
        td = q[np.arange(n), a] - target
        loss = 0.5 * np.mean(td ** 2)

        dq = np.zeros_like(q)
        dq[np.arange(n), a] = td / n
        self.backward(dq)
        for k in self.p:
            self.vel[k] = self.mu * self.vel[k] + (1 - self.mu) * self.grads[k]
            self.p[k] -= self.lr * self.vel[k]
        self.step_count += 1
        return loss
