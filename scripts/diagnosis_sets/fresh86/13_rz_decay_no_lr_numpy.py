"""ReZero residual MLP classifier in NumPy with PReLU branches and a learned output temperature.

A linear stem h = x W_in + b_in, then NUM_BLOCKS ReZero blocks h <- h + alpha_k * F_k(h), each
alpha_k a learned scalar started small (ALPHA0, not zero, so every branch gets a gradient from the
first step), F_k(h) = prelu(h W1_k + b1_k; a_k) W2_k + b2_k with a learned PReLU slope a_k (one
scalar per block). The logits are (h W_out + b_out) / T with a learned temperature T, the loss the
softmax cross-entropy against one-hot targets averaged over the rows. AdamW (torch's: decoupled
decay p *= 1 - lr * WD before the Adam step, eps outside the square root, both moments
bias-corrected), the decay applied to the weight matrices only: biases, the alphas, the PReLU
slopes and the temperature are not decayed.

    The scalars (alpha_k, a_k, T) are one-element arrays.

    X: float (n, 10), y: float (n, 3) one-hot
"""

import numpy as np

N_IN, WIDTH, INNER, N_CLASSES, NUM_BLOCKS = 10, 12, 24, 3, 4
ALPHA0, SLOPE0, TEMP0 = 0.1, 0.25, 1.5
LR, WD, BETA1, BETA2, EPS = 0.01, 0.05, 0.9, 0.999, 1e-8


class ReZeroNet:
    def __init__(self, seed=86):
        rng = np.random.default_rng(seed)
        p = {"W_in": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, WIDTH)), "b_in": np.zeros(WIDTH)}
        for k in range(NUM_BLOCKS):
            p[f"W1_{k}"] = rng.normal(0.0, np.sqrt(2.0 / WIDTH), (WIDTH, INNER))
            p[f"b1_{k}"] = np.zeros(INNER)
            p[f"a_{k}"] = np.array([SLOPE0])
            p[f"W2_{k}"] = rng.normal(0.0, np.sqrt(1.0 / INNER), (INNER, WIDTH))
            p[f"b2_{k}"] = np.zeros(WIDTH)
            p[f"alpha_{k}"] = np.array([ALPHA0])
        p["W_out"] = rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (WIDTH, N_CLASSES))
        p["b_out"] = np.zeros(N_CLASSES)
        p["T"] = np.array([TEMP0])
        self.params = p
        self.decay = {k for k, a in p.items() if a.ndim == 2}
        self.m = {k: np.zeros_like(a) for k, a in p.items()}
        self.v = {k: np.zeros_like(a) for k, a in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = X @ p["W_in"] + p["b_in"]
        self.cache = []
        for k in range(NUM_BLOCKS):
            z = h @ p[f"W1_{k}"] + p[f"b1_{k}"]
            q = np.where(z > 0, z, p[f"a_{k}"] * z)
            r = q @ p[f"W2_{k}"] + p[f"b2_{k}"]
            self.cache.append((h, z, q, r))
            h = h + p[f"alpha_{k}"] * r
        self.h_last = h
        self.raw = h @ p["W_out"] + p["b_out"]
        return self.raw / p["T"]

    def loss(self, X, y):
        logits = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return float(-np.sum(y * logp) / len(X))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        logits = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(s)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        g = {}
        dlogits = (probs - y) / n
        g["T"] = np.sum(dlogits * self.raw) * (-1.0 / p["T"] ** 2)
        draw = dlogits / p["T"]
        g["W_out"] = self.h_last.T @ draw
        g["b_out"] = draw.sum(axis=0)
        dh = draw @ p["W_out"].T
        for k in reversed(range(NUM_BLOCKS)):
            h_in, z, q, r = self.cache[k]
            g[f"alpha_{k}"] = np.sum(dh * r)
            dr = p[f"alpha_{k}"] * dh
            g[f"W2_{k}"] = q.T @ dr
            g[f"b2_{k}"] = dr.sum(axis=0)
            dq = dr @ p[f"W2_{k}"].T
            g[f"a_{k}"] = np.sum(dq * np.where(z > 0, 0.0, z))
            dz = dq * np.where(z > 0, 1.0, p[f"a_{k}"])
            g[f"W1_{k}"] = h_in.T @ dz
            g[f"b1_{k}"] = dz.sum(axis=0)
            dh = dh + dz @ p[f"W1_{k}"].T
        g["W_in"] = X.T @ dh
        g["b_in"] = dh.sum(axis=0)
        self.grads = g

        self.t += 1
        bc1, bc2 = 1.0 - BETA1 ** self.t, 1.0 - BETA2 ** self.t
        for k, w in p.items():
            if k in self.decay:
                w *= 1.0 - WD  # fix: w *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
