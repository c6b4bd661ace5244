"""A Cox proportional-hazards network (DeepSurv style) in NumPy.

A tanh layer and a linear unit without bias give each row a log-risk eta (the partial likelihood
does not see a constant). The loss is the negative Breslow partial log-likelihood averaged over
the events:

    L = -(1 / #events) * sum_{i: event} [ eta_i - log sum_{j: t_j >= t_i} exp(eta_j) ]

computed on the rows sorted by time, latest first, so that each risk set is a prefix: a cumulative
sum of exp(eta - max eta) gives every prefix sum, and a tied time takes the sum at the end of its
tie group (Breslow: all rows tied with t_i are at risk). The backward goes through the risk-set
sums by hand: every event i sends e_i / (S_i * #events) to the rows of its risk set, collected
with a reversed cumulative sum. Adam with an L2 weight decay added to the gradient (as
torch.optim.Adam(weight_decay=WD)) and a step schedule: the learning rate halves every STEP updates.

    X: float (n, 8) covariates, y: float (n, 2) [time, event]
"""

import numpy as np

N_FEAT, HIDDEN = 8, 8
LR, WD, STEP, GAMMA = 0.02, 1e-3, 7, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class CoxMLP:
    def __init__(self, seed=101):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(N_FEAT), (N_FEAT, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        H = np.tanh(X @ p["W1"] + p["b1"])
        eta = (H @ p["W2"])[:, 0]
        self.cache = (X, H)
        return eta

    def train_step(self, X, y):
        p = self.params
        time, event = y[:, 0], y[:, 1]
        eta = self.forward(X)

        order = np.argsort(-time, kind="stable")
        t_s, e_s, eta_s = time[order], event[order], eta[order]
        last = np.searchsorted(-t_s, -t_s, side="right") - 1
        mx = eta_s.max()
        w = np.exp(eta_s - mx)
        cum = np.cumsum(w)
        S = cum[last]
        lse = mx + np.log(S)
        n_ev = e_s.sum()
        loss = -np.sum(e_s * (eta_s - lse)) / n_ev

        a = e_s / (S * n_ev)
        acc = np.zeros_like(eta_s)
        np.add.at(acc, last, a)
        c = np.cumsum(acc[::-1])[::-1]
        d_eta_s = w * c - e_s / n_ev
        d_eta = np.empty_like(d_eta_s)
        d_eta[order] = d_eta_s

        X, H = self.cache
        g = {}
        g["W2"] = H.T @ d_eta[:, None]
        dZ = (d_eta[:, None] @ p["W2"].T) * (1.0 - H ** 2)
        g["W1"] = X.T @ dZ
        g["b1"] = dZ.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP)
        for k in p:
            gk = g[k] + WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
