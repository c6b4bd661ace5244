"""Pi-model consistency training with entropy minimisation, a two-hidden-layer ReLU MLP in NumPy.

Each row of X holds two views of a point: X[:, :D] the weak view, X[:, D:] the strong view;
y is the class for labelled rows, -1 for unlabelled rows. One forward pass on the stacked batch
[labelled weak; unlabelled weak; unlabelled strong]:

    supervised    loss_s = mean over labelled rows of CE(f(weak), y)
    consistency   loss_c = mean over unlabelled rows and classes of (p_s - p_w)^2,
                  p = softmax(f(.)); gradient flows into BOTH views (Pi-model)
    entropy       ent = mean over unlabelled rows of -sum_c p_w log p_w
    ramp-up       w_t = w_max * exp(-5 (1 - min(t, T) / T)^2), t = 1, 2, ... the step being taken
    total         loss = loss_s + w_t * loss_c + beta * ent

Weights kept as torch does, (out, in), in self.params; Adam (torch.optim.Adam defaults, lr 0.01).
"""

import math

import numpy as np


def log_softmax(z):
    s = z - z.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


def softmax_backward(p, dp):
    """d loss / d z for p = softmax(z) given d loss / d p (rows independent)."""
    return p * (dp - (dp * p).sum(axis=1, keepdims=True))


class PiModelNet:
    def __init__(self, n_in=8, hidden=24, n_classes=4, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 w_max=10.0, ramp_steps=10, beta_ent=0.1, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((hidden, n_in)) * np.sqrt(2.0 / n_in),
            "b1": np.full(hidden, 0.01),
            "W2": rng.standard_normal((hidden, hidden)) * np.sqrt(2.0 / hidden),
            "b2": np.full(hidden, 0.01),
            "W3": rng.standard_normal((n_classes, hidden)) / np.sqrt(hidden),
            "b3": np.zeros(n_classes),
        }
        self.n_classes = n_classes
        self.lr, self.eps = lr, eps
        self.beta1, self.beta2 = betas
        self.w_max, self.ramp_steps, self.beta_ent = w_max, ramp_steps, beta_ent
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def consistency_weight(self, t):
        phase = 1.0 - min(t, self.ramp_steps) / self.ramp_steps
        return self.w_max * math.exp(-5.0 * phase * phase)

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"].T + p["b1"]
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ p["W2"].T + p["b2"]
        a2 = np.maximum(z2, 0.0)
        return a2 @ p["W3"].T + p["b3"], (X, z1, a1, z2, a2)

    def _objective(self, X, y):
        d = X.shape[1] // 2
        lab = y >= 0
        yl = y[lab]
        nl, nu = len(yl), int((~lab).sum())
        inputs = np.concatenate([X[lab, :d], X[~lab, :d], X[~lab, d:]])
        logits, cache = self.forward(inputs)
        zl, zw, zs = logits[:nl], logits[nl:nl + nu], logits[nl + nu:]
        lpl, lpw, lps = log_softmax(zl), log_softmax(zw), log_softmax(zs)
        pl, pw, ps = np.exp(lpl), np.exp(lpw), np.exp(lps)
        w = self.consistency_weight(self.t + 1)
        loss_s = -lpl[np.arange(nl), yl].mean()
        loss_c = ((ps - pw) ** 2).mean()
        ent = -(pw * lpw).sum(axis=1).mean()
        loss = loss_s + w * loss_c + self.beta_ent * ent
        return loss, (yl, nl, nu, pl, pw, ps, lpw, w, cache)

    def loss(self, X, y):
        return self._objective(X, y)[0]

    def backward(self, X, y):
        p = self.params
        loss, (yl, nl, nu, pl, pw, ps, lpw, w, cache) = self._objective(X, y)
        C = self.n_classes

        dzl = pl.copy()
        dzl[np.arange(nl), yl] -= 1.0
        dzl /= nl
        dps = (2.0 * w / (nu * C)) * (ps - pw)
        dpw = -dps + (self.beta_ent / nu) * (lpw + 1.0)
        dzw = softmax_backward(pw, dpw)
        dzs = softmax_backward(ps, dps)
        dz3 = np.concatenate([dzl, dzw, dzs])

        inputs, z1, a1, z2, a2 = cache
        g = {}
        g["W3"] = dz3.T @ a2
        g["b3"] = dz3.sum(axis=0)
        dz2 = (dz3 @ p["W3"]) * (z2 > 0)
        g["W2"] = dz2.T @ a1
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"]) * (z1 > 0)
        g["W1"] = dz1.T @ inputs
        g["b1"] = dz1.sum(axis=0)
        self.grads = g
        return loss

    def adam_update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, param in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_update()
        return float(loss)
