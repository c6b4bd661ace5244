"""The Gaussian PPO program of gaussian_numpy.py written in another style: every parameter a
view into one flat vector theta (and every gradient a view into one flat gradient), so RMSprop
updates the whole vector at once; the log-density through the precision exp(-2 log_std); the
clipped surrogate through np.where and its gradient through the sign of the advantage (A >= 0:
live while r <= 1 + CLIP; A < 0: live while r >= 1 - CLIP); the critic's error through np.dot;
the learning rate kept in self.lr and multiplied by GAMMA after each update.

    X: float (n, 8) features 0..4, action 5, advantage 6, old log-prob 7;  y: float (n,) return R
"""

import math

import numpy as np

N_FEAT, HIDDEN = 5, 8
LR, ALPHA, EPS, GAMMA = 0.003, 0.99, 1e-5, 0.9
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)

SHAPES = [("W1", (N_FEAT, HIDDEN)), ("b1", (HIDDEN,)), ("W2", (HIDDEN, 1)), ("b2", (1,)),
          ("log_std", (1,)), ("Wv", (N_FEAT, 1)), ("bv", (1,))]


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES:
        size = math.prod(shape)
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class GaussianFlat:
    def __init__(self, seed=290):
        rng = np.random.default_rng(seed)
        size = sum(math.prod(s) for _, s in SHAPES)
        self.theta = rng.normal(0.0, 0.3, size)
        self.params = views(self.theta)
        self.params["log_std"][...] = math.log(0.6)
        self.params["b1"][...] = 0.0
        self.sq = np.zeros_like(self.theta)
        self.lr = LR

    def train_step(self, X, y):
        P = self.params
        n = X.shape[0]
        S, act, A, old = X[:, :N_FEAT], X[:, N_FEAT], X[:, N_FEAT + 1], X[:, N_FEAT + 2]

        h = np.tanh(S @ P["W1"] + P["b1"])
        mu = h @ P["W2"][:, 0] + P["b2"][0]
        prec = np.exp(-2.0 * P["log_std"][0])
        diff = act - mu
        logp = -0.5 * np.square(diff) * prec - P["log_std"][0] - HALF_LOG_2PI
        r = np.exp(logp - old)
        r_clip = np.clip(r, 1.0 - CLIP, 1.0 + CLIP)
        surr = np.where(r * A < r_clip * A, r * A, r_clip * A)
        err = S @ P["Wv"][:, 0] + P["bv"][0] - y
        entropy = P["log_std"][0] + 0.5 + HALF_LOG_2PI
        loss = -surr.sum() / n + VF_COEF * np.dot(err, err) / n - ENT_COEF * entropy

        live = np.where(A >= 0, r <= 1.0 + CLIP, r >= 1.0 - CLIP)
        d_logp = np.where(live, -A * r, 0.0) / n
        d_mu = d_logp * diff * prec
        grad = np.zeros_like(self.theta)
        G = views(grad)
        G["log_std"][0] = np.sum(d_logp * (np.square(diff) * prec - 1.0)) - ENT_COEF
        G["W2"][:, 0] = h.T @ d_mu
        G["b2"][0] = d_mu.sum()
        d_pre = np.outer(d_mu, P["W2"][:, 0]) * (1.0 - h * h)
        G["W1"][...] = S.T @ d_pre
        G["b1"][...] = d_pre.sum(axis=0)
        d_v = 2.0 * VF_COEF * err / n
        G["Wv"][:, 0] = S.T @ d_v
        G["bv"][0] = d_v.sum()
        self.grads = G

        self.sq *= ALPHA
        self.sq += (1.0 - ALPHA) * grad * grad
        self.theta -= self.lr * grad / (np.sqrt(self.sq) + EPS)
        self.lr *= GAMMA
        return float(loss)
