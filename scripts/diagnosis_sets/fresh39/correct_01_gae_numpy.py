"""Advantage actor-critic with generalised advantage estimation (GAE, Schulman et al. 2016) in
NumPy on logged episodes: a shared tanh trunk 4 -> 16, a policy head and a value head. The TD
errors delta_t = r_t + GAMMA V(s_{t+1}) - V(s_t) (V = 0 after an episode's last step) are turned
into advantages in one matrix product with the upper-triangular discount matrix
D[t, k] = (GAMMA LAM)^(k - t), k >= t; the value head is fitted to A + V with the Huber loss
(np.clip for its gradient), the policy follows -mean(A log pi), the advantages held constant.
Adam.

    X: (episodes, T, 4) states; y: (episodes, T, 2) [action, reward]
"""

import numpy as np

GAMMA, LAM = 0.9, 0.95
VF_COEF = 0.5
LR, B1, B2, EPS = 0.01, 0.9, 0.999, 1e-8


def discount_matrix(T, factor, dtype):
    k = np.arange(T)
    gap = k[None, :] - k[:, None]
    return np.where(gap >= 0, factor ** np.maximum(gap, 0), 0.0).astype(dtype)


class GAEActorCritic:
    def __init__(self, n_state=4, hidden=16, n_actions=3, seed=21):
        rng = np.random.default_rng(seed)
        self.p = {
            "trunk_W": rng.normal(0.0, 0.5, (n_state, hidden)), "trunk_b": np.zeros(hidden),
            "pi_W": rng.normal(0.0, 0.1, (hidden, n_actions)), "pi_b": np.zeros(n_actions),
            "v_W": rng.normal(0.0, 0.25, (hidden, 1)), "v_b": np.zeros(1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.p
        E, T, d = X.shape
        rewards = y[..., 1]
        S = X.reshape(E * T, d)
        a = y[..., 0].astype(int).reshape(-1)
        n = E * T

        h = np.tanh(S @ p["trunk_W"] + p["trunk_b"])
        logits = h @ p["pi_W"] + p["pi_b"]
        V = (h @ p["v_W"] + p["v_b"]).reshape(E, T)
        V_next = np.concatenate([V[:, 1:], np.zeros_like(V[:, :1])], axis=1)
        delta = rewards + GAMMA * V_next - V
        A = delta @ discount_matrix(T, GAMMA * LAM, delta.dtype).T
        R = (A + V).reshape(-1)
        A = A.reshape(-1)
        V = V.reshape(-1)

        log_pi = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        err = V - R
        huber = np.where(np.abs(err) < 1.0, 0.5 * err ** 2, np.abs(err) - 0.5)
        loss = -np.mean(A * log_pi[np.arange(n), a]) + VF_COEF * huber.mean()

        d_logits = np.exp(log_pi)
        d_logits[np.arange(n), a] -= 1.0
        d_logits *= A[:, None] / n
        d_V = (VF_COEF * np.clip(err, -1.0, 1.0) / n)[:, None]
        d_h = (d_logits @ p["pi_W"].T + d_V @ p["v_W"].T) * (1.0 - h ** 2)
        self.grads = {"trunk_W": S.T @ d_h, "trunk_b": d_h.sum(0), "pi_W": h.T @ d_logits,
                      "pi_b": d_logits.sum(0), "v_W": h.T @ d_V, "v_b": d_V.sum(0)}

        self.t += 1
        for k, g in self.grads.items():
            self.m[k] = B1 * self.m[k] + (1 - B1) * g
            self.v[k] = B2 * self.v[k] + (1 - B2) * g * g
            p[k] = p[k] - LR * (self.m[k] / (1 - B1 ** self.t)) / (np.sqrt(self.v[k] / (1 - B2 ** self.t)) + EPS)
        return float(loss)
