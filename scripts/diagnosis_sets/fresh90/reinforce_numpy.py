"""REINFORCE with a learned value baseline in NumPy, trained on logged experience.

A shared tanh layer reads the state's six features; a policy head gives the logits of a softmax
over four actions and a value head a scalar V(s). One step on a batch of logged rows:

    advantage   G - V(s), the baseline taken as a constant (no gradient flows through it)
    loss        -mean(advantage * log pi(a|s)) + VF_COEF * mean((V(s) - G)^2) - beta_t * mean(H)

with H the policy's entropy and beta_t = ENT0 * ENT_DECAY^(t-1) at the t-th update (a decaying
entropy bonus). The backward pass is written by hand; the gradients are clipped by their global
norm (as torch.nn.utils.clip_grad_norm_: coef = min(1, MAX_NORM / (norm + 1e-6))) and applied
by SGD with heavy-ball momentum as torch.optim.SGD writes it.

    X: float (n, 9) features 0..5, action 6, (unused here: advantage 7, old log-prob 8)
    y: float (n,) the return G
"""

import numpy as np

N_FEAT, HIDDEN, N_ACT = 6, 16, 4
LR, MOMENTUM, MAX_NORM = 0.05, 0.9, 1.0
VF_COEF, ENT0, ENT_DECAY = 0.5, 0.05, 0.9


class ReinforceBaseline:
    def __init__(self, seed=90):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (N_FEAT, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "Wp": rng.normal(0.0, 0.3, (HIDDEN, N_ACT)),
            "bp": np.zeros(N_ACT),
            "Wv": rng.normal(0.0, 0.3, (HIDDEN, 1)),
            "bv": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        S = X[:, :N_FEAT]
        a = X[:, N_FEAT].astype(np.int64)
        G = y

        h = np.tanh(S @ p["W1"] + p["b1"])
        z = h @ p["Wp"] + p["bp"]
        v = (h @ p["Wv"] + p["bv"])[:, 0]
        zs = z - z.max(axis=1, keepdims=True)
        logp_all = zs - np.log(np.exp(zs).sum(axis=1, keepdims=True))
        pi = np.exp(logp_all)
        logp_a = logp_all[np.arange(n), a]
        adv = G - v
        ent = -(pi * logp_all).sum(axis=1)

        self.t += 1
        beta = ENT0 * ENT_DECAY ** (self.t - 1)
        loss = -np.mean(adv * logp_a) + VF_COEF * np.mean((v - G) ** 2) - beta * np.mean(ent)

        onehot = np.zeros_like(z)
        onehot[np.arange(n), a] = 1.0
        dz = -adv[:, None] * (onehot - pi) / n
        dz += beta * pi * (logp_all + ent[:, None]) / n
        dv = VF_COEF * 2.0 * (v - G) / n
        g = {}
        g["Wp"] = h.T @ dz
        g["bp"] = dz.sum(axis=0)
        g["Wv"] = h.T @ dv[:, None]
        g["bv"] = dv.sum(axis=0, keepdims=True)
        dh = dz @ p["Wp"].T + dv[:, None] @ p["Wv"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = S.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g
        self.last_norm = float(total)

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
