"""Mixture density network (Bishop 1994) from scratch: 2 inputs -> 12 tanh units -> 6 outputs for a
mixture of K = 2 Gaussians: mixing logits a (softmax), means mu and log standard deviations
log_sigma. Loss: -mean log sum_k pi_k N(y | mu_k, sigma_k^2) through a log-sum-exp over the
components; the gradients through the responsibilities gamma_k = pi_k N_k / sum_j pi_j N_j.
Plain gradient descent."""

import math

import numpy as np

K = 2
LEARNING_RATE = 0.05
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


class MixtureDensityNet:
    def __init__(self, n_in=2, n_hidden=12, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.3, (n_hidden, 3 * K))
        self.b2 = np.array([0.0, 0.0, -1.0, 1.0, -0.5, -0.5])

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        a, mu, log_sigma = out[:, :K], out[:, K:2 * K], out[:, 2 * K:]
        sigma = np.exp(log_sigma)

        a_max = a.max(axis=1, keepdims=True)
        log_pi = a - a_max - np.log(np.exp(a - a_max).sum(axis=1, keepdims=True))
        z = (y - mu) / sigma
        log_n = -0.5 * z ** 2 - log_sigma - HALF_LOG_2PI
        joint = log_pi + log_n
        m = joint.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(joint - m).sum(axis=1, keepdims=True))
        loss = -np.mean(lse)

        gamma = np.exp(joint - lse)
        pi = np.exp(log_pi)
        d_a = (pi - gamma) / n
        d_mu = -gamma * z / sigma / n
        d_log_sigma = gamma * (1 - z ** 2) / n
        d_out = np.concatenate([d_a, d_mu, d_log_sigma], axis=1)
        d_h = (d_out @ self.W2.T) * (1 - h ** 2)

        self.W2 -= LEARNING_RATE * (h.T @ d_out)
        self.b2 -= LEARNING_RATE * d_out.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
