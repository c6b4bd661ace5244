"""sthard_numpy.py written differently: the weights kept (out, in) as nn.Linear keeps them
(logits = feats @ We.T + be), the softmax Jacobian applied as an explicit (K, K) matrix per
variable with einsum, the cross-entropy gradient as softmax minus a one-hot matrix.

Parameters: self.params = {We (G*K, F), be (G*K,), Wc (C, G*K), bc (C,)}.
"""

import math

import numpy as np


class STGumbelNet:
    def __init__(self, F=8, G=3, K=4, C=3, tau0=1.0, tau_min=0.5, decay=0.05, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0, 1 / math.sqrt(F), (G * K, F)),
            "be": np.zeros(G * K),
            "Wc": rng.normal(0, 1 / math.sqrt(G), (C, G * K)),
            "bc": np.zeros(C),
        }
        self.grads = {}
        self.shape = (F, G, K, C)
        self.tau0, self.tau_min, self.decay, self.lr = tau0, tau_min, decay, lr
        self.t = 0

    def train_step(self, X, y):
        F_, G, K, C = self.shape
        p = self.params
        N = len(X)
        tau = max(self.tau_min, self.tau0 - self.decay * self.t)
        feats, noise = X[:, :F_], X[:, F_:].reshape(N, G, K)
        s = ((feats @ p["We"].T + p["be"]).reshape(N, G, K) + noise) / tau
        s = np.exp(s - s.max(-1, keepdims=True))
        soft = s / s.sum(-1, keepdims=True)
        hard = (soft == soft.max(-1, keepdims=True)).astype(soft.dtype)
        z = hard.reshape(N, G * K)
        out = z @ p["Wc"].T + p["bc"]
        out = out - out.max(1, keepdims=True)
        prob = np.exp(out) / np.exp(out).sum(1, keepdims=True)
        onehot = np.eye(C, dtype=prob.dtype)[y]
        loss = -(onehot * np.log(prob)).sum() / N
        dout = (prob - onehot) / N
        dz = (dout @ p["Wc"]).reshape(N, G, K)
        jac = np.einsum("ngi,ij->ngij", soft, np.eye(K, dtype=soft.dtype)) - np.einsum("ngi,ngj->ngij", soft, soft)
        dlogits = np.einsum("ngij,ngj->ngi", jac, dz).reshape(N, G * K) / tau
        self.grads = {"We": dlogits.T @ feats, "be": dlogits.sum(0), "Wc": dout.T @ z, "bc": dout.sum(0)}
        for n in p:
            p[n] -= self.lr * self.grads[n]
        self.t += 1
        return float(loss)
