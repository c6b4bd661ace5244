"""PPO's clipped surrogate for a Gaussian policy over one continuous action, in NumPy.

The policy's mean is a tanh layer and a linear unit on the state's five features; its std is
exp(log_std), one learned log-std shared by every state. A separate linear critic gives V(s).
With log pi(a|s) = -0.5 ((a - mu) / std)^2 - log_std - 0.5 log(2 pi) and r = exp(log pi - old):

    loss = -mean(min(r A, clip(r, 1 - CLIP, 1 + CLIP) A))
           + VF_COEF * mean((V(s) - R)^2) - ENT_COEF * H,    H = log_std + 0.5 (1 + log(2 pi))

the logged advantages A used as they are. RMSprop as torch.optim.RMSprop writes it
(square_avg = ALPHA * square_avg + (1 - ALPHA) g^2, step lr * g / (sqrt(square_avg) + EPS), eps
outside the root) with an exponential learning-rate decay: the t-th update uses
LR * GAMMA^(t - 1).

    X: float (n, 8) features 0..4, action 5, advantage 6, old log-prob 7;  y: float (n,) return R
"""

import math

import numpy as np

N_FEAT, HIDDEN = 5, 8
LR, ALPHA, EPS, GAMMA = 0.003, 0.99, 1e-5, 0.9
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01
LOG_2PI = math.log(2.0 * math.pi)


class GaussianPPO:
    def __init__(self, seed=90):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (N_FEAT, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.2, (HIDDEN, 1)),
            "b2": np.zeros(1),
            "log_std": np.full(1, math.log(0.6)),
            "Wv": rng.normal(0.0, 0.3, (N_FEAT, 1)),
            "bv": np.zeros(1),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        S = X[:, :N_FEAT]
        act = X[:, N_FEAT]
        A = X[:, N_FEAT + 1]
        old_logp = X[:, N_FEAT + 2]
        R = y

        h = np.tanh(S @ p["W1"] + p["b1"])
        mu = (h @ p["W2"] + p["b2"])[:, 0]
        log_std = p["log_std"]
        std = np.exp(log_std)
        u = (act - mu) / std
        logp = -0.5 * u ** 2 - log_std - 0.5 * LOG_2PI
        ratio = np.exp(logp - old_logp)
        surr1 = ratio * A
        surr2 = np.clip(ratio, 1.0 - CLIP, 1.0 + CLIP) * A
        vpred = (S @ p["Wv"] + p["bv"])[:, 0]
        entropy = log_std + 0.5 * (1.0 + LOG_2PI)
        loss = (-np.mean(np.minimum(surr1, surr2)) + VF_COEF * np.mean((vpred - R) ** 2)
                - ENT_COEF * entropy[0])

        dlogp = -A * ratio * (surr1 <= surr2) / n
        dmu = dlogp * u / std
        g = {}
        g["log_std"] = (dlogp * (u ** 2 - 1.0) / std).sum(axis=0, keepdims=True) - ENT_COEF  # fix: g["log_std"] = (dlogp * (u ** 2 - 1.0)).sum(axis=0, keepdims=True) - ENT_COEF
        g["W2"] = h.T @ dmu[:, None]
        g["b2"] = dmu.sum(axis=0, keepdims=True)
        dpre = (dmu[:, None] @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = S.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        dv = VF_COEF * 2.0 * (vpred - R) / n
        g["Wv"] = S.T @ dv[:, None]
        g["bv"] = dv.sum(axis=0, keepdims=True)
        self.grads = g
        self.clipped_frac = float(np.mean(np.abs(ratio - 1.0) > CLIP))

        self.t += 1
        lr = LR * GAMMA ** (self.t - 1)
        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
