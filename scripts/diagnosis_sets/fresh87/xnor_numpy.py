"""XNOR-style BinaryConnect network in NumPy, with hard-tanh hidden units and the squared hinge loss.

The parameters W1, W2 are latent real-valued weights; the forward pass uses their signs scaled
per output unit by the mean absolute latent weight of that unit (XNOR-Net): W_b = sign(W) *
mean(|W|, axis=0). The hidden layer is a hard tanh, clip(z, -1, 1), the output one linear unit.
The loss is the squared hinge mean(max(0, 1 - t * out) ** 2) with t = 2y - 1 the -1/+1 target
of the 0/1 label. The backward pass treats the scale as a constant and the sign by the
straight-through estimator, the identity where |W| <= 1: dL/dW = dL/dW_b * scale * [|W| <= 1];
the hard tanh passes the gradient where |z| < 1. Adam (bias-corrected) updates the latent
weights and the real-valued biases, after which the latent weights are clipped to [-1, 1]
(BinaryConnect).

    X: float (n, 10), y: float (n,) labels 0/1
"""

import numpy as np

D, HIDDEN = 10, 12
LR, BETA1, BETA2, EPS = 0.02, 0.9, 0.999, 1e-8
BINARY = ("W1", "W2")


def binarize(W):
    alpha = np.abs(W).mean(axis=0)           # one scale per output unit
    return np.sign(W) * alpha, alpha


def hinge_targets(y, out):
    t = 2.0 * y - 1.0                        # labels 0/1 -> targets -1/+1
    return t, np.maximum(0.0, 1.0 - t * out)


class XnorNet:
    def __init__(self, seed=87):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-1.0, 1.0, (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.uniform(-1.0, 1.0, (HIDDEN, 1)),
            "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        Wb1, alpha1 = binarize(p["W1"])
        z1 = X @ Wb1 + p["b1"]
        a1 = np.clip(z1, -1.0, 1.0)
        Wb2, alpha2 = binarize(p["W2"])
        out = (a1 @ Wb2 + p["b2"])[:, 0]
        return Wb1, alpha1, z1, a1, Wb2, alpha2, out

    def loss(self, X, y):
        out = self.forward(X)[-1]
        return np.mean(hinge_targets(y, out)[1] ** 2)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Wb1, alpha1, z1, a1, Wb2, alpha2, out = self.forward(X)
        t, margin = hinge_targets(y, out)
        loss = np.mean(margin ** 2)

        g = {}
        dout = -2.0 * t * margin / n
        g["W2"] = (a1.T @ dout[:, None]) * alpha2 * (np.abs(p["W2"]) <= 1.0)
        g["b2"] = dout.sum(keepdims=True)
        da1 = dout[:, None] @ Wb2.T
        dz1 = da1 * (np.abs(z1) < 1.0)
        g["W1"] = (X.T @ dz1) * alpha1 * (np.abs(p["W1"]) <= 1.0)
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        for k in BINARY:
            np.clip(p[k], -1.0, 1.0, out=p[k])
        return float(loss)
