"""The Cox network of cox_numpy.py written in another style: the weights kept as torch keeps them,
the hidden weight (out, in) and the output weight a plain vector, as attributes; the Breslow risk
sets written as an explicit n x n 0/1 matrix R[i, j] = (t_j >= t_i) instead of sorting (ties are
then at risk by construction), the risk-set sums as R @ exp(eta - max) and the backward as
R.T @ (event / (S * #events)); Adam with the bias corrections folded into the step size and the
epsilon (alpha_t = lr * sqrt(1 - b2^t) / (1 - b1^t), eps_t = eps * sqrt(1 - b2^t)), the moments
kept in one dict of pairs, and the step schedule as a running learning rate halved after every
STEP-th update.

    X: float (n, 8) covariates, y: float (n, 2) [time, event]
"""

import math

import numpy as np

N_FEAT, HIDDEN = 8, 8
LR, WD, STEP, GAMMA = 0.02, 1e-3, 7, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class CoxRiskMatrix:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.W_in = rng.uniform(-0.35, 0.35, (HIDDEN, N_FEAT))
        self.b_in = np.zeros(HIDDEN)
        self.w_out = rng.uniform(-0.35, 0.35, HIDDEN)
        self.moments = {name: [np.zeros_like(a), np.zeros_like(a)] for name, a in self._params().items()}
        self.updates = 0
        self.lr = LR

    def _params(self):
        return {"W_in": self.W_in, "b_in": self.b_in, "w_out": self.w_out}

    def partial_likelihood(self, eta, time, event):
        R = (time[None, :] >= time[:, None]).astype(eta.dtype)
        shift = eta.max()
        w = np.exp(eta - shift)
        S = R @ w
        n_ev = event.sum()
        nll = -np.sum(event * (eta - shift - np.log(S))) / n_ev
        d_eta = w * (R.T @ (event / (S * n_ev))) - event / n_ev
        return nll, d_eta

    def train_step(self, X, y):
        H = np.tanh(X @ self.W_in.T + self.b_in)
        eta = H @ self.w_out
        loss, d_eta = self.partial_likelihood(eta, y[:, 0], y[:, 1])

        dZ = np.outer(d_eta, self.w_out) * (1.0 - H * H)
        self.grads = {"W_in": dZ.T @ X, "b_in": dZ.sum(axis=0), "w_out": H.T @ d_eta}

        self.updates += 1
        t = self.updates
        alpha = self.lr * math.sqrt(1.0 - BETA2 ** t) / (1.0 - BETA1 ** t)
        eps_t = EPS * math.sqrt(1.0 - BETA2 ** t)
        for name, param in self._params().items():
            grad = self.grads[name] + WD * param
            m, v = self.moments[name]
            m *= BETA1
            m += (1.0 - BETA1) * grad
            v *= BETA2
            v += (1.0 - BETA2) * grad * grad
            param -= alpha * m / (np.sqrt(v) + eps_t)
        if t % STEP == 0:
            self.lr *= GAMMA
        return float(loss)
