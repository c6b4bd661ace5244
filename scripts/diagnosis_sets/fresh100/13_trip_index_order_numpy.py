"""Triplet network on L2-normalised embeddings, in NumPy.

Every point of X is embedded once by the shared tower (ReLU hidden layer, linear embedding) and
normalised, u = e / sqrt(|e|^2 + EPS); the triplets come as index arrays into X (the columns of y:
anchor, positive, negative), so a point's gradient is the sum over every triplet slot it fills
(np.add.at). The distance is the squared Euclidean distance between normalised embeddings and the
loss the triplet margin loss averaged over the triplets, mean(max(0, d(a,p) - d(a,n) + m)), with a
margin schedule m = min(M_MAX, M0 + M_STEP * t), t the number of updates already made. AdamW as
torch.optim.AdamW writes it: decoupled weight decay p *= 1 - lr * WD on every parameter, then the
bias-corrected Adam step with eps outside the square root.

    X: float (n, 10) the points, y: int (n, 3) triplets (anchor, positive, negative) as row indices
"""

import numpy as np

D, HIDDEN, EMB = 10, 24, 8
LR, WD, BETA1, BETA2, ADAM_EPS = 0.005, 0.01, 0.9, 0.999, 1e-8
M0, M_STEP, M_MAX = 0.3, 0.05, 1.0
EPS = 1e-6


class TripletNet:
    def __init__(self, seed=100):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.05, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, EMB)),
            "b2": np.zeros(EMB),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def margin(self):
        return min(M_MAX, M0 + M_STEP * self.t)

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        e = h @ p["W2"] + p["b2"]
        r = np.sqrt(np.sum(e ** 2, axis=1, keepdims=True) + EPS)
        return h, e, r, e / r

    def triplet_terms(self, X, y):
        ia, ineg, ip = y.astype(np.int64).T  # fix: ia, ip, ineg = y.astype(np.int64).T
        h, e, r, u = self.forward(X)
        A, P, N = u[ia], u[ip], u[ineg]
        dap = np.sum((A - P) ** 2, axis=1)
        dan = np.sum((A - N) ** 2, axis=1)
        viol = dap - dan + self.margin()
        return (ia, ip, ineg), (h, e, r, u), (A, P, N), viol

    def loss(self, X, y):
        viol = self.triplet_terms(X, y)[3]
        return float(np.mean(np.maximum(0.0, viol)))

    def train_step(self, X, y):
        p = self.params
        n = len(y)
        (ia, ip, ineg), (h, e, r, u), (A, P, N), viol = self.triplet_terms(X, y)
        loss = np.mean(np.maximum(0.0, viol))

        active = (viol > 0).astype(X.dtype)[:, None] / n
        gA = 2.0 * active * ((A - P) - (A - N))
        gP = -2.0 * active * (A - P)
        gN = 2.0 * active * (A - N)
        du = np.zeros_like(u)
        np.add.at(du, ia, gA)
        np.add.at(du, ip, gP)
        np.add.at(du, ineg, gN)
        # through u = e / r
        de = (du - u * np.sum(u * du, axis=1, keepdims=True)) / r
        g = {}
        g["W2"] = h.T @ de
        g["b2"] = de.sum(axis=0)
        dpre = (de @ p["W2"].T) * (h > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR
        for k in p:
            p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
