"""A one-hidden-layer ReLU classifier trained with a hand-written SGDR schedule, in NumPy.

    logits = relu(X @ W1 + b1) @ W2 + b2                 W1 (10, 32), W2 (32, 4)
    loss   = label-smoothed cross-entropy (eps 0.1, the smoothed target (1 - eps) onehot + eps / K),
             mean over the batch (as F.cross_entropy(..., label_smoothing=0.1))

One step: gradients by hand; clip by global norm (max 1.0, coefficient max / (norm + 1e-6),
clamped at 1, as clip_grad_norm_); SGD with Nesterov momentum 0.9 and coupled weight decay 5e-4
(as torch.optim.SGD(nesterov=True)); learning rate by cosine annealing with warm restarts
(T_0 = 4, T_mult = 2, eta_min = 0.005; the first update uses the full rate, as
CosineAnnealingWarmRestarts stepped after optimizer.step()).

self.grads holds the clipped gradients (what torch's .grad holds after clip_grad_norm_),
self.velocity the momentum buffers.
"""

import math

import numpy as np


class SGDRNet:
    def __init__(self, n_in=10, hidden=32, n_out=4, lr=0.1, momentum=0.9, weight_decay=5e-4,
                 max_norm=1.0, smoothing=0.1, T_0=4, T_mult=2, eta_min=0.005, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, math.sqrt(2.0 / n_in), size=(n_in, hidden)),
            "b1": np.full(hidden, 0.01),
            "W2": rng.normal(0.0, math.sqrt(1.0 / hidden), size=(hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_out = n_out
        self.base_lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.max_norm = max_norm
        self.smoothing = smoothing
        self.T_0, self.T_mult, self.eta_min = T_0, T_mult, eta_min
        self.t = 0

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        return h @ p["W2"] + p["b2"], (z1, h)

    def smoothed_ce(self, logits, y):
        N, K = logits.shape
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        eps = self.smoothing
        nll = -logp[np.arange(N), y]
        uniform = -logp.mean(axis=1)
        loss = ((1.0 - eps) * nll + eps * uniform).mean()
        return loss, np.exp(logp)

    def loss(self, X, y):
        return self.smoothed_ce(self.forward(X)[0], y)[0]

    def lr_at(self, t):
        """Rate of the update made after t earlier updates (SGDR, cycles T_0, T_0 T_mult, ...)."""
        T_i, T_cur = self.T_0, t
        while T_cur >= T_i:
            T_cur -= T_i
            T_i *= self.T_mult
        return self.eta_min + (self.base_lr - self.eta_min) * (1 + math.cos(math.pi * T_cur / T_i)) / 2

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (z1, h) = self.forward(X)
        loss, probs = self.smoothed_ce(logits, y)
        eps = self.smoothing
        target = np.full_like(probs, eps / self.n_out)
        target[np.arange(N), y] += 1.0 - eps
        dlogits = (probs - target) / N
        g = {}
        g["W2"] = h.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dz1 = (dlogits @ p["W2"].T) * (z1 > 0)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return loss, g

    def clip(self, g):
        total = np.sqrt(sum(np.sum(v * v) for v in g.values()))
        coef = min(1.0, self.max_norm / (total + 1e-6))
        return {k: v * coef for k, v in g.items()}

    def update(self):
        self.t += 1
        lr = self.lr_at(self.t)
        mu = self.momentum
        for k, p in self.params.items():
            d = self.grads[k] + self.weight_decay * p
            self.velocity[k] = mu * self.velocity[k] + d
            p -= lr * (d + mu * self.velocity[k])

    def train_step(self, X, y):
        loss, g = self.backward(X, y)
        self.grads = self.clip(g)
        self.update()
        return float(loss)
