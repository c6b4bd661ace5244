"""Advantage actor-critic on logged episodes in NumPy: a shared tanh trunk 4 -> 16 with a policy
head (3 logits) and a value head (1), Monte Carlo returns-to-go as the critic's targets, the
advantage G_t - V(s_t) with the value treated as a constant in the policy term, the total loss
policy + VF_COEF * 0.5 * mean((V - G)^2), Adam.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.95
VF_COEF = 0.5
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


class ActorCritic:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=5):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_state), (n_state, hidden))
        self.b = np.zeros(hidden)
        self.Wp = rng.normal(0.0, 0.1, (hidden, n_actions))
        self.bp = np.zeros(n_actions)
        self.Wv = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.bv = np.zeros(1)
        self.names = ("W", "b", "Wp", "bp", "Wv", "bv")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def train_step(self, X, y):
        E, T, _ = X.shape
        rewards = y[..., 1]
        returns = np.zeros_like(rewards)
        G = np.zeros_like(rewards[:, 0])
        for t in range(T - 1, -1, -1):
            G = rewards[:, t] + GAMMA * G
            returns[:, t] = G
        G = returns.ravel()
        actions = y[..., 0].astype(int).ravel()
        S = X.reshape(E * T, -1)
        n = len(S)

        h = np.tanh(S @ self.W + self.b)
        z = h @ self.Wp + self.bp
        value = (h @ self.Wv + self.bv)[:, 0]
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        adv = G - value
        policy_loss = -np.mean(adv * np.log(probs[np.arange(n), actions]))
        value_loss = 0.5 * np.mean((value - G) ** 2)
        loss = policy_loss + VF_COEF * value_loss

        d_z = probs.copy()
        d_z[np.arange(n), actions] -= 1.0
        d_z *= adv[:, None] / n
        d_v = (VF_COEF * (value - G) / n)[:, None]
        d_h = (d_z @ self.Wp.T + d_v @ self.Wv.T) * (1.0 - h * h)
        self.grads = {"W": S.T @ d_h, "b": d_h.sum(0), "Wp": h.T @ d_z, "bp": d_z.sum(0),
                      "Wv": h.T @ d_v, "bv": d_v.sum(0)}

        self.t += 1
        for k in self.names:
            g = self.grads[k]
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g * g
            m_hat = self.m[k] / (1 - BETA1 ** self.t)
            v_hat = self.v[k] / (1 - BETA2 ** self.t)
            setattr(self, k, getattr(self, k) - LR * m_hat / (np.sqrt(v_hat) + EPS))
        return float(loss)
