"""The Euler-unrolled neural ODE of ode_numpy.py written in another style: the parameters kept as
attributes in torch's (out, in) layout and applied as h @ W.T, the forward pass caching the
pre-activations (the backward takes 1 - tanh(pre)^2 from them), the states kept in a preallocated
(N_STEPS + 1, n, HIDDEN) array, the global gradient norm taken with np.linalg.norm over one
concatenated vector, and AdamW's bias corrections kept as running powers of the betas instead of
an update count.

    X: float (n, 5), y: float (n,) the regression target
"""

import numpy as np

N_IN, WIDTH, HORIZON, EULER_STEPS = 5, 8, 1.0, 6
STEP = HORIZON / EULER_STEPS
ALPHA, DECAY, CLIP = 0.01, 0.05, 2.0
B1, B2, TINY = 0.9, 0.999, 1e-8
NAMES = ("A", "a", "W", "b", "c", "c0")


class EulerODEAlt:
    def __init__(self, seed=80):
        rng = np.random.default_rng(seed)
        self.A = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (WIDTH, N_IN))
        self.a = np.zeros(WIDTH)
        self.W = rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (WIDTH, WIDTH))
        self.b = rng.normal(0.0, 0.1, WIDTH)
        self.c = rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (1, WIDTH))
        self.c0 = np.zeros(1)
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.b1_power = 1.0
        self.b2_power = 1.0

    def predict(self, X):
        states = np.empty((EULER_STEPS + 1, X.shape[0], WIDTH), dtype=X.dtype)
        pres = np.empty((EULER_STEPS, X.shape[0], WIDTH), dtype=X.dtype)
        states[0] = X @ self.A.T + self.a
        for k in range(EULER_STEPS):
            pres[k] = states[k] @ self.W.T + self.b
            states[k + 1] = states[k] + STEP * np.tanh(pres[k])
        out = (states[-1] @ self.c.T + self.c0).ravel()
        return states, pres, out

    def loss(self, X, y):
        return float(np.mean(np.square(self.predict(X)[2] - y)))

    def train_step(self, X, y):
        states, pres, out = self.predict(X)
        resid = out - y
        loss = np.mean(np.square(resid))

        d_out = (2.0 * resid / resid.size).reshape(-1, 1)
        grads = {"c": d_out.T @ states[-1], "c0": d_out.sum(axis=0)}
        adj = d_out @ self.c
        dW, db = np.zeros_like(self.W), np.zeros_like(self.b)
        for k in range(EULER_STEPS - 1, -1, -1):
            d_pre = STEP * adj * (1.0 - np.tanh(pres[k]) ** 2)
            dW += d_pre.T @ states[k]
            db += d_pre.sum(axis=0)
            adj = adj + d_pre @ self.W
        grads.update(W=dW, b=db, A=adj.T @ X, a=adj.sum(axis=0))

        total = np.linalg.norm(np.concatenate([grads[k].ravel() for k in NAMES]))
        if total > CLIP:
            scale = CLIP / (total + 1e-6)
            grads = {k: g * scale for k, g in grads.items()}
        self.grads = grads

        self.b1_power *= B1
        self.b2_power *= B2
        for k in NAMES:
            param, g = getattr(self, k), grads[k]
            param *= 1.0 - ALPHA * DECAY
            self.m[k] = B1 * self.m[k] + (1.0 - B1) * g
            self.v[k] = B2 * self.v[k] + (1.0 - B2) * g * g
            denom = np.sqrt(self.v[k] / (1.0 - self.b2_power)) + TINY
            param -= ALPHA * (self.m[k] / (1.0 - self.b1_power)) / denom
        return float(loss)
