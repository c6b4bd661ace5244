"""A two-hidden-layer regressor (ReLU then tanh) trained with NAdam, all in NumPy.

NAdam (Dozat 2016) as torch.optim.NAdam documents it, with L2 weight decay added to the
gradient (the coupled form, torch's default decoupled_weight_decay=False):

    g     = grad + wd * p
    mu_t  = beta1 (1 - 0.5 * 0.96^(t psi)),  mu_{t+1} likewise,  prod_t = mu_1 ... mu_t
    m_t   = beta1 m + (1 - beta1) g,  v_t = beta2 v + (1 - beta2) g^2
    denom = sqrt(v_t / (1 - beta2^t)) + eps
    p    -= lr (1 - mu_t) / (1 - prod_t) * g / denom + lr mu_{t+1} / (1 - prod_t mu_{t+1}) * m_t / denom

X (N, 6), y (N, 1); mean squared error. Weights kept as attributes in torch's (out, in) layout:
W1 (32, 6), b1, W2 (16, 32), b2, W3 (1, 16), b3.
"""

import math

import numpy as np


class NAdamRegressor:
    names = ("W1", "b1", "W2", "b2", "W3", "b3")

    def __init__(self, sizes=(6, 32, 16, 1), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-2, momentum_decay=4e-3, seed=1):
        rng = np.random.default_rng(seed)
        a, b, c, d = sizes
        self.W1 = rng.standard_normal((b, a)) * math.sqrt(2.0 / a)
        self.b1 = np.full(b, 0.05)
        self.W2 = rng.standard_normal((c, b)) / math.sqrt(b)
        self.b2 = np.zeros(c)
        self.W3 = rng.standard_normal((d, c)) / math.sqrt(c)
        self.b3 = np.zeros(d)
        self.grads = {}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.momentum_decay = momentum_decay
        self.exp_avg = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.exp_avg_sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.mu_product = 1.0
        self.step_count = 0

    def forward(self, X):
        self.X = X
        self.z1 = X @ self.W1.T + self.b1
        self.h1 = np.maximum(self.z1, 0.0)
        self.h2 = np.tanh(self.h1 @ self.W2.T + self.b2)
        self.out = self.h2 @ self.W3.T + self.b3
        return self.out

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        out = self.forward(X)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size
        self.grads["W3"] = dout.T @ self.h2
        self.grads["b3"] = dout.sum(axis=0)
        dh2 = dout @ self.W3
        dz2 = dh2 * (1.0 - self.h2 ** 2)
        self.grads["W2"] = dz2.T @ self.h1
        self.grads["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ self.W2
        dz1 = dh1 * (self.z1 > 0)
        self.grads["W1"] = dz1.T @ X
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def update(self):
        self.step_count += 1
        t = self.step_count
        mu = self.beta1 * (1.0 - 0.5 * 0.96 ** (t * self.momentum_decay))
        mu_next = self.beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * self.momentum_decay))
        self.mu_product = mu
        mu_product_next = self.mu_product * mu_next
        bias_correction2 = 1.0 - self.beta2 ** t
        for k in self.names:
            p = getattr(self, k)
            g = self.grads[k] + self.weight_decay * p
            self.exp_avg[k] = self.beta1 * self.exp_avg[k] + (1.0 - self.beta1) * g
            self.exp_avg_sq[k] = self.beta2 * self.exp_avg_sq[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.exp_avg_sq[k] / bias_correction2) + self.eps
            p -= self.lr * (1.0 - mu) / (1.0 - self.mu_product) * g / denom
            p -= self.lr * mu_next / (1.0 - mu_product_next) * self.exp_avg[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
