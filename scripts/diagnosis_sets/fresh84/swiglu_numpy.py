"""Squeeze-and-excitation feature gate and a SwiGLU feed-forward block, a tabular classifier in
NumPy.

The SE gate squeezes the ten features to a bottleneck of four (ReLU) and excites them back through
a sigmoid, s = sigmoid(relu(X Wse1 + bse1) Wse2 + bse2), and the block reads the gated features
xs = X * s. The SwiGLU block multiplies a linear value branch by a SiLU gate branch,
u = (xs Wv + bv) * silu(xs Wg + bg) with silu(z) = z * sigmoid(z), and a linear head gives the three
class logits. Softmax cross-entropy averaged over the rows. The gradients are clipped to a global
L2 norm of MAX_NORM (as torch.nn.utils.clip_grad_norm_: scaled by min(1, MAX_NORM / (norm + 1e-6))),
then AdamW (torch's: the decoupled decay p *= 1 - lr * WD first, then the bias-corrected Adam step)
with a linear warmup, the t-th update (t = 1, 2, ...) made with LR * min(1, t / WARMUP).

    X: float (n, 10), y: int64 (n,) class in 0..2
"""

import numpy as np

D, R, H, K = 10, 4, 12, 3
LR, WD, WARMUP, MAX_NORM = 0.02, 0.05, 5, 0.35
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SESwiGLU:
    def __init__(self, seed=84):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wse1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, R)),
            "bse1": np.zeros(R),
            "Wse2": rng.normal(0.0, 1.0 / np.sqrt(R), (R, D)),
            "bse2": np.full(D, 1.0),
            "Wv": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "bv": np.zeros(H),
            "Wg": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "bg": np.zeros(H),
            "Wo": rng.normal(0.0, 1.0 / np.sqrt(H), (H, K)),
            "bo": np.zeros(K),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        c = {"X": X}
        c["z1"] = X @ p["Wse1"] + p["bse1"]
        c["r"] = np.maximum(c["z1"], 0.0)
        c["s"] = sigmoid(c["r"] @ p["Wse2"] + p["bse2"])
        c["xs"] = X * c["s"]
        c["a"] = c["xs"] @ p["Wv"] + p["bv"]
        c["zg"] = c["xs"] @ p["Wg"] + p["bg"]
        c["sg"] = sigmoid(c["zg"])
        c["u"] = c["a"] * c["zg"] * c["sg"]
        logits = c["u"] @ p["Wo"] + p["bo"]
        return logits, c

    def loss(self, X, y):
        logits, _ = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(y)), y].mean())

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        logits, c = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        g = {}
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g["Wo"] = c["u"].T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        du = dlogits @ p["Wo"].T
        da = du * c["zg"] * c["sg"]
        dzg = du * c["a"] * c["sg"] * (1.0 + c["zg"] * (1.0 - c["sg"]))
        g["Wv"] = c["xs"].T @ da
        g["bv"] = da.sum(axis=0)
        g["Wg"] = c["xs"].T @ dzg
        g["bg"] = dzg.sum(axis=0)
        dxs = da @ p["Wv"].T + dzg @ p["Wg"].T
        ds = dxs * X
        dz2 = ds * c["s"] * (1.0 - c["s"])
        g["Wse2"] = c["r"].T @ dz2
        g["bse2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ p["Wse2"].T) * (c["z1"] > 0)
        g["Wse1"] = X.T @ dz1
        g["bse1"] = dz1.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        scale = min(1.0, MAX_NORM / (float(norm) + 1e-6))
        for k in g:
            g[k] = g[k] * scale
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
