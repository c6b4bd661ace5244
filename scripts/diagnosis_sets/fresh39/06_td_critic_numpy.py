"""TD(0) policy evaluation in NumPy on logged one-step transitions: a state-value network
4 -> 16 tanh -> 1 regressed onto the bootstrapped target r + GAMMA * (1 - done) * V(s'), the
semi-gradient form (the target is a constant: no gradient through V(s')), mean squared TD error,
heavy-ball momentum.

    X: (n, 2, 4) [state, next state]; y: (n, 3) [action, reward, done]
"""

import numpy as np

GAMMA = 0.9
LR, MU = 0.05, 0.9


class TDCritic:
    def __init__(self, n_state=4, hidden=16, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_state), (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def value(self, s):
        h = np.tanh(s @ self.W1 + self.b1)
        return h, (h @ self.W2 + self.b2)[:, 0]

    def train_step(self, X, y):
        s, s_next = X[:, 0], X[:, 1]
        r, done = y[:, 1], y[:, 2]
        n = len(s)
        _, v_next = self.value(s_next)
        target = r + GAMMA * (1.0 - done) * v_next
        h, v = self.value(s)
        td_error = v - target
        loss = np.mean(td_error ** 2)

        d_v = (2.0 * td_error / n)[:, None]
        d_h = (d_v @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": s.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_v, "b2": d_v.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
