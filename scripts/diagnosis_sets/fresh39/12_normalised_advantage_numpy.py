"""REINFORCE with standardised returns in NumPy (the "normalise the advantages" trick of most
policy-gradient code) on a batch of logged episodes: a softmax policy 4 -> 16 tanh -> 3, the
returns-to-go of every step standardised to zero mean and unit variance over the whole batch,
heavy-ball momentum.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.99
LR, MU = 0.05, 0.9


class NormalisedReinforce:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-0.5, 0.5, (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-0.3, 0.3, (hidden, n_actions))
        self.b2 = np.zeros(n_actions)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        E, T, _ = X.shape
        rewards = y[:, :, 1]
        G = np.zeros_like(rewards)
        acc = np.zeros_like(rewards[:, 0])
        for t in reversed(range(T)):
            acc = rewards[:, t] + GAMMA * acc
            G[:, t] = acc
        adv = (G - G.mean(axis=0)) / (G.std(axis=0) + 1e-8)  # fix: adv = (G - G.mean()) / (G.std() + 1e-8)
        adv = adv.reshape(-1)
        a = y[:, :, 0].astype(int).reshape(-1)
        S = X.reshape(E * T, -1)
        n = E * T

        h = np.tanh(S @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        loss = -np.mean(adv * log_p[np.arange(n), a])

        d_z = np.exp(log_p)
        d_z[np.arange(n), a] -= 1.0
        d_z = d_z * adv[:, None] / n
        d_h = d_z @ self.W2.T * (1.0 - h ** 2)
        self.grads = {"W1": S.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for k, g in self.grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
