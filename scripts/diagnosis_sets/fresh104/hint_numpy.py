"""A regression student distilled from a teacher's outputs and one of its hidden layers (a FitNets
hint), in NumPy.

Each row of X holds eight input features, then the teacher's six hidden activations (the hint)
and its two outputs. The student is a tanh hidden layer of five units and a linear output,
out = tanh(x W1 + b1) W2 + b2; a learned linear adapter maps the student's hidden activations to
the teacher's hidden width, r = h A + a. The loss is

    (1 - BETA) * mean((out - y)^2) + BETA * mean((out - t_out)^2) + gamma_t * mean((r - t_hint)^2)

(each mean over every entry), the hint weight gamma_t = GAMMA * max(0, 1 - (t - 1) / FADE) fading
linearly to zero over the first FADE updates (t = 1, 2, ...). The gradients are clipped by their
global norm (torch's clip_grad_norm_: scaled by min(1, MAX_NORM / (norm + 1e-6))), then AdamW:
torch's Adam moments with bias correction, eps outside the square root, and decoupled weight
decay p *= 1 - LR * WD on the three weight matrices only (not the biases).

    X: float (n, 16) features, teacher hidden, teacher outputs; y: float (n, 2) true targets
"""

import numpy as np

D, HIDDEN, HINT, OUT = 8, 5, 6, 2
BETA, GAMMA, FADE = 0.5, 1.0, 12
LR, WD, MAX_NORM = 0.02, 0.05, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class HintStudent:
    def __init__(self, seed=104):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, OUT)),
            "b2": np.zeros(OUT),
            "A": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HINT)),
            "a": np.zeros(HINT),
        }
        self.decayed = ("W1", "W2", "A")
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def hint_weight(self, t):
        return GAMMA * max(0.0, 1.0 - (t - 1) / FADE)

    def split(self, X):
        return X[:, :D], X[:, D:D + HINT], X[:, D + HINT:]

    def forward(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        r = h @ p["A"] + p["a"]
        return h, out, r

    def loss(self, X, y):
        x, t_hint, t_out = self.split(X)
        h, out, r = self.forward(x)
        gamma = self.hint_weight(self.t + 1)
        return ((1.0 - BETA) * np.mean((out - y) ** 2) + BETA * np.mean((out - t_out) ** 2)
                + gamma * np.mean((r - t_hint) ** 2))

    def train_step(self, X, y):
        p = self.params
        x, t_hint, t_out = self.split(X)
        h, out, r = self.forward(x)
        self.t += 1
        gamma = self.hint_weight(self.t)
        loss = ((1.0 - BETA) * np.mean((out - y) ** 2) + BETA * np.mean((out - t_out) ** 2)
                + gamma * np.mean((r - t_hint) ** 2))

        dout = (2.0 * (1.0 - BETA) * (out - y) + 2.0 * BETA * (out - t_out)) / out.size
        dr = 2.0 * gamma * (r - t_hint) / r.size
        g = {}
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        g["A"] = h.T @ dr
        g["a"] = dr.sum(axis=0)
        dh = dout @ p["W2"].T + dr @ p["A"].T
        dz = dh * (1.0 - h ** 2)
        g["W1"] = x.T @ dz
        g["b1"] = dz.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * scale
        self.grads = g

        for k in p:
            if k in self.decayed:
                p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
