"""A tabular regressor with categorical embeddings and batch normalisation, from scratch in NumPy.

X holds three integer-coded categorical columns (stored as floats) and five raw numeric columns.
Each categorical column has its own embedding table; the numeric columns are standardised with
the training-set constants NUM_MEAN / NUM_STD kept on the model. Then

    h0 = [E0[c0], E1[c1], E2[c2], (x_num - NUM_MEAN) / NUM_STD]     (N, 13)
    a1 = relu(bn1(h0 @ W1))                                         (N, 16)
    a2 = relu(bn2(a1 @ W2))                                         (N, 8)
    out = a2 @ W3 + b3                                              (N, 1)
    loss = mean Huber(out - y, delta=1)

Batch norm in training mode: batch mean, biased batch variance, eps 1e-3, learnable gamma/beta,
running statistics kept with momentum 0.1 (unbiased variance), as torch.nn.BatchNorm1d.
Adam (as torch.optim.Adam) with three parameter groups: the embedding tables at LR_EMB, the
dense weights W1, W2, W3 at LR with an L2 term WD * W added to their gradient, the output bias
and the batch-norm gamma/beta at LR without it (the layers feeding a batch norm have no bias). The embedding gradient is a scatter-add of the rows
of d h0 into the rows the batch used (np.add.at).

    X: float (N, 8), y: float (N, 1)
"""

import math

import numpy as np

CARDS = (5, 4, 6)
DIMS = (3, 2, 3)
N_CAT, N_NUM = 3, 5
H1, H2 = 16, 8
NUM_MEAN = (88.0, 25.0, 3.2, 7.0, 5.0)
NUM_STD = (26.0, 13.5, 1.0, 5.0, 3.1)
EPS, BN_MOM, DELTA = 1e-3, 0.1, 1.0
LR, LR_EMB, WD = 0.01, 0.05, 1e-2
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8
DENSE = ("W1", "W2", "W3")


class TabularBNRegressor:
    def __init__(self, seed=107):
        rng = np.random.default_rng(seed)
        d_in = sum(DIMS) + N_NUM
        p = {}
        for j, (c, d) in enumerate(zip(CARDS, DIMS)):
            p[f"E{j}"] = rng.standard_normal((c, d))
        p["W1"] = rng.normal(0.0, math.sqrt(2.0 / d_in), (d_in, H1))
        p["g1"] = 1.0 + 0.1 * rng.standard_normal(H1)
        p["be1"] = 0.1 * rng.standard_normal(H1)
        p["W2"] = rng.normal(0.0, math.sqrt(2.0 / H1), (H1, H2))
        p["g2"] = 1.0 + 0.1 * rng.standard_normal(H2)
        p["be2"] = 0.1 * rng.standard_normal(H2)
        p["W3"] = rng.normal(0.0, math.sqrt(1.0 / H2), (H2, 1))
        p["b3"] = np.full(1, 1.5)
        self.params = p
        self.num_mean = np.array(NUM_MEAN)
        self.num_std = np.array(NUM_STD)
        self.running_mean = [np.zeros(H1), np.zeros(H2)]
        self.running_var = [np.ones(H1), np.ones(H2)]
        self.m = {k: np.zeros_like(a) for k, a in p.items()}
        self.v = {k: np.zeros_like(a) for k, a in p.items()}
        self.t = 0
        self.grads = {}

    # ------------------------------------------------------------------ forward
    def _bn(self, z, gamma, beta, layer):
        n = z.shape[0]
        mean = z.mean(axis=0)
        var = z.var(axis=0)
        self.running_mean[layer] = (1 - BN_MOM) * self.running_mean[layer] + BN_MOM * mean
        self.running_var[layer] = (1 - BN_MOM) * self.running_var[layer] + BN_MOM * var * n / (n - 1)
        inv_std = 1.0 / np.sqrt(var + EPS)
        xhat = (z - mean) * inv_std
        return gamma * xhat + beta, (xhat, inv_std)

    def forward(self, X):
        p = self.params
        codes = X[:, :N_CAT].astype(np.int64)
        num = (X[:, N_CAT:] - self.num_mean) / self.num_std
        embs = [p[f"E{j}"][codes[:, j]] for j in range(N_CAT)]
        h0 = np.concatenate(embs + [num], axis=1)
        z1 = h0 @ p["W1"]
        zn1, bn1 = self._bn(z1, p["g1"], p["be1"], 0)
        a1 = np.maximum(zn1, 0.0)
        z2 = a1 @ p["W2"]
        zn2, bn2 = self._bn(z2, p["g2"], p["be2"], 1)
        a2 = np.maximum(zn2, 0.0)
        out = a2 @ p["W3"] + p["b3"]
        self.cache = (codes, h0, zn1, bn1, a1, zn2, bn2, a2)
        return out

    @staticmethod
    def _huber(r):
        a = np.abs(r)
        return np.mean(np.where(a <= DELTA, 0.5 * r * r, DELTA * (a - 0.5 * DELTA)))

    def loss(self, X, y):
        return self._huber(self.forward(X) - y)

    # ----------------------------------------------------------------- backward
    @staticmethod
    def _bn_backward(dzn, gamma, xhat, inv_std):
        n = dzn.shape[0]
        dgamma = (dzn * xhat).sum(axis=0)
        dbeta = dzn.sum(axis=0)
        dxhat = dzn * gamma
        dz = (inv_std / n) * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
        return dz, dgamma, dbeta

    def backward(self, X, y):
        p = self.params
        out = self.forward(X)
        r = out - y
        loss = self._huber(r)
        codes, h0, zn1, (xhat1, inv1), a1, zn2, (xhat2, inv2), a2 = self.cache
        g = {}
        dout = np.clip(r, -DELTA, DELTA) / r.size
        g["W3"] = a2.T @ dout
        g["b3"] = dout.sum(axis=0)
        dzn2 = (dout @ p["W3"].T) * (zn2 > 0)
        dz2, g["g2"], g["be2"] = self._bn_backward(dzn2, p["g2"], xhat2, inv2)
        g["W2"] = a1.T @ dz2
        dzn1 = (dz2 @ p["W2"].T) * (zn1 > 0)
        dz1, g["g1"], g["be1"] = self._bn_backward(dzn1, p["g1"], xhat1, inv1)
        g["W1"] = h0.T @ dz1
        dh0 = dz1 @ p["W1"].T
        off = 0
        for j, d in enumerate(DIMS):
            gE = np.zeros_like(p[f"E{j}"])
            np.add.at(gE, codes[:, j], dh0[:, off:off + d])
            g[f"E{j}"] = gE
            off += d
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k, w in self.params.items():
            grad = self.grads[k]
            lr = LR_EMB if k.startswith("E") else LR
            if k in DENSE:
                w *= 1.0 - lr * WD  # fix: grad = grad + WD * w
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * grad
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * grad * grad
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= lr * m_hat / (np.sqrt(v_hat) + ADAM_EPS)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
