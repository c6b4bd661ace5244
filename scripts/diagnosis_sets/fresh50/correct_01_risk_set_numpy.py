"""Cox proportional-hazards model in NumPy, the risk sets by a running log-sum-exp: rows sorted
by time, so the risk set of row i (t_j >= t_i) is rows i..n-1 and log sum_{j >= i} exp(eta_j)
is np.logaddexp.accumulate over the reversed scores, reversed back. The gradient's second
term, exp(eta_j) sum_{i <= j} event_i / S_i, is a forward cumulative sum.

    X: (n, 3), y: (n, 2) = [time, event], rows sorted by time, no ties
"""

import numpy as np

LR = 0.5


class RiskSetCox:
    def __init__(self, n_in=3, seed=59):
        rng = np.random.default_rng(seed)
        self.beta = rng.normal(0.0, 0.3, (n_in, 1))

    def train_step(self, X, y):
        event = y[:, 1]
        eta = (X @ self.beta)[:, 0]
        log_risk = np.logaddexp.accumulate(eta[::-1])[::-1]
        n_ev = event.sum()
        loss = -np.sum(event * (eta - log_risk)) / n_ev
        d_eta = (-event + np.exp(eta) * np.cumsum(event * np.exp(-log_risk))) / n_ev
        self.beta -= LR * np.einsum("ni,n->i", X, d_eta)[:, None]
        return float(loss)
