"""A two-hidden-layer ReLU classifier trained with RAdam (Liu et al. 2020), in NumPy.

RAdam as torch.optim.RAdam implements it:

    m = beta1 m + (1 - beta1) g,   v = beta2 v + (1 - beta2) g^2,   m_hat = m / (1 - beta1^t)
    rho_inf = 2 / (1 - beta2) - 1,  rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
    if rho_t > 5:  r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
                   p -= lr * m_hat * r_t * sqrt(1 - beta2^t) / (sqrt(v) + eps)
    else:          p -= lr * m_hat                    (un-adapted momentum, the first 5 steps)

X (N, 8), y (N,) class ids in {0, 1, 2}; softmax cross-entropy averaged over the batch.
Parameters in one dict keyed like a state_dict, torch layout (out, in):
fc1.weight (16, 8), fc1.bias, fc2.weight (16, 16), fc2.bias, head.weight (3, 16), head.bias.
"""

import math

import numpy as np


class RAdamClassifier:
    def __init__(self, sizes=(8, 16, 16, 3), lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {}
        for name, (fan_in, fan_out) in zip(("fc1", "fc2", "head"), zip(sizes[:-1], sizes[1:])):
            bound = 1.0 / math.sqrt(fan_in)
            self.params[name + ".weight"] = rng.uniform(-bound, bound, (fan_out, fan_in)) * 1.5
            self.params[name + ".bias"] = rng.uniform(-bound, bound, fan_out)
        self.grads = {}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        P = self.params
        z1 = X @ P["fc1.weight"].T + P["fc1.bias"]
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ P["fc2.weight"].T + P["fc2.bias"]
        a2 = np.maximum(z2, 0.0)
        logits = a2 @ P["head.weight"].T + P["head.bias"]
        return logits, (z1, a1, z2, a2)

    @staticmethod
    def log_softmax(logits):
        s = logits - logits.max(axis=1, keepdims=True)
        return s - np.log(np.exp(s).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        logp = self.log_softmax(self.forward(X)[0])
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        P = self.params
        n = len(y)
        logits, (z1, a1, z2, a2) = self.forward(X)
        logp = self.log_softmax(logits)
        loss = -logp[np.arange(n), y].mean()
        onehot = np.zeros_like(logits)
        onehot[np.arange(n), y] = 1.0
        d = (np.exp(logp) - onehot) / n
        self.grads["head.weight"] = d.T @ a2
        self.grads["head.bias"] = d.sum(axis=0)
        d = (d @ P["head.weight"]) * (z2 > 0)
        self.grads["fc2.weight"] = d.T @ a1
        self.grads["fc2.bias"] = d.sum(axis=0)
        d = (d @ P["fc2.weight"]) * (z1 > 0)
        self.grads["fc1.weight"] = d.T @ X
        self.grads["fc1.bias"] = d.sum(axis=0)
        return loss

    def radam_update(self):
        self.t += 1
        t, b1, b2 = self.t, self.beta1, self.beta2
        bc1 = 1.0 - b1 ** t
        bc2 = 1.0 - b2 ** t
        rho_inf = 2.0 / (1.0 - b2) - 1.0
        rho_t = rho_inf - 2.0 * t * b2 ** t / bc2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1.0 - b1) * g
            self.v[k] = b2 * self.v[k] + (1.0 - b2) * g * g
            m_hat = self.m[k] / bc1
            if rho_t > 5.0:
                r = math.sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                              / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
                adaptive = math.sqrt(bc2) / (np.sqrt(self.v[k]) + self.eps)
                p -= self.lr * m_hat * r * adaptive
            else:
                p -= self.lr * m_hat

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.radam_update()
        return float(loss)
