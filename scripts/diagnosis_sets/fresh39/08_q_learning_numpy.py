"""One-step Q-learning in NumPy on logged transitions (fitted Q iteration, no target network):
Q(s, .) from 4 -> 16 ReLU -> 3, the target r + GAMMA * (1 - done) * max_a' Q(s', a') held
constant, the Huber loss (delta = 1) on the taken action's value, plain SGD.

    X: (n, 2, 4) [state, next state]; y: (n, 3) [action, reward, done]
"""

import numpy as np

GAMMA = 0.9
LR = 0.1


class QLearner:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_state), (n_state, hidden))
        self.b1 = np.full(hidden, 0.01)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_actions))
        self.b2 = np.zeros(n_actions)

    def q_values(self, s):
        z1 = s @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        return z1, h, h @ self.W2 + self.b2

    def train_step(self, X, y):
        s, s_next = X[:, 0], X[:, 1]
        a, r, done = y[:, 0].astype(int), y[:, 1], y[:, 2]
        n = len(s)
        target = r + GAMMA * (1.0 - done) * self.q_values(s_next)[2].max(axis=1)
        z1, h, q = self.q_values(s)
        err = q[np.arange(n), a] - target
        loss = np.mean(np.where(np.abs(err) < 1.0, 0.5 * err ** 2, np.abs(err) - 0.5))

        d_q = np.zeros_like(q)
        d_q[np.arange(n), a] = np.clip(err, -1.0, 1.0) / n
        d_h = (d_q @ self.W2.T) * (z1 > 0)
        self.grads = {"W1": s.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_q, "b2": d_q.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
