"""The ReLU/L1 sparse autoencoder of l1_numpy.py, written another way in NumPy.

Parameters in one dict; Adam with explicit m_hat and v_hat (m_hat / (sqrt(v_hat) + eps));
the ReLU gradient through np.where; the squared error through its residual; decoder rows
rescaled by 1 / sqrt(sum of squares).
"""

import numpy as np


class SAE:
    def __init__(self, n_in=16, n_feat=32, lam=0.1, lr=5e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(1)
        dec = rng.standard_normal((n_feat, n_in)) * 0.4
        self.p = {"enc_w": 0.8 * dec.T, "enc_b": np.zeros(n_feat),
                  "dec_w": dec.copy(), "dec_b": np.zeros(n_in)}
        self.lam, self.lr, self.b1, self.b2, self.eps = lam, lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.step = 0
        self.grads = {}

    def loss(self, X, y=None):
        p = self.p
        f = np.maximum((X - p["dec_b"]) @ p["enc_w"] + p["enc_b"], 0.0)
        r = f @ p["dec_w"] + p["dec_b"] - X
        return (np.sum(r * r) + self.lam * np.sum(f)) / X.shape[0]

    def train_step(self, X, y):
        p = self.p
        N = X.shape[0]
        xc = X - p["dec_b"]
        z = xc @ p["enc_w"] + p["enc_b"]
        f = np.where(z > 0, z, 0.0)
        r = f @ p["dec_w"] + p["dec_b"] - X
        loss = (np.sum(r * r) + self.lam * np.sum(f)) / N

        gr = (2.0 / N) * r
        gz = np.where(z > 0, gr @ p["dec_w"].T + self.lam / N, 0.0)
        self.grads = {
            "dec_w": f.T @ gr,
            "dec_b": gr.sum(axis=0) - gz.sum(axis=0) @ p["enc_w"].T,
            "enc_w": xc.T @ gz,
            "enc_b": gz.sum(axis=0),
        }
        self.step += 1
        for k, g in self.grads.items():
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * np.square(g)
            m_hat = self.m[k] / (1 - self.b1 ** self.step)
            v_hat = self.v[k] / (1 - self.b2 ** self.step)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        w = p["dec_w"]
        w *= 1.0 / np.sqrt((w * w).sum(axis=1, keepdims=True))
        return float(loss)
