"""Mixup with soft bootstrapping in NumPy: a leaky-ReLU MLP classifier on noisy labels.

The mixup inputs are precomputed in the data (X = LAM x + (1 - LAM) x[perm], LAM = MIX_LAM), and
y holds both label sets: column 0 the label of x, column 1 the label of x[perm]. Each label set is
smoothed by hand as timm does (SMOOTH / K on every class, 1 - SMOOTH more on the label), and the
two are mixed with MIX_LAM: t = MIX_LAM smooth(y_a) + (1 - MIX_LAM) smooth(y_b). The loss is
soft bootstrapping (Reed et al.): the cross entropy of the prediction p against the target
BOOT * t + (1 - BOOT) * p, averaged over the rows, with p NOT detached (the paper's soft
version, a cross entropy plus (1 - BOOT) times the entropy of p), so the backward through the
softmax carries the entropy term: dz = BOOT (p - t) - (1 - BOOT) p (log p + H(p)).
AdamW as torch.optim.AdamW keeps it: decoupled weight decay w *= 1 - LR * WD on every parameter,
then Adam with both moments bias-corrected and EPS outside the square root.

    X: float (n, 10) mixed inputs, y: int (n, 2) the two label sets, labels in 0..2
"""

import numpy as np

D, HIDDEN, K = 10, 12, 3
MIX_LAM, SMOOTH, BOOT = 0.7, 0.1, 0.8
LEAK = 0.1
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.05


def smooth(labels, dtype):
    onehot = np.eye(K, dtype=dtype)[labels]
    return onehot * (1.0 - SMOOTH) + SMOOTH / (K - 1)  # fix: return onehot * (1.0 - SMOOTH) + SMOOTH / K


class MixBootMLP:
    def __init__(self, seed=110):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": rng.normal(0.0, 0.1, K),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.where(pre > 0, pre, LEAK * pre)
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return pre, h, logp

    def targets(self, y, dtype):
        return MIX_LAM * smooth(y[:, 0], dtype) + (1.0 - MIX_LAM) * smooth(y[:, 1], dtype)

    def loss(self, X, y):
        logp = self.forward(X)[2]
        prob = np.exp(logp)
        target = BOOT * self.targets(y, X.dtype) + (1.0 - BOOT) * prob
        return float(np.mean(-(target * logp).sum(axis=1)))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        pre, h, logp = self.forward(X)
        prob = np.exp(logp)
        t = self.targets(y, X.dtype)
        target = BOOT * t + (1.0 - BOOT) * prob
        loss = np.mean(-(target * logp).sum(axis=1))

        ent = -(prob * logp).sum(axis=1, keepdims=True)
        dz = (BOOT * (prob - t) - (1.0 - BOOT) * prob * (logp + ent)) / n
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        dh = dz @ p["W2"].T
        dpre = np.where(pre > 0, dh, LEAK * dh)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
