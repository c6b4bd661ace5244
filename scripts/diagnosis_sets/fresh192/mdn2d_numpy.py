"""A 2-D mixture density network from scratch in NumPy: two tanh layers, one output layer split into
mixture logits, means and softplus sigmas (with a floor), diagonal Gaussians, an entropy bonus on
the mixture weights, trained by RMSprop written by hand.

    h1     = tanh(X @ W1 + b1)            (N, H)
    h2     = tanh(h1 @ W2 + b2)           (N, H)
    out    = h2 @ W3 + b3                 (N, 5K) = [logits (K) | mu (K, 2) | s (K, 2)], row-major
    sigma  = softplus(s) + SIGMA_MIN      (N, K, 2)
    log N_k = sum_d ( -0.5 z_kd^2 - log sigma_kd - 0.5 log(2 pi) ),  z_kd = (y_d - mu_kd) / sigma_kd
    nll    = -mean_n logsumexp_k (log pi_k + log N_k)
    H      = -sum_k pi_k log pi_k          entropy of the mixture weights, per row
    loss   = nll - LAM * mean_n H

RMSprop (lr 0.005, alpha 0.9, eps 1e-8 outside the square root), as torch.optim.RMSprop.

    X: float (N, 2), y: float (N, 2).

Parameters (attributes, weights kept (in, out)): W1 (2, H), b1, W2 (H, H), b2, W3 (H, 5K), b3.
Gradients self.grads and RMSprop squares self.sq: dicts keyed by the attribute names.
"""

import math

import numpy as np

SIGMA_MIN = 0.05
LAM = 0.1
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)
NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


def softplus(s):
    return np.maximum(s, 0) + np.log1p(np.exp(-np.abs(s)))


def sigmoid(s):
    return 1.0 / (1.0 + np.exp(-s))


def logsumexp(a, axis):
    amax = a.max(axis=axis, keepdims=True)
    return (amax + np.log(np.exp(a - amax).sum(axis=axis, keepdims=True))).squeeze(axis)


class MDN2D:
    def __init__(self, hidden=16, K=4, lr=0.005, alpha=0.9, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.K = K
        self.W1 = (rng.standard_normal((2, hidden)) * 0.8).astype(np.float32)
        self.b1 = (0.1 * rng.standard_normal(hidden)).astype(np.float32)
        self.W2 = (rng.standard_normal((hidden, hidden)) / math.sqrt(hidden)).astype(np.float32)
        self.b2 = np.zeros(hidden, dtype=np.float32)
        self.W3 = (rng.standard_normal((hidden, 5 * K)) * 0.5 / math.sqrt(hidden)).astype(np.float32)
        b3 = np.zeros(5 * K)
        b3[K:3 * K] = rng.uniform(-1.0, 1.0, 2 * K)            # spread the means
        b3[3 * K:] = -0.5
        self.b3 = b3.astype(np.float32)
        self.grads = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.sq = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.lr, self.alpha, self.eps = lr, alpha, eps

    def _forward(self, X, y):
        K, N = self.K, X.shape[0]
        h1 = np.tanh(X @ self.W1 + self.b1)
        h2 = np.tanh(h1 @ self.W2 + self.b2)
        out = h2 @ self.W3 + self.b3
        logits = out[:, :K]
        mu = out[:, K:3 * K].reshape(N, K, 2)
        s = out[:, 3 * K:].reshape(N, K, 2)
        sigma = softplus(s) + SIGMA_MIN
        log_pi = logits - logsumexp(logits, axis=1)[:, None]
        pi = np.exp(log_pi)
        z = (y[:, None, :] - mu) / sigma
        log_comp = (-0.5 * z ** 2 - np.log(sigma) - HALF_LOG_2PI).sum(axis=2)
        a = log_pi + log_comp
        lse = logsumexp(a, axis=1)
        H = -(pi * log_pi).sum(axis=1)
        loss = -lse.mean() - LAM * H.mean()
        return loss, (h1, h2, s, sigma, log_pi, pi, z, a, lse, H)

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def backward(self, X, y):
        K, N = self.K, X.shape[0]
        loss, (h1, h2, s, sigma, log_pi, pi, z, a, lse, H) = self._forward(X, y)
        gamma = np.exp(a - lse[:, None])                         # responsibilities (N, K)

        dlogits = (pi - gamma) / N
        dlogits += LAM * pi * (log_pi + H[:, None]) / N           # from -LAM * mean H
        dmu = -gamma[:, :, None] * z / sigma / N
        dsigma = gamma[:, :, None] * (1.0 - z ** 2) / sigma / N
        ds = dsigma * sigmoid(s)
        dout = np.concatenate([dlogits, dmu.reshape(N, 2 * K), ds.reshape(N, 2 * K)], axis=1)

        g = self.grads
        g["W3"] = h2.T @ dout
        g["b3"] = dout.sum(axis=0)
        dpre2 = (dout @ self.W3.T) * (1.0 - h2 ** 2)
        g["W2"] = h1.T @ dpre2
        g["b2"] = dpre2.sum(axis=0)
        dpre1 = (dpre2 @ self.W2.T) * (1.0 - h1 ** 2)
        g["W1"] = X.T @ dpre1
        g["b1"] = dpre1.sum(axis=0)
        return loss

    def step(self):
        for n in NAMES:
            g = self.grads[n]
            self.sq[n] = self.alpha * self.sq[n] + (1.0 - self.alpha) * g * g
            setattr(self, n, getattr(self, n) - self.lr * g / (np.sqrt(self.sq[n]) + self.eps))

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
