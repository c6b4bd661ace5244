"""PPO's clipped surrogate for a discrete softmax policy in NumPy, on logged experience.

The policy is a ReLU layer and a linear layer giving the logits of four actions; a separate
linear critic gives V(s). The logged advantages are normalised over the batch (subtract the
mean, divide by the population std + 1e-8). With r = exp(log pi(a|s) - old log-prob):

    loss = -mean(min(r A, clip(r, 1 - CLIP, 1 + CLIP) A))
           + VF_COEF * mean((V(s) - R)^2) - ENT_COEF * mean(H)

The gradient of the surrogate flows through r where the unclipped term is the minimum (inside
the clip range both terms agree). Adam with torch's defaults (eps outside the square root, both
moments bias-corrected) and a linear learning-rate annealing: the t-th update uses
LR * (1 - (t - 1) / ANNEAL).

    X: float (n, 9) features 0..5, action 6, advantage 7, old log-prob 8;  y: float (n,) return R
"""

import numpy as np

N_FEAT, HIDDEN, N_ACT = 6, 12, 4
LR, ANNEAL = 0.01, 25
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def log_softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


class PPODiscrete:
    def __init__(self, seed=90):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (N_FEAT, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "W2": rng.normal(0.0, 0.15, (HIDDEN, N_ACT)),
            "b2": np.zeros(N_ACT),
            "Wv": rng.normal(0.0, 0.3, (N_FEAT, 1)),
            "bv": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        S = X[:, :N_FEAT]
        a = X[:, N_FEAT].astype(np.int64)
        A = X[:, N_FEAT + 1]
        old_logp = X[:, N_FEAT + 2]
        R = y
        A = (A - A.mean()) / (A.std() + 1e-8)

        pre = S @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        z = h @ p["W2"] + p["b2"]
        logp_all = log_softmax(z, axis=1)
        pi = np.exp(logp_all)
        logp_a = logp_all[np.arange(n), a]
        ratio = np.exp(logp_a - old_logp)
        surr1 = ratio * A
        surr2 = np.clip(ratio, 1.0 - CLIP, 1.0 + CLIP) * A
        vpred = (S @ p["Wv"] + p["bv"])[:, 0]
        ent = -(pi * logp_all).sum(axis=1)
        loss = (-np.mean(np.minimum(surr1, surr2)) + VF_COEF * np.mean((vpred - R) ** 2)
                - ENT_COEF * np.mean(ent))

        live = np.abs(ratio - 1.0) <= CLIP  # fix: live = surr1 <= surr2
        dlogp_a = -A * ratio * live / n
        onehot = np.zeros_like(z)
        onehot[np.arange(n), a] = 1.0
        dz = dlogp_a[:, None] * (onehot - pi) + ENT_COEF * pi * (logp_all + ent[:, None]) / n
        dv = VF_COEF * 2.0 * (vpred - R) / n
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        dpre = (dz @ p["W2"].T) * (pre > 0)
        g["W1"] = S.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        g["Wv"] = S.T @ dv[:, None]
        g["bv"] = dv.sum(axis=0, keepdims=True)
        self.grads = g
        self.clipped_frac = float(np.mean(np.abs(ratio - 1.0) > CLIP))

        self.t += 1
        lr = LR * (1.0 - (self.t - 1) / ANNEAL)
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
