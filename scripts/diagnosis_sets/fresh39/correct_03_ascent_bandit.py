"""Contextual-bandit REINFORCE in NumPy written as gradient *ascent* on the expected reward
J = mean(r log pi(a | x)): weights stored (out, in) in a dict, products through np.einsum, ReLU,
log pi by np.logaddexp.reduce, the pulled arm's reward read with np.take_along_axis, the score
onehot(a) - pi built from a comparison with np.arange, and Nesterov momentum in torch's form
applied to the ascent direction (v = MU v + dJ; theta += LR (dJ + MU v)).

    y: (n, 3), the reward of the pulled arm in its column, 0 elsewhere
"""

import numpy as np

LR, MU = 0.3, 0.9


class AscentBandit:
    def __init__(self, n_context=5, hidden=8, n_arms=3, seed=23):
        rng = np.random.default_rng(seed)
        self.theta = {
            "hidden": rng.normal(0.0, 0.5, (hidden, n_context)),
            "hidden_bias": np.full(hidden, 0.05),
            "arms": rng.normal(0.0, 0.3, (n_arms, hidden)),
            "arms_bias": np.zeros(n_arms),
        }
        self.vel = {k: np.zeros_like(v) for k, v in self.theta.items()}

    def train_step(self, X, y):
        th = self.theta
        n = X.shape[0]
        arms = np.argmax(y, axis=1)
        r = np.take_along_axis(y, arms[:, None], axis=1)[:, 0]

        pre = np.einsum("ni,hi->nh", X, th["hidden"]) + th["hidden_bias"]
        h = np.where(pre > 0, pre, 0.0).astype(X.dtype)
        logits = np.einsum("nh,ah->na", h, th["arms"]) + th["arms_bias"]
        log_pi = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        J = np.mean(r * np.take_along_axis(log_pi, arms[:, None], axis=1)[:, 0])

        score = (np.arange(logits.shape[1]) == arms[:, None]) - np.exp(log_pi)
        dJ_dlogits = r[:, None] * score / n
        dJ_dpre = np.einsum("na,ah->nh", dJ_dlogits, th["arms"]) * (pre > 0)
        dJ = {
            "arms": np.einsum("na,nh->ah", dJ_dlogits, h), "arms_bias": dJ_dlogits.sum(axis=0),
            "hidden": np.einsum("nh,ni->hi", dJ_dpre, X), "hidden_bias": dJ_dpre.sum(axis=0),
        }
        for k, g in dJ.items():
            self.vel[k] = MU * self.vel[k] + g
            th[k] = th[k] + LR * (g + MU * self.vel[k])
        return float(-J)
