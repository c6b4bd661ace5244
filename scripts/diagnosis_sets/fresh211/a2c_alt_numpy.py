"""The same advantage actor-critic as a2c_numpy.py, written another way (a correct variant).

Weights kept in torch's (out, in) layout in a dict, products written with einsum, the
discounted returns as one product with a discount matrix (gamma^(s-t) for s >= t inside the
same episode, 0 elsewhere), the policy and entropy gradient taken through d loss / d log pi
and the log-softmax backward, and Adam written in place in torch's own form
(denominator sqrt(v) / sqrt(1 - beta2^t) + eps, step lr / (1 - beta1^t)).
"""

import math

import numpy as np


class ActorCriticAlt:
    def __init__(self, obs_dim=6, hidden=32, n_actions=4, gamma=0.95, value_coef=0.5,
                 entropy_coef=0.01, lr=3e-3, betas=(0.9, 0.999), eps=1e-8, seed=3):
        rng = np.random.default_rng(seed)
        self.p = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(obs_dim), (hidden, obs_dim)),
            "b1": rng.normal(0.0, 0.05, hidden),
            "Wpi": rng.normal(0.0, 0.1, (n_actions, hidden)),
            "bpi": np.zeros(n_actions),
            "Wv": rng.normal(0.0, 0.1, (1, hidden)),
            "bv": np.zeros(1),
        }
        self.gamma = gamma
        self.value_coef = value_coef
        self.entropy_coef = entropy_coef
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.step_count = 0
        self.exp_avg = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.exp_avg_sq = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.grads = {}

    def discount_matrix(self, dones):
        N = len(dones)
        episode = np.concatenate([[0], np.cumsum(dones[:-1])]).astype(np.int64)
        t = np.arange(N)
        lag = t[None, :] - t[:, None]
        same = (episode[:, None] == episode[None, :]) & (lag >= 0)
        powers = np.where(same, float(self.gamma) ** np.maximum(lag, 0), 0.0)
        return powers.astype(dones.dtype)

    def train_step(self, X, y):
        p = self.p
        N = X.shape[0]
        a = y[:, 0].astype(np.int64)
        r, d = y[:, 1], y[:, 2]

        h = np.tanh(np.einsum("ni,hi->nh", X, p["W1"]) + p["b1"])
        z = np.einsum("nh,ah->na", h, p["Wpi"]) + p["bpi"]
        value = np.einsum("nh,oh->no", h, p["Wv"])[:, 0] + p["bv"][0]

        G = self.discount_matrix(d) @ r
        adv = G - value

        zmax = z.max(axis=1, keepdims=True)
        lse = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        logp = z - lse
        prob = np.exp(logp)
        ent = -np.einsum("na,na->n", prob, logp)
        chosen = logp[np.arange(N), a]
        loss = (-(chosen * adv).mean() + self.value_coef * ((G - value) ** 2).mean()
                - self.entropy_coef * ent.mean())

        # d loss / d log pi, then through log-softmax: dz = dlogp - pi * sum(dlogp)
        dlogp = self.entropy_coef / N * prob * (logp + 1.0)
        np.subtract.at(dlogp, (np.arange(N), a), adv / N)
        dz = dlogp - prob * dlogp.sum(axis=1, keepdims=True)
        dv = 2.0 * self.value_coef / N * (value - G)

        g = self.grads
        g["Wpi"] = np.einsum("na,nh->ah", dz, h)
        g["bpi"] = dz.sum(axis=0)
        g["Wv"] = np.einsum("n,nh->h", dv, h)[None, :]
        g["bv"] = np.array([dv.sum()])
        dh = np.einsum("na,ah->nh", dz, p["Wpi"]) + np.einsum("n,h->nh", dv, p["Wv"][0])
        dpre = dh * (1.0 - h * h)
        g["W1"] = np.einsum("nh,ni->hi", dpre, X)
        g["b1"] = dpre.sum(axis=0)

        self.step_count += 1
        b1, b2 = self.betas
        bc1 = 1.0 - b1 ** self.step_count
        bc2 = 1.0 - b2 ** self.step_count
        for k, w in p.items():
            m, v = self.exp_avg[k], self.exp_avg_sq[k]
            m *= b1
            m += (1.0 - b1) * g[k]
            v *= b2
            v += (1.0 - b2) * g[k] * g[k]
            denom = np.sqrt(v) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * m / denom
        return float(loss)
