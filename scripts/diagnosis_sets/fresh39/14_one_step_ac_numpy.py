"""One-step actor-critic in NumPy (Sutton & Barto 13.5, batched over logged transitions): a shared
tanh trunk 4 -> 12 with a policy head (3 logits) and a value head, the TD error
delta = r + GAMMA * (1 - done) * V(s') - V(s) with V(s') a constant (semi-gradient), the actor's
loss -mean(delta log pi(a | s)) with delta held constant and the critic's 0.5 * mean(delta^2)
weighted by VF_COEF, plain gradient descent.

    X: (n, 2, 4) [state, next state]; y: (n, 3) [action, reward, done]
"""

import numpy as np

GAMMA = 0.95
VF_COEF = 0.5
LR = 0.2


class OneStepActorCritic:
    def __init__(self, n_state=4, hidden=12, n_actions=3, seed=14):
        rng = np.random.default_rng(seed)
        self.W_trunk = rng.normal(0.0, 0.5, (n_state, hidden))
        self.b_trunk = np.zeros(hidden)
        self.W_pi = rng.normal(0.0, 0.2, (hidden, n_actions))
        self.b_pi = np.zeros(n_actions)
        self.w_v = rng.normal(0.0, 0.3, (hidden, 1))
        self.b_v = np.zeros(1)

    def heads(self, s):
        h = np.tanh(s @ self.W_trunk + self.b_trunk)
        return h, h @ self.W_pi + self.b_pi, (h @ self.w_v + self.b_v)[:, 0]

    def train_step(self, X, y):
        s, s_next = X[:, 0], X[:, 1]
        a, r, done = y[:, 0].astype(int), y[:, 1], y[:, 2]
        n = len(s)
        _, _, v_next = self.heads(s_next)
        target = r + GAMMA * v_next  # fix: target = r + GAMMA * (1.0 - done) * v_next
        h, z, v = self.heads(s)
        delta = target - v
        z = z - z.max(axis=1, keepdims=True)
        log_pi = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.mean(delta * log_pi[np.arange(n), a]) + VF_COEF * 0.5 * np.mean(delta ** 2)

        d_z = np.exp(log_pi)
        d_z[np.arange(n), a] -= 1.0
        d_z *= delta[:, None] / n
        d_v = (-VF_COEF * delta / n)[:, None]
        d_h = (d_z @ self.W_pi.T + d_v @ self.w_v.T) * (1.0 - h ** 2)
        self.grads = {"W_trunk": s.T @ d_h, "b_trunk": d_h.sum(0), "W_pi": h.T @ d_z, "b_pi": d_z.sum(0),
                      "w_v": h.T @ d_v, "b_v": d_v.sum(0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * g)
        return float(loss)
