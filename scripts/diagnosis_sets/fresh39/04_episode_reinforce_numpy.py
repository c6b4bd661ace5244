"""REINFORCE on logged episodes in NumPy (the Sutton & Barto algorithm, batched over episodes):
a softmax policy 4 -> 16 tanh -> 3, the discounted return-to-go G_t of every step computed
backward through its episode, the batch's mean return subtracted as a baseline, plain gradient
descent on -mean(A_t log pi(a_t | s_t)).

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA = 0.9
LR = 0.1


class EpisodeReinforce:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_state), (n_state, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_actions)),
            "b2": np.zeros(n_actions),
        }

    def returns_to_go(self, rewards):
        returns = np.zeros_like(rewards)
        G = np.zeros_like(rewards[:, 0])
        for t in reversed(range(rewards.shape[1])):
            G = rewards[:, t] + GAMMA * G
            returns[:, t] = G
        return returns

    def train_step(self, X, y):
        p = self.params
        actions = y[..., 0].astype(int).ravel()
        returns = self.returns_to_go(y[..., 1])
        adv = (returns - returns.mean()).ravel()
        S = X.reshape(-1, X.shape[-1])
        n = len(S)

        h = np.tanh(S @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        log_pi = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.mean(adv * log_pi[np.arange(n), actions])

        d_z = np.exp(log_pi)
        d_z[np.arange(n), actions] -= 1.0
        d_z *= adv[:, None] / n
        d_h = (d_z @ p["W2"].T) * (1.0 - h ** 2)
        self.grads = {"W1": S.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for k, g in self.grads.items():
            p[k] -= LR * g
        return float(loss)
